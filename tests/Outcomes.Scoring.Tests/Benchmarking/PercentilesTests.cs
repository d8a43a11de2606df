using Outcomes.Domain.Frameworks;
using Outcomes.Scoring.Benchmarking;

namespace Outcomes.Scoring.Tests.Benchmarking;

/// <summary>PERCENTILE.INC and quantile bands within a peer group (METHODS §2).</summary>
public class PercentilesTests
{
    private static readonly double[] OneToHundred = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

    [TestCase(0.25, 25.75)]
    [TestCase(0.5, 50.5)]
    [TestCase(0.75, 75.25)]
    public void One_to_a_hundred_gives_the_published_quartiles(double p, double expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Percentiles.OfSorted(OneToHundred, p), Is.EqualTo(expected).Within(1e-12));
            Assert.That(Percentiles.Of(OneToHundred.Reverse().Append(double.NaN).ToArray(), p), Is.EqualTo(expected).Within(1e-12), "any order, NaN ignored");
        });
    }

    [Test]
    public void The_ends_are_the_minimum_and_maximum_and_bad_inputs_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Percentiles.Of([7, 3, 9], 0), Is.EqualTo(3));
            Assert.That(Percentiles.Of([7, 3, 9], 1), Is.EqualTo(9));
            Assert.That(Percentiles.Of([4], 0.3), Is.EqualTo(4));
            Assert.That(double.IsNaN(Percentiles.Of([], 0.5)), Is.True);
            Assert.That(() => Percentiles.Of([1, 2], 1.5), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [TestCase(1.0, 1)]
    [TestCase(25.0, 1)]
    [TestCase(25.75, 1)]
    [TestCase(26.0, 2)]
    [TestCase(50.5, 2)]
    [TestCase(51.0, 3)]
    [TestCase(75.25, 3)]
    [TestCase(76.0, 4)]
    [TestCase(100.0, 4)]
    public void A_value_at_or_below_a_cut_point_is_in_the_band_below_it(double value, int quartile)
    {
        var band = PeerBands.Quartile(OneToHundred, value);
        Assert.Multiple(() =>
        {
            Assert.That(band.Band, Is.EqualTo(quartile));
            Assert.That(band.Bands, Is.EqualTo(4));
            Assert.That(band.Areas, Is.EqualTo(100));
        });
    }

    [Test]
    public void Quintiles_of_one_to_a_hundred_hold_twenty_values_each()
    {
        var counts = new int[6];
        foreach (var v in OneToHundred)
        {
            counts[PeerBands.Quintile(OneToHundred, v).Band]++;
        }

        Assert.That(counts, Is.EqualTo(new[] { 0, 20, 20, 20, 20, 20 }));
    }

    [Test]
    public void Fewer_than_five_areas_are_not_placed()
    {
        var four = PeerBands.Quintile([1, 2, 3, double.NaN, 4], 2);
        var five = PeerBands.Quintile([1, 2, 3, 4, 5], 5);
        Assert.Multiple(() =>
        {
            Assert.That(four.IsCalculable, Is.False);
            Assert.That(four.Areas, Is.EqualTo(4));
            Assert.That(four.Describe(Polarity.HigherIsBetter), Is.EqualTo("not placed: 4 areas, and quantiles need at least 5"));
            Assert.That(five.Band, Is.EqualTo(5));
            Assert.That(five.Describe(Polarity.HigherIsBetter), Is.EqualTo("in the highest fifth of 5 areas (the best)"));
            Assert.That(five.Describe(Polarity.LowerIsBetter), Is.EqualTo("in the highest fifth of 5 areas (the worst)"));
            Assert.That(PeerBands.Quintile([1, 2, 3, 4, 5], double.NaN).IsCalculable, Is.False);
        });
    }
}
