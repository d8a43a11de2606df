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
    /// Two-level comparison (METHODS §2): the benchmark inside the area's 95% interval is Similar; outside it but inside
    /// the 99.8% interval, Better/Worse (Higher/Lower with no polarity) at 95%; outside the 99.8% interval, significantly
    /// so. Endpoints are inclusive, as in <see cref="Compare"/>. NaN intervals or benchmark are not compared.
    /// </summary>
    public static TwoLevelComparison CompareTwoLevel(Interval interval95, Interval interval998, double benchmark, Polarity polarity)
    {
        if (double.IsNaN(benchmark) || double.IsNaN(interval95.Lower) || double.IsNaN(interval998.Lower))
        {
            return TwoLevelComparison.NotCompared;
        }

        var comparison = Compare(interval95, benchmark, polarity);
        if (comparison == BenchmarkComparison.Similar)
        {
            return new TwoLevelComparison(comparison, BenchmarkSignificance.Similar);
        }

        return new TwoLevelComparison(comparison, interval998.Contains(benchmark) ? BenchmarkSignificance.Beyond95 : BenchmarkSignificance.Beyond998);
    }

    /// <summary>
    /// Two-level comparison of a proportion x/n, with Wilson intervals (METHODS §1), against a benchmark proportion
    /// (0–1). Not compared when n ≤ 0 or x is outside 0…n.
    /// </summary>
    public static TwoLevelComparison CompareTwoLevel(double events, double total, double benchmarkProportion, Polarity polarity)
    {
        if (!(total > 0) || !(events >= 0) || events > total)
        {
            return TwoLevelComparison.NotCompared;
        }

        return CompareTwoLevel(
            WilsonInterval.Of(events, total, ConfidenceLevel.Ninety5),
            WilsonInterval.Of(events, total, ConfidenceLevel.Ninety9Point8),
            benchmarkProportion,
            polarity);
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
