using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Scores;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.ConfidenceIntervals;

namespace Outcomes.Scoring.Tests.Benchmarking;

/// <summary>
/// The two-level comparison (METHODS §2) on the METHODS §1 oracle 65/100: 95% 0.552544433–0.736357518,
/// 99.8% 0.495494657–0.778354061.
/// </summary>
public class TwoLevelComparisonTests
{
    private static readonly Interval Ci95 = new(0.552544433, 0.736357518);
    private static readonly Interval Ci998 = new(0.495494657, 0.778354061);

    [TestCase(0.60, Polarity.HigherIsBetter, BenchmarkComparison.Similar, BenchmarkSignificance.Similar, "similar to")]
    [TestCase(0.736357518, Polarity.HigherIsBetter, BenchmarkComparison.Similar, BenchmarkSignificance.Similar, "similar to")]
    [TestCase(0.75, Polarity.HigherIsBetter, BenchmarkComparison.Worse, BenchmarkSignificance.Beyond95, "worse than (95%)")]
    [TestCase(0.80, Polarity.HigherIsBetter, BenchmarkComparison.Worse, BenchmarkSignificance.Beyond998, "significantly worse than (99.8%)")]
    [TestCase(0.52, Polarity.HigherIsBetter, BenchmarkComparison.Better, BenchmarkSignificance.Beyond95, "better than (95%)")]
    [TestCase(0.45, Polarity.HigherIsBetter, BenchmarkComparison.Better, BenchmarkSignificance.Beyond998, "significantly better than (99.8%)")]
    [TestCase(0.80, Polarity.LowerIsBetter, BenchmarkComparison.Better, BenchmarkSignificance.Beyond998, "significantly better than (99.8%)")]
    [TestCase(0.52, Polarity.LowerIsBetter, BenchmarkComparison.Worse, BenchmarkSignificance.Beyond95, "worse than (95%)")]
    [TestCase(0.75, Polarity.NoJudgement, BenchmarkComparison.Lower, BenchmarkSignificance.Beyond95, "lower than (95%)")]
    [TestCase(0.45, Polarity.NoJudgement, BenchmarkComparison.Higher, BenchmarkSignificance.Beyond998, "significantly higher than (99.8%)")]
    public void The_benchmark_is_placed_in_the_95_or_99_8_band(double benchmark, Polarity polarity, BenchmarkComparison comparison, BenchmarkSignificance significance, string words)
    {
        var result = BenchmarkComparer.CompareTwoLevel(Ci95, Ci998, benchmark, polarity);
        Assert.Multiple(() =>
        {
            Assert.That(result.Comparison, Is.EqualTo(comparison));
            Assert.That(result.Significance, Is.EqualTo(significance));
            Assert.That(result.Describe(), Is.EqualTo(words));
            Assert.That(result.Comparison, Is.EqualTo(BenchmarkComparer.Compare(Ci95, benchmark, polarity)), "the 95% level agrees with the single-CI method");
        });
    }

    [Test]
    public void The_proportion_overload_uses_wilson_intervals()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BenchmarkComparer.CompareTwoLevel(65, 100, 0.80, Polarity.HigherIsBetter),
                Is.EqualTo(new TwoLevelComparison(BenchmarkComparison.Worse, BenchmarkSignificance.Beyond998)));
            Assert.That(BenchmarkComparer.CompareTwoLevel(65, 100, 0.75, Polarity.HigherIsBetter),
                Is.EqualTo(new TwoLevelComparison(BenchmarkComparison.Worse, BenchmarkSignificance.Beyond95)));
            Assert.That(BenchmarkComparer.CompareTwoLevel(65, 0, 0.75, Polarity.HigherIsBetter), Is.EqualTo(TwoLevelComparison.NotCompared));
            Assert.That(BenchmarkComparer.CompareTwoLevel(Ci95, Ci998, double.NaN, Polarity.HigherIsBetter), Is.EqualTo(TwoLevelComparison.NotCompared));
        });
    }
}
