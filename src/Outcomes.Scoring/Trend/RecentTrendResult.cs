using System.Globalization;

namespace Outcomes.Scoring.Trend;

/// <summary>
/// A recent-trend test (METHODS §4): the outcome, the χ² statistic for trend (NaN when not calculated) and the sign of
/// the fitted change per period.
/// </summary>
/// <param name="Outcome">The reported outcome.</param>
/// <param name="ChiSquared">The Cochran–Armitage χ² for trend (1 d.f.), or NaN.</param>
/// <param name="Slope">The least-squares change in proportion per period (weighted by denominators), or NaN.</param>
/// <param name="Problem">Why it was not calculable, or <see cref="RecentTrendProblem.None"/>.</param>
public readonly record struct RecentTrendResult(RecentTrendOutcome Outcome, double ChiSquared, double Slope, RecentTrendProblem Problem)
{
    /// <summary>χ² above the 99.8% critical value.</summary>
    public bool IsSignificant => Outcome is not (RecentTrendOutcome.NotCalculable or RecentTrendOutcome.NoSignificantChange);

    /// <summary>Fingertips' label: "Increasing and getting better", "No significant change", "Could not be calculated" ….</summary>
    public string Label => Outcome switch
    {
        RecentTrendOutcome.NoSignificantChange => "No significant change",
        RecentTrendOutcome.Increasing => "Increasing",
        RecentTrendOutcome.Decreasing => "Decreasing",
        RecentTrendOutcome.IncreasingAndGettingBetter => "Increasing and getting better",
        RecentTrendOutcome.IncreasingAndGettingWorse => "Increasing and getting worse",
        RecentTrendOutcome.DecreasingAndGettingBetter => "Decreasing and getting better",
        RecentTrendOutcome.DecreasingAndGettingWorse => "Decreasing and getting worse",
        _ => "Could not be calculated",
    };

    /// <summary>One sentence a councillor can read.</summary>
    public string Description => Outcome switch
    {
        RecentTrendOutcome.NotCalculable => "Recent trend could not be calculated: " + Problem switch
        {
            RecentTrendProblem.TooFewPoints => $"it needs {RecentTrend.Periods} periods.",
            RecentTrendProblem.MissingValue => $"one of the last {RecentTrend.Periods} periods has no value.",
            RecentTrendProblem.ZeroDenominator => "a denominator is zero.",
            RecentTrendProblem.InvalidCount => "a count is negative or larger than its denominator.",
            RecentTrendProblem.CountEqualsDenominator => "a count equals its denominator (100%).",
            _ => "there were no events in any period.",
        },
        RecentTrendOutcome.NoSignificantChange => string.Create(CultureInfo.InvariantCulture,
            $"No significant change over the last {RecentTrend.Periods} periods (chi-squared for trend {ChiSquared:0.00}, not above {RecentTrend.CriticalValue})."),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"{Label} over the last {RecentTrend.Periods} periods (chi-squared for trend {ChiSquared:0.00}, above {RecentTrend.CriticalValue}: significant at 99.8%)."),
    };
}
