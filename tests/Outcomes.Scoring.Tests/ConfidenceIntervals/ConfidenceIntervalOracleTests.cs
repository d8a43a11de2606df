using Outcomes.Scoring.ConfidenceIntervals;

namespace Outcomes.Scoring.Tests.ConfidenceIntervals;

/// <summary>Oracles from METHODS §1 (PHEindicatormethods test data), asserted to the stated precision.</summary>
public class ConfidenceIntervalOracleTests
{
    [TestCase(65, 100, ConfidenceLevel.Ninety5, 0.552544433, 0.736357518)]
    [TestCase(65, 100, ConfidenceLevel.Ninety9Point8, 0.495494657, 0.778354061)]
    [TestCase(1045, 5000, ConfidenceLevel.Ninety5, 0.197955499, 0.220491304)]
    [TestCase(1, 100, ConfidenceLevel.Ninety5, 0.001767432, 0.054486196)]
    public void Wilson_matches_the_published_oracles(int x, int n, ConfidenceLevel level, double lower, double upper)
    {
        var ci = WilsonInterval.Of(x, n, level);
        Assert.Multiple(() =>
        {
            Assert.That(ci.Lower, Is.EqualTo(lower).Within(1e-9));
            Assert.That(ci.Upper, Is.EqualTo(upper).Within(1e-9));
        });
    }

    [TestCase(65, 50.16318771, 82.84913855)]
    [TestCase(1045, 982.5932018, 1110.331213)]
    public void Byar_matches_the_published_oracles(int x, double lower, double upper)
    {
        var ci = ByarInterval.Of(x);
        Assert.Multiple(() =>
        {
            Assert.That(ci.Lower, Is.EqualTo(lower).Within(1e-6));
            Assert.That(ci.Upper, Is.EqualTo(upper).Within(1e-6));
        });
    }

    // Exact Poisson limits (Garwood), as tabulated for small counts: x=0 → 0–3.688879; x=5 → 1.623486–11.668332.
    [TestCase(0, 0.0, 3.688879)]
    [TestCase(5, 1.623486, 11.668332)]
    [TestCase(9, 4.115373, 17.084803)]
    public void Counts_below_ten_use_exact_Poisson_limits(int x, double lower, double upper)
    {
        var ci = ByarInterval.Of(x);
        Assert.Multiple(() =>
        {
            Assert.That(ci.Lower, Is.EqualTo(lower).Within(1e-5));
            Assert.That(ci.Upper, Is.EqualTo(upper).Within(1e-5));
        });
    }

    [Test]
    public void Chi_squared_quantile_inverts_the_cdf()
    {
        var q = ChiSquared.Quantile(0.975, 12);
        Assert.That(ChiSquared.Cdf(q, 12), Is.EqualTo(0.975).Within(1e-10));
        Assert.That(q, Is.EqualTo(23.33666).Within(1e-4));
    }

    [Test]
    public void Wilson_refuses_more_events_than_trials()
    {
        Assert.That(() => WilsonInterval.Of(11, 10), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
