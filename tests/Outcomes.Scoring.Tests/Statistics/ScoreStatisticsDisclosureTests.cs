using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Scoring.Statistics;

namespace Outcomes.Scoring.Tests.Statistics;

/// <summary>
/// A figure withheld by disclosure control must not be recoverable from what is published beside it: SPC means and
/// limits are published for every period, and the mean of k points times k, less that of k − 1 points times k − 1,
/// is the k-th value. So withheld figures are gaps to every reading.
/// </summary>
public sealed class ScoreStatisticsDisclosureTests
{
    private static readonly Period First = Period.FinancialQuarter(2014, 1);

    private static readonly Measure Visits = new()
    {
        Code = "VIS", Title = "Visits", Unit = MeasureUnit.Count, Polarity = Polarity.HigherIsBetter, Aggregation = Aggregation.Sum, DisclosureThreshold = 5,
    };

    private static readonly Measure Gld = TestFrameworks.Gld with { DisclosureThreshold = 5 };

    private static readonly Framework Framework = new()
    {
        Code = "T",
        Name = "Test",
        AuthorityCode = "A",
        Versions = [TestFrameworks.Version() with { EffectiveFrom = new DateOnly(2010, 4, 1), Measures = [Visits, Gld] }],
    };

    private static readonly OrgUnitHierarchy Tree = new(
        [new OrgUnit("A", "Authority", OrgUnitType.Authority, "A"), .. Enumerable.Range(1, 6).Select(i => new OrgUnit($"C{i}", $"Cluster {i}", OrgUnitType.Cluster, "A"))],
        Enumerable.Range(1, 6).Select(i => new OrgUnitLink($"C{i}", "A")));

    private static Score Scored(string unit, string measure, Period period, decimal? actual, decimal? numerator = null, decimal? denominator = null, string? suppressed = null) => new()
    {
        FrameworkCode = "T", MeasureCode = measure, OrgUnitCode = unit, Period = period, Actual = actual, Numerator = numerator, Denominator = denominator,
        SuppressionReason = suppressed, Explanation = "x",
    };

    private static IReadOnlyList<Score> Enrich(IEnumerable<Score> scores) => ScoreStatistics.Enrich(Framework, Tree, new DateOnly(2019, 3, 31), [.. scores]);

    [TestCase(3, null, TestName = "A count below the threshold is a gap to SPC")]
    [TestCase(12, "Fewer than five families", TestName = "A suppressed figure is a gap to SPC even when its value was kept")]
    public void A_withheld_figure_is_a_gap_to_every_spc_reading(int withheldValue, string? suppressed)
    {
        decimal[] visits = [10, 12, 11, 13, 12, 11, 10, 0, 12, 11, 13, 12, 11, 12, 10];
        var withWithheld = visits.Select((v, i) => i == 7 ? Scored("C1", "VIS", First.Shift(i), withheldValue, suppressed: suppressed) : Scored("C1", "VIS", First.Shift(i), v)).ToList();
        var withGap = visits.Select((v, i) => Scored("C1", "VIS", First.Shift(i), i == 7 ? null : v)).ToList();

        var published = Enrich(withWithheld);
        var gap = Enrich(withGap);

        Assert.Multiple(() =>
        {
            Assert.That(published[7].Spc, Is.Null, "the withheld quarter gets no reading of its own");
            Assert.That(published[7].PeerQuintile, Is.Null);
            for (var i = 8; i < visits.Length; i++)
            {
                Assert.That(published[i].Spc, Is.EqualTo(gap[i].Spc), $"quarter {i}: read as if the withheld figure were missing");
            }

            Assert.That(published[8].Spc!.Points, Is.EqualTo(8), "seven quarters before the gap and one after");
        });
    }

    [Test]
    public void A_disclosive_proportion_is_left_out_of_its_peers_quintiles_and_gets_no_funnel_position()
    {
        var period = First;
        var scores = new List<Score> { Scored("A", "GLD", period, 60m, 600m, 1000m) };
        scores.AddRange(Enumerable.Range(1, 6).Select(i => i == 6
            ? Scored($"C{i}", "GLD", period, 75m, 3m, 4m)
            : Scored($"C{i}", "GLD", period, 50m + i, 50m + i, 100m)));

        var enriched = Enrich(scores).ToDictionary(s => s.OrgUnitCode);

        Assert.Multiple(() =>
        {
            Assert.That(enriched["C6"].PeerQuintile, Is.Null);
            Assert.That(enriched["C6"].FunnelPosition, Is.EqualTo(FunnelPosition.NotCalculable));
            Assert.That(enriched["C6"].EnglandSignificance, Is.EqualTo(BenchmarkSignificance.NotCompared));

            // Five peers remain: the highest of them is in the top quintile, as it would not be with 75% among them.
            Assert.That(enriched["C5"].PeerQuintile, Is.EqualTo(5));
            Assert.That(enriched["C1"].PeerQuintile, Is.EqualTo(1));
            Assert.That(enriched["C1"].FunnelPosition, Is.Not.EqualTo(FunnelPosition.NotCalculable));
        });
    }
}
