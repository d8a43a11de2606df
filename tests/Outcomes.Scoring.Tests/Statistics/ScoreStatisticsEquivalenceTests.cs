using Outcomes.Domain.Frameworks;
using Outcomes.Scoring.Engine;
using Outcomes.Scoring.Statistics;
using Outcomes.Scoring.Tests.Engine;
using Outcomes.Scoring.Tests.Statistics.Reference;

namespace Outcomes.Scoring.Tests.Statistics;

/// <summary>
/// The series statistics, regrouped with integer keys for speed, against the grouping they replaced
/// (<see cref="LegacyScoreStatistics"/>): every reading of every score of a generated multi-authority store (with
/// closed and merged centres, an annual measure, an academic-year measure and codes spelt in another case) must be
/// the same, and must not depend on the order the scores arrive in. Suppressed figures are gaps to both.
/// </summary>
public class ScoreStatisticsEquivalenceTests
{
    [TestCase(1, RagScheme.Rag)]
    [TestCase(5, RagScheme.FiveLevel)]
    public void Every_reading_of_a_generated_store_matches_the_reference(int seed, RagScheme scheme)
    {
        var request = SyntheticStore.Request(seed, scheme: scheme, quarters: 20);
        var periods = SyntheticStore.PeriodsToScore(request);
        var scores = new ScoringEngine(request, SyntheticStore.AsOf).ScoreAll(periods);
        var framework = new Framework { Code = request.Version.FrameworkCode, Name = "Synthetic", AuthorityCode = "SYN", Versions = [request.Version] };

        // The reference read suppressed figures whose counts were kept; figures withheld from publication are now gaps
        // to every reading, so the reference is given them blanked, and their own scores are compared as they came.
        static bool Withheld(Score s) => s.SuppressionReason is not null;
        var blanked = scores.Select(s => Withheld(s) ? s with { Actual = null, Numerator = null, Denominator = null } : s).ToList();
        var expected = LegacyScoreStatistics.Enrich(framework, request.Hierarchy, SyntheticStore.AsOf, blanked)
            .Select((s, i) => Withheld(scores[i]) ? s with { Actual = scores[i].Actual, Numerator = scores[i].Numerator, Denominator = scores[i].Denominator } : s)
            .ToList();
        var actual = ScoreStatistics.Enrich(framework, request.Hierarchy, SyntheticStore.AsOf, scores);
        var shuffled = scores.OrderBy(s => HashCode.Combine(s.OrgUnitCode, s.MeasureCode, s.Period, seed)).ToList();
        var fromShuffled = ScoreStatistics.Enrich(framework, request.Hierarchy, SyntheticStore.AsOf, shuffled)
            .ToDictionary(s => (s.OrgUnitCode, s.MeasureCode, s.Period));

        Assert.Multiple(() =>
        {
            // The store exercises every reading, and withholds some figures whose counts were kept.
            Assert.That(scores.Count(s => Withheld(s) && s.Numerator is not null), Is.GreaterThan(5));
            Assert.That(expected.Count(s => s.Spc is { IsSpecialCause: true }), Is.GreaterThan(20));
            Assert.That(expected.Count(s => s.Spc?.Assurance is SpcAssurance.ConsistentlyPass or SpcAssurance.HitAndMiss), Is.GreaterThan(20));
            Assert.That(expected.Count(s => s.PeerQuintile is not null), Is.GreaterThan(100));
            Assert.That(expected.Count(s => s.FunnelPosition is not (FunnelPosition.NotCalculable or FunnelPosition.Inside)), Is.GreaterThan(5));
            Assert.That(expected.Count(s => s.RecentTrend != RecentTrendOutcome.NotCalculable), Is.GreaterThan(20));
            Assert.That(expected.Count(s => s.EnglandSignificance != BenchmarkSignificance.NotCompared), Is.GreaterThan(5));
        });
        Assert.That(actual, Has.Count.EqualTo(expected.Count));
        for (var i = 0; i < expected.Count; i++)
        {
            var key = (expected[i].OrgUnitCode, expected[i].MeasureCode, expected[i].Period);
            Assert.That(actual[i], Is.EqualTo(expected[i]), $"score {i}: {key}");
            Assert.That(fromShuffled[key], Is.EqualTo(expected[i]), $"from shuffled input: {key}");
        }
    }
}
