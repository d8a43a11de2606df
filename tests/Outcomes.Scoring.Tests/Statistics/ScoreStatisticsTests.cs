using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Scoring.Statistics;

namespace Outcomes.Scoring.Tests.Statistics;

public sealed class ScoreStatisticsTests
{
    private static readonly Period First = Period.FinancialQuarter(2014, 1);

    private static readonly Measure AnnualGld = TestFrameworks.Gld with { Code = "AGLD", Frequency = Frequency.Annual };

    private static readonly Framework Framework = new()
    {
        Code = "T",
        Name = "Test",
        AuthorityCode = "A",
        Versions = [TestFrameworks.Version() with { EffectiveFrom = new DateOnly(2010, 4, 1), Measures = [.. TestFrameworks.Version().Measures, AnnualGld] }],
    };

    private static readonly OrgUnitHierarchy Tree = new(
        [new OrgUnit("A", "Authority", OrgUnitType.Authority, "A"), .. Enumerable.Range(1, 6).Select(i => new OrgUnit($"C{i}", $"Cluster {i}", OrgUnitType.Cluster, "A"))],
        Enumerable.Range(1, 6).Select(i => new OrgUnitLink($"C{i}", "A")));

    private static Score Scored(string unit, string measure, Period period, decimal? actual, decimal? numerator = null, decimal? denominator = null, decimal? comparator = null,
        BenchmarkComparison compared = BenchmarkComparison.NotCompared) => new()
    {
        FrameworkCode = "T", MeasureCode = measure, OrgUnitCode = unit, Period = period, Actual = actual, Numerator = numerator, Denominator = denominator,
        Comparator = comparator, ComparedWithEngland = compared, Explanation = "x",
    };

    private static IReadOnlyList<Score> Enrich(params Score[] scores) => ScoreStatistics.Enrich(Framework, Tree, new DateOnly(2019, 3, 31), scores);

    [Test]
    public void Each_point_reads_spc_from_its_own_past_only_and_the_last_matches_the_methods_oracle()
    {
        double[] deviations = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
        var scores = deviations.Select((v, i) => Scored("C1", "REG", First.Shift(i), (decimal)v)).ToArray();

        var enriched = Enrich(scores);

        var last = enriched[^1].Spc!;
        var fifth = enriched[4].Spc!;
        Assert.Multiple(() =>
        {
            Assert.That(enriched[0].Spc, Is.Null, "one point has no moving range");
            Assert.That((double)last.Mean, Is.EqualTo(1.944444).Within(1e-6));
            Assert.That((double)last.Lower, Is.EqualTo(-0.715556).Within(1e-6));
            Assert.That((double)last.Upper, Is.EqualTo(4.604444).Within(1e-6));
            Assert.That((last.Points, last.IsTrial, last.IsSpecialCause), Is.EqualTo((18, false, false)));
            Assert.That((fifth.Points, fifth.IsTrial, (double)fifth.Mean), Is.EqualTo((5, true, 3.2)), "the fifth quarter's reading knows nothing of the thirteen after it");
            Assert.That(fifth.IsSpecialCause, Is.False, "10 lies inside limits drawn from five points");
            Assert.That(last.Explanation, Is.Not.Empty);
        });
    }

    [Test]
    public void An_annual_value_carried_through_four_quarters_is_one_point()
    {
        var scores = new List<Score>();
        decimal[] yearly = [60m, 62m, 64m];
        for (var q = 0; q < 12; q++)
        {
            var v = yearly[q / 4];
            scores.Add(Scored("C1", "AGLD", First.Shift(q), v, v * 10, 1000));
        }

        var enriched = Enrich([.. scores]);

        Assert.That(enriched.Select(s => s.Spc?.Points), Is.EqualTo(new int?[] { null, null, null, null, 2, 2, 2, 2, 3, 3, 3, 3 }));
    }

    [Test]
    public void A_steady_rise_in_a_proportion_is_a_significant_recent_trend_and_a_count_has_none()
    {
        var gld = Enumerable.Range(0, 5).Select(i => Scored("C1", "GLD", First.Shift(i), 10m + (5m * i), 100m + (50m * i), 1000m)).ToArray();
        var counts = Enumerable.Range(0, 5).Select(i => Scored("C1", "REG", First.Shift(i), 100m + i)).ToArray();

        var enriched = Enrich([.. gld, .. counts]);

        var latest = enriched.Single(s => s.MeasureCode == "GLD" && s.Period == First.Shift(4));
        var fourth = enriched.Single(s => s.MeasureCode == "GLD" && s.Period == First.Shift(3));
        var count = enriched.Single(s => s.MeasureCode == "REG" && s.Period == First.Shift(4));
        Assert.Multiple(() =>
        {
            Assert.That(latest.RecentTrend, Is.EqualTo(RecentTrendOutcome.IncreasingAndGettingBetter));
            Assert.That(latest.RecentTrendExplanation, Does.Contain("significant at 99.8%"));
            Assert.That(fourth.RecentTrend, Is.EqualTo(RecentTrendOutcome.NotCalculable));
            Assert.That(fourth.RecentTrendExplanation, Does.Contain("needs 5 periods"));
            Assert.That((count.RecentTrend, count.RecentTrendExplanation), Is.EqualTo((RecentTrendOutcome.NotCalculable, (string?)null)));
        });
    }

    [Test]
    public void Clusters_get_a_quintile_among_their_siblings_and_a_funnel_position_against_their_authority()
    {
        var period = First;
        var clusters = Enumerable.Range(1, 6).Select(i => Scored($"C{i}", "GLD", period, 10m * i, 100m * i, 1000m)).ToList();
        clusters[5] = Scored("C6", "GLD", period, 90m, 900m, 1000m);
        var authority = Scored("A", "GLD", period, 50m, 3000m, 6000m);

        var enriched = Enrich([.. clusters, authority]);

        var byUnit = enriched.ToDictionary(s => s.OrgUnitCode);
        Assert.Multiple(() =>
        {
            Assert.That(byUnit["C1"].PeerQuintile, Is.EqualTo(1));
            Assert.That(byUnit["C6"].PeerQuintile, Is.EqualTo(5));
            Assert.That(byUnit["A"].PeerQuintile, Is.Null, "an authority has no siblings here");
            Assert.That(byUnit["C6"].FunnelPosition, Is.EqualTo(FunnelPosition.Above998));
            Assert.That(byUnit["C1"].FunnelPosition, Is.EqualTo(FunnelPosition.Below998));
            Assert.That(byUnit["A"].FunnelPosition, Is.EqualTo(FunnelPosition.NotCalculable));
        });
    }

    [Test]
    public void Fewer_than_five_siblings_have_no_quintile()
    {
        var enriched = Enrich([.. Enumerable.Range(1, 4).Select(i => Scored($"C{i}", "GLD", First, 10m * i, 100m * i, 1000m))]);

        Assert.That(enriched.Select(s => s.PeerQuintile), Is.All.Null);
    }

    [Test]
    public void England_is_judged_at_two_levels_for_a_wilson_measure()
    {
        var similar = Scored("C1", "GLD", First, 65m, 65m, 100m, 71.8m, BenchmarkComparison.Similar);
        var far = Scored("C2", "GLD", First, 20.9m, 1045m, 5000m, 25m, BenchmarkComparison.Worse);
        var uncompared = Scored("C3", "REREF", First, 20.9m, 1045m, 5000m, 25m, BenchmarkComparison.Better);

        var enriched = Enrich(similar, far, uncompared).ToDictionary(s => s.OrgUnitCode);

        Assert.That(
            (enriched["C1"].EnglandSignificance, enriched["C2"].EnglandSignificance, enriched["C3"].EnglandSignificance),
            Is.EqualTo((BenchmarkSignificance.Similar, BenchmarkSignificance.Beyond998, BenchmarkSignificance.NotCompared)));
    }
}
