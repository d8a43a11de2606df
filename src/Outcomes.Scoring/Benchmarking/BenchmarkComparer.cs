using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Scores;
using Outcomes.Scoring.ConfidenceIntervals;

namespace Outcomes.Scoring.Benchmarking;

/// <summary>
/// "Single overlapping CI" (METHODS §2): a benchmark inside the area's interval (inclusive) is Similar;
/// otherwise Higher or Lower, turned into Better or Worse by polarity.
/// </summary>
public static class BenchmarkComparer
{
    public static BenchmarkComparison Compare(Interval areaInterval, double benchmark, Polarity polarity)
    {
        if (areaInterval.Contains(benchmark))
        {
            return BenchmarkComparison.Similar;
        }

        var areaHigher = benchmark < areaInterval.Lower;
        return polarity switch
        {
            Polarity.HigherIsBetter => areaHigher ? BenchmarkComparison.Better : BenchmarkComparison.Worse,
            Polarity.LowerIsBetter => areaHigher ? BenchmarkComparison.Worse : BenchmarkComparison.Better,
            _ => areaHigher ? BenchmarkComparison.Higher : BenchmarkComparison.Lower,
        };
    }

    /// <summary>
    /// The interval of a measure's value on its own scale (a percentage 0–100, a rate per N), or null where the
    /// measure has no interval method or the numerator/denominator are missing.
    /// </summary>
    public static Interval? IntervalFor(Measure measure, decimal? numerator, decimal? denominator, ConfidenceLevel level = ConfidenceLevel.Ninety5)
    {
        if (numerator is not { } x || denominator is not { } n || n <= 0 || x < 0)
        {
            return null;
        }

        var multiplier = (double)measure.Multiplier;
        return measure.CiMethod switch
        {
            ConfidenceIntervalMethod.Wilson when x <= n => WilsonInterval.Of((double)x, (double)n, level).Scale(multiplier),
            ConfidenceIntervalMethod.Byar => ByarInterval.Of((double)x, level).Scale(multiplier / (double)n),
            _ => null,
        };
    }

    public static string Describe(BenchmarkComparison comparison) => comparison switch
    {
        BenchmarkComparison.Better => "better than",
        BenchmarkComparison.Worse => "worse than",
        BenchmarkComparison.Similar => "similar to",
        BenchmarkComparison.Higher => "higher than",
        BenchmarkComparison.Lower => "lower than",
        _ => "not compared with",
    };
}
