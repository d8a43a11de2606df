using Outcomes.Domain.Frameworks;

namespace Outcomes.Scoring.Trend;

/// <summary>
/// PHE "recent trend" (METHODS §4): the chi-squared test for trend in proportions (Cochran–Armitage) over the five
/// most recent consecutive periods, scored 1…5. With counts xᵢ of nᵢ, X = Σxᵢ, N = Σnᵢ, p̄ = X/N, t̄ = Σnᵢtᵢ/N:
/// <code>χ² = [Σ xᵢ(tᵢ − t̄)]² / (p̄(1 − p̄) · Σ nᵢ(tᵢ − t̄)²)</code>
/// significant when χ² &gt; 9.5495 (p = 0.002, 1 d.f.); the sign of Σ xᵢ(tᵢ − t̄) says increasing or decreasing.
/// Allocation-free; a result is a small struct.
/// </summary>
public static class RecentTrend
{
    /// <summary>Periods tested: the five most recent.</summary>
    public const int Periods = 5;

    /// <summary>The χ² (1 d.f.) critical value at p = 0.002.</summary>
    public const double CriticalValue = 9.5495;

    /// <summary>
    /// Tests the last five entries of <paramref name="counts"/> over <paramref name="denominators"/> (same length, in
    /// period order, consecutive periods; NaN = missing).
    /// </summary>
    public static RecentTrendResult Assess(ReadOnlySpan<double> counts, ReadOnlySpan<double> denominators, Polarity polarity)
    {
        if (counts.Length != denominators.Length)
        {
            throw new ArgumentException($"Counts ({counts.Length}) and denominators ({denominators.Length}) must pair up.", nameof(denominators));
        }

        if (counts.Length < Periods)
        {
            return NotCalculable(RecentTrendProblem.TooFewPoints);
        }

        var x = counts[^Periods..];
        var n = denominators[^Periods..];
        double events = 0, total = 0, weightedTime = 0;
        for (var i = 0; i < Periods; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(n[i]))
            {
                return NotCalculable(RecentTrendProblem.MissingValue);
            }

            if (n[i] <= 0)
            {
                return NotCalculable(RecentTrendProblem.ZeroDenominator);
            }

            if (x[i] < 0 || x[i] > n[i])
            {
                return NotCalculable(RecentTrendProblem.InvalidCount);
            }

            if (x[i] == n[i])
            {
                return NotCalculable(RecentTrendProblem.CountEqualsDenominator);
            }

            events += x[i];
            total += n[i];
            weightedTime += n[i] * (i + 1);
        }

        if (events == 0)
        {
            return NotCalculable(RecentTrendProblem.NoEvents);
        }

        var p = events / total;
        var meanTime = weightedTime / total;
        double numerator = 0, spread = 0;
        for (var i = 0; i < Periods; i++)
        {
            var d = i + 1 - meanTime;
            numerator += x[i] * d;
            spread += n[i] * d * d;
        }

        var chiSquared = numerator * numerator / (p * (1 - p) * spread);
        var slope = numerator / spread;
        if (!(chiSquared > CriticalValue))
        {
            return new RecentTrendResult(RecentTrendOutcome.NoSignificantChange, chiSquared, slope, RecentTrendProblem.None);
        }

        var rising = numerator > 0;
        var outcome = polarity switch
        {
            Polarity.HigherIsBetter => rising ? RecentTrendOutcome.IncreasingAndGettingBetter : RecentTrendOutcome.DecreasingAndGettingWorse,
            Polarity.LowerIsBetter => rising ? RecentTrendOutcome.IncreasingAndGettingWorse : RecentTrendOutcome.DecreasingAndGettingBetter,
            _ => rising ? RecentTrendOutcome.Increasing : RecentTrendOutcome.Decreasing,
        };
        return new RecentTrendResult(outcome, chiSquared, slope, RecentTrendProblem.None);
    }

    private static RecentTrendResult NotCalculable(RecentTrendProblem problem) =>
        new(RecentTrendOutcome.NotCalculable, double.NaN, double.NaN, problem);
}
