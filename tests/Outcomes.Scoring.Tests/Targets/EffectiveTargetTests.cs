using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Rag;
using Outcomes.Scoring.Targets;

namespace Outcomes.Scoring.Tests.Targets;

public class EffectiveTargetTests
{
    private static readonly Measure Parents = new()
    {
        Code = "PAR", Title = "Parents completing a programme", Unit = MeasureUnit.Count, Aggregation = Aggregation.Sum, Cumulative = true,
    };

    private static readonly Period Q2 = Period.FinancialQuarter(2018, 2);

    [Test]
    public void The_resolver_phases_an_inherited_target_for_the_period()
    {
        var resolver = new TargetResolver(TestFrameworks.Tree(), [TestFrameworks.Target("PAR", 400m, 10m, kind: ToleranceKind.Relative) with { Phasing = TargetPhasing.Equal }]);

        var effective = resolver.ResolveEffective(Parents, "C1-1", Q2);

        Assert.Multiple(() =>
        {
            Assert.That(effective!.Target.Value, Is.EqualTo(200m));
            Assert.That(effective.AsSet.Value, Is.EqualTo(400m));
            Assert.That(effective.Note, Is.EqualTo("Quarter 2 of the annual target of 400: 200 year to date."));
            Assert.That(resolver.ResolveOwnEffective(Parents, "C1-1", Q2), Is.Null, "the centre has no target of its own");
            Assert.That(resolver.ResolveEffective(Parents with { Code = "OTHER" }, "C1-1", Q2), Is.Null);
        });
    }

    [Test]
    public void A_year_to_date_count_on_track_is_green_against_the_phased_target_and_red_against_the_annual_one()
    {
        var target = TestFrameworks.Target("PAR", 400m, 10m, kind: ToleranceKind.Relative) with { Phasing = TargetPhasing.Equal };

        var effective = EffectiveTargets.For(Parents, target, Q2);

        Assert.Multiple(() =>
        {
            Assert.That(RagRater.Rate(Parents, 205m, null, effective.Target, RagScheme.Rag).Status, Is.EqualTo(RagStatus.Green));
            Assert.That(RagRater.Rate(Parents, 205m, null, target, RagScheme.Rag).Status, Is.EqualTo(RagStatus.Red));
        });
    }

    [Test]
    public void A_trajectory_of_annual_counts_is_followed_and_then_phased()
    {
        // 300 in March 2017 to 400 by March 2019: at September 2018 (18 of 24 months) 375 a year; half of it by Q2 is 187.5, printed 188.
        var target = TestFrameworks.Target("PAR", 400m, 0m) with
        {
            Phasing = TargetPhasing.Equal, BaselineValue = 300m, BaselineDate = new DateOnly(2017, 3, 31), TargetDate = new DateOnly(2019, 3, 31),
        };

        var effective = EffectiveTargets.For(Parents, target, Q2);

        Assert.Multiple(() =>
        {
            Assert.That(effective.Target.Value, Is.EqualTo(188m));
            Assert.That(effective.Note, Is.EqualTo(
                "On the trajectory from 300 (March 2017) to 400 by March 2019: 375 for 2018-19 Q2. Quarter 2 of the annual target of 375: 188 year to date."));
        });
    }

    [Test]
    public void Working_out_an_effective_target_again_changes_nothing()
    {
        var target = TestFrameworks.Target("PAR", 400m, 0m) with { Phasing = TargetPhasing.Profile, Profile = new PhasingProfile([20m, 25m, 25m, 30m]) };

        var once = EffectiveTargets.For(Parents, target, Q2);
        var twice = EffectiveTargets.For(Parents, once.Target, Q2);

        Assert.Multiple(() =>
        {
            Assert.That(once.Target.Value, Is.EqualTo(180m));
            Assert.That(twice.Target, Is.EqualTo(once.Target));
            Assert.That(twice.Note, Is.Null);
        });
    }

    [Test]
    public void A_plain_target_is_its_own_effective_target_with_no_note()
    {
        var target = TestFrameworks.Target("GLD", 70m, 2m);

        var effective = EffectiveTargets.For(TestFrameworks.Gld, target, Q2);

        Assert.Multiple(() =>
        {
            Assert.That(effective.Target, Is.EqualTo(target));
            Assert.That(effective.Note, Is.Null);
        });
    }
}
