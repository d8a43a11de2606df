using Outcomes.Domain.Frameworks;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.ConfidenceIntervals;

namespace Outcomes.Scoring.Tests.Benchmarking;

/// <summary>Funnel limits for proportions (PHE Fingertips method) and their agreement with the Wilson comparison.</summary>
public class FunnelTests
{
    [TestCase(0.3, 10)]
    [TestCase(0.6, 50)]
    [TestCase(0.718, 1000)]
    [TestCase(0.05, 37)]
    public void Limits_equal_PHE_sigma_adjustment_and_the_closed_form(double p0, double n)
    {
        var limits = Funnel.Limits(p0, n);
        var z95 = ConfidenceLevel.Ninety5.Z();
        var z998 = ConfidenceLevel.Ninety9Point8.Z();
        Assert.Multiple(() =>
        {
            Assert.That(limits.Lower95, Is.EqualTo(Math.Max(0, PheSigmaAdjustment(z95, n, p0, low: true))).Within(1e-12));
            Assert.That(limits.Upper95, Is.EqualTo(Math.Min(1, PheSigmaAdjustment(z95, n, p0, low: false))).Within(1e-12));
            Assert.That(limits.Lower998, Is.EqualTo(Math.Max(0, PheSigmaAdjustment(z998, n, p0, low: true))).Within(1e-12));
            Assert.That(limits.Upper998, Is.EqualTo(Math.Min(1, PheSigmaAdjustment(z998, n, p0, low: false))).Within(1e-12));
            Assert.That(limits.Upper95, Is.EqualTo(Math.Min(1, p0 + (z95 * Math.Sqrt(p0 * (1 - p0) / n)))).Within(1e-12));
        });
    }

    [Test]
    public void Inside_the_funnel_exactly_when_the_wilson_interval_contains_the_benchmark()
    {
        var disagreements = 0;
        var checkedUnits = 0;
        foreach (var p0 in new[] { 0.05, 0.3, 0.6, 0.718 })
        {
            foreach (var n in new[] { 5, 10, 37, 200, 1000 })
            {
                for (var x = 0; x <= n; x++)
                {
                    var position = Funnel.Classify(x, n, p0);
                    var inside95 = WilsonInterval.Of(x, n, ConfidenceLevel.Ninety5).Contains(p0);
                    var inside998 = WilsonInterval.Of(x, n, ConfidenceLevel.Ninety9Point8).Contains(p0);
                    var expected = inside95 ? FunnelPosition.Inside
                        : (double)x / n > p0 ? (inside998 ? FunnelPosition.Above95 : FunnelPosition.Above998)
                        : (inside998 ? FunnelPosition.Below95 : FunnelPosition.Below998);
                    disagreements += position == expected ? 0 : 1;
                    checkedUnits++;
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(checkedUnits, Is.GreaterThan(5000));
            Assert.That(disagreements, Is.Zero);
        });
    }

    [Test]
    public void Limits_are_clipped_to_zero_and_one_and_a_value_on_a_limit_is_inside()
    {
        var limits = Funnel.Limits(0.9, 10);
        Assert.Multiple(() =>
        {
            Assert.That(0.9 + (ConfidenceLevel.Ninety5.Z() * Math.Sqrt(0.09 / 10)), Is.GreaterThan(1), "precondition: unclipped above 1");
            Assert.That(limits.Upper95, Is.EqualTo(1));
            Assert.That(limits.Upper998, Is.EqualTo(1));
            Assert.That(limits.Classify(1), Is.EqualTo(FunnelPosition.Inside));
            Assert.That(limits.Classify(limits.Lower95), Is.EqualTo(FunnelPosition.Inside));
            Assert.That(limits.Classify(limits.Lower95 - 1e-9), Is.EqualTo(FunnelPosition.Below95));
            Assert.That(limits.Classify(limits.Lower998 - 1e-9), Is.EqualTo(FunnelPosition.Below998));
            Assert.That(limits.Scale(100).Upper95, Is.EqualTo(100));
            Assert.That(limits.Scale(100).Denominator, Is.EqualTo(10));
        });
    }

    [Test]
    public void Units_without_a_denominator_are_not_placed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Funnel.Classify(3, 0, 0.5), Is.EqualTo(FunnelPosition.NotCalculable));
            Assert.That(Funnel.Classify(double.NaN, 10, 0.5), Is.EqualTo(FunnelPosition.NotCalculable));
            Assert.That(Funnel.Classify(3, 10, double.NaN), Is.EqualTo(FunnelPosition.NotCalculable));
            Assert.That(() => Funnel.Limits(0.5, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void A_curve_has_log_spaced_denominators_and_narrows_as_they_grow()
    {
        var ns = Funnel.Denominators(10, 1000, 5);
        var curve = Funnel.Curve(0.7, ns);
        Assert.Multiple(() =>
        {
            Assert.That(ns[0], Is.EqualTo(10));
            Assert.That(ns[2], Is.EqualTo(100).Within(1e-9));
            Assert.That(ns[^1], Is.EqualTo(1000));
            Assert.That(ns[1] / ns[0], Is.EqualTo(ns[4] / ns[3]).Within(1e-9));
            Assert.That(curve.Select(c => c.Denominator), Is.EqualTo(ns));
            Assert.That(curve.Select(c => c.Upper998 - c.Lower998), Is.Ordered.Descending);
            Assert.That(curve.All(c => c.Lower998 <= c.Lower95 && c.Lower95 <= 0.7 && 0.7 <= c.Upper95 && c.Upper95 <= c.Upper998), Is.True);
        });
    }

    [Test]
    public void Positions_are_described_with_polarity()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Funnel.Describe(FunnelPosition.Above998, Polarity.HigherIsBetter), Is.EqualTo("above the 99.8% funnel limit (better than the benchmark)"));
            Assert.That(Funnel.Describe(FunnelPosition.Below95, Polarity.HigherIsBetter), Is.EqualTo("below the 95% funnel limit (worse than the benchmark)"));
            Assert.That(Funnel.Describe(FunnelPosition.Above95, Polarity.NoJudgement), Is.EqualTo("above the 95% funnel limit"));
        });
    }

    // PHEindicatormethods' sigma_adjustment (R/Funnels.R), transcribed: the limit as a root of a quadratic in the count.
    private static double PheSigmaAdjustment(double z, double n, double p, bool low)
    {
        var first = p * ((n / (z * z)) + 1);
        var adj = Math.Sqrt(Math.Pow(-8 * p * ((n / (z * z)) + 1), 2)
            - (64 * ((1 / (z * z)) + (1 / n)) * p * ((n * ((p * ((n / (z * z)) + 2)) - 1)) + (z * z * (p - 1)))));
        var last = (1 / (z * z)) + (1 / n);
        return (low ? first - (adj / 8) : first + (adj / 8)) / last / n;
    }
}
