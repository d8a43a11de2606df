using Outcomes.Domain.Scores;
using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

/// <summary>The statistics a score carries beyond RAG (five-level band, SPC, recent trend, peers, funnel) survive the store.</summary>
public abstract partial class StoreContractTests
{
    [Test]
    public async Task A_score_with_its_spc_trend_peer_and_funnel_readings_round_trips()
    {
        await SeedAsync();
        var repo = new ScoreRepository(Store);
        var score = Samples.Score("GLD", Samples.Q1, 51.05m, RagStatus.Amber) with
        {
            Band = "AG",
            EnglandSignificance = BenchmarkSignificance.Beyond998,
            Spc = new SpcAtPoint
            {
                Variation = SpcVariation.SpecialCauseConcern,
                Assurance = SpcAssurance.HitAndMiss,
                IsSpecialCause = true,
                Mean = 64.123456m,
                Lower = 58.5m,
                Upper = 69.75m,
                Points = 9,
                IsTrial = true,
                Explanation = "Special cause of concern: the last 7 quarters are all below the average of 64.1%.",
            },
            RecentTrend = RecentTrendOutcome.DecreasingAndGettingWorse,
            RecentTrendExplanation = "Decreasing and getting worse over the last five periods.",
            PeerQuintile = 2,
            FunnelPosition = FunnelPosition.Below998,
            DataQualityFlag = "incomplete: 5 of 7 units reported a usable value",
        };

        await repo.ReplaceAsync(Samples.FrameworkCode, [score, Samples.Score("REG", Samples.Q1, 120m, RagStatus.Green)]);
        var stored = await repo.ListAsync(Samples.FrameworkCode, Samples.Q1, Samples.Centre);

        Assert.Multiple(() =>
        {
            Assert.That(stored.Single(s => s.MeasureCode == "GLD"), Is.EqualTo(score));
            Assert.That(stored.Single(s => s.MeasureCode == "GLD").DataQualityFlag, Is.EqualTo("incomplete: 5 of 7 units reported a usable value"));
            Assert.That(stored.Single(s => s.MeasureCode == "GLD").StatusLetter, Is.EqualTo("AG"));
            var plain = stored.Single(s => s.MeasureCode == "REG");
            Assert.That((plain.Spc, plain.RecentTrend, plain.FunnelPosition, plain.EnglandSignificance, plain.PeerQuintile),
                Is.EqualTo(((SpcAtPoint?)null, RecentTrendOutcome.NotCalculable, FunnelPosition.NotCalculable, BenchmarkSignificance.NotCompared, (int?)null)));
        });
    }
}
