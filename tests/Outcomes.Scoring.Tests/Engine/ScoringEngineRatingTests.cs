using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Engine;

namespace Outcomes.Scoring.Tests.Engine;

/// <summary>The engine rates through the scheme, interval and effective target the framework and targets ask for.</summary>
public sealed class ScoringEngineRatingTests
{
    private static readonly Period Q2 = Period.FinancialQuarter(2017, 2);

    private static Score ScoreOne(RagScheme scheme, Target target, params Domain.Observations.Observation[] observations)
    {
        var engine = new ScoringEngine(
            new ScoringRequest { Version = TestFrameworks.Version(scheme), Hierarchy = TestFrameworks.Tree(), Observations = observations, Targets = [target] },
            new DateOnly(2017, 9, 30));
        var measure = TestFrameworks.Version(scheme).Find(target.MeasureCode)!;
        return engine.ScoreMeasure(measure, observations[0].OrgUnitCode, Q2);
    }

    [Test]
    public void Under_the_five_level_scheme_a_near_miss_is_amber_green_with_its_letters()
    {
        var score = ScoreOne(RagScheme.FiveLevel, TestFrameworks.Target("GLD", 70m, 2m), TestFrameworks.Ratio("C1-1", Q2, "GLD", 695, 1000));

        Assert.That((score.Status, score.Band, score.StatusLetter), Is.EqualTo((RagStatus.Amber, "AG", "AG")));
        Assert.That(score.Explanation, Does.StartWith("Amber-green"));
    }

    [Test]
    public void Under_plain_rag_there_is_no_band()
    {
        var score = ScoreOne(RagScheme.Rag, TestFrameworks.Target("GLD", 70m, 2m), TestFrameworks.Ratio("C1-1", Q2, "GLD", 695, 1000));

        Assert.That((score.Status, score.Band, score.StatusLetter), Is.EqualTo((RagStatus.Amber, (string?)null, "A")));
    }

    [Test]
    public void A_target_judged_on_the_interval_does_not_call_a_small_centre_red_on_noise()
    {
        // 12 of 20 is 60%, 10 points under a 70% target with amber within 2: red on the point, but its interval reaches past 70%.
        var target = TestFrameworks.Target("GLD", 70m, 2m);
        var onPoint = ScoreOne(RagScheme.Rag, target, TestFrameworks.Ratio("C1-1", Q2, "GLD", 12, 20));
        var onInterval = ScoreOne(RagScheme.Rag, target with { UseConfidenceInterval = true }, TestFrameworks.Ratio("C1-1", Q2, "GLD", 12, 20));

        Assert.That((onPoint.Status, onInterval.Status), Is.EqualTo((RagStatus.Red, RagStatus.Amber)));
    }

    [Test]
    public void An_annual_count_target_phased_equally_is_judged_at_a_quarter_of_its_value_with_a_note()
    {
        var target = TestFrameworks.Target("REG", 400m, 10m) with { Phasing = TargetPhasing.Equal };

        var score = ScoreOne(RagScheme.Rag, target, TestFrameworks.Count("C1-1", Q2, "REG", 100));

        Assert.That(score.Target, Is.EqualTo(100m));
        Assert.That(score.Status, Is.EqualTo(RagStatus.Green));
        Assert.That(score.Explanation, Does.Contain("400"));
    }
}
