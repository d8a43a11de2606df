using Outcomes.Domain.Periods;
using Outcomes.Scoring.Exceptions;

namespace Outcomes.Scoring.Tests.Exceptions;

public sealed class ExceptionFinderTests
{
    private static readonly Period Q4 = Period.FinancialQuarter(2018, 4);

    private static Score Scored(string unit, string measure, RagStatus status, Direction direction = Direction.NoChange, SpcAtPoint? spc = null, Period? period = null) => new()
    {
        FrameworkCode = "BRD-CC",
        MeasureCode = measure,
        OrgUnitCode = unit,
        Period = period ?? Q4,
        Status = status,
        DirectionFromPrevious = direction,
        Spc = spc,
        Explanation = $"{status}: {measure} at {unit}.",
    };

    [Test]
    public void Red_and_worsening_comes_first_and_is_not_listed_again_as_plain_red()
    {
        var found = ExceptionFinder.Find(Q4, [
            Scored("CL2", "BR1", RagStatus.Red),
            Scored("CL1", "BR2", RagStatus.Red, Direction.Worsening),
            Scored("CL1", "BR3", RagStatus.Amber, Direction.Worsening),
            Scored("CL1", "BR4", RagStatus.Green),
        ]);

        Assert.That(found.Select(e => (e.Kind, e.OrgUnitCode, e.MeasureCode)), Is.EqualTo(new[]
        {
            (ExceptionKind.RedAndWorsening, "CL1", (string?)"BR2"),
            (ExceptionKind.Red, "CL2", "BR1"),
        }));
        Assert.That(found[0].Explanation, Does.StartWith("Red and worsening. Red: BR2 at CL1."));
    }

    [Test]
    public void Red_and_improving_is_red_not_red_red()
    {
        var found = ExceptionFinder.Find(Q4, [Scored("CL1", "BR1", RagStatus.Red, Direction.Improving)]);

        Assert.That(found.Single().Kind, Is.EqualTo(ExceptionKind.Red));
    }

    [Test]
    public void Missing_and_late_returns_are_named_with_their_deadline_and_on_time_ones_are_not()
    {
        var deadline = new DateOnly(2019, 4, 20);
        var found = ExceptionFinder.Find(Q4, [], [
            new ReturnExpectation("CL1", Q4, deadline, null),
            new ReturnExpectation("CL2", Q4, deadline, new DateTimeOffset(2019, 4, 23, 10, 0, 0, TimeSpan.Zero)),
            new ReturnExpectation("CL3", Q4, deadline, new DateTimeOffset(2019, 4, 20, 23, 0, 0, TimeSpan.Zero)),
            new ReturnExpectation("CL4", Q4.Previous(), deadline, null),
        ]);

        Assert.That(found.Select(e => (e.Kind, e.OrgUnitCode)), Is.EqualTo(new[] { (ExceptionKind.MissingReturn, "CL1"), (ExceptionKind.LateReturn, "CL2") }));
        Assert.That(found[0].Explanation, Is.EqualTo($"The {Q4.Label} return from CL1 was due by 20 April 2019 and has not been received."));
        Assert.That(found[1].Explanation, Does.Contain("3 days after its deadline of 20 April 2019"));
    }

    [Test]
    public void Spc_concern_and_trial_limits_are_listed_but_improvement_is_not()
    {
        var concern = new SpcAtPoint { Variation = SpcVariation.SpecialCauseConcern, Points = 20, Explanation = "Special cause of concern." };
        var trial = new SpcAtPoint { Variation = SpcVariation.CommonCause, Points = 6, IsTrial = true, Explanation = "Common cause." };
        var improvement = new SpcAtPoint { Variation = SpcVariation.SpecialCauseImprovement, Points = 20, Explanation = "Improvement." };

        var found = ExceptionFinder.Find(Q4, [
            Scored("CL1", "BR1", RagStatus.Green, spc: concern),
            Scored("CL1", "BR2", RagStatus.Green, spc: trial),
            Scored("CL1", "BR3", RagStatus.Green, spc: improvement),
        ]);

        Assert.That(found.Select(e => (e.Kind, e.MeasureCode)), Is.EqualTo(new[] { (ExceptionKind.SpecialCauseConcern, (string?)"BR1"), (ExceptionKind.TrialLimits, "BR2") }));
        Assert.That(found[1].Explanation, Does.Contain("6 points, fewer than 13"));
    }

    [Test]
    public void Outliers_say_whether_the_return_explains_them_and_other_periods_are_ignored()
    {
        var found = ExceptionFinder.Find(Q4, [Scored("CL1", "BR1", RagStatus.Red, period: Q4.Previous())], outliers: [
            new OutlierFlag("CL1", "BR5", Q4, "BR5 = 400 is an outlier against its 7 earlier values", HasCommentary: false),
            new OutlierFlag("CL2", "BR5", Q4, "BR5 = 10 is an outlier against its 7 earlier values", HasCommentary: true),
        ]);

        Assert.That(found.Select(e => e.Kind), Is.All.EqualTo(ExceptionKind.Outlier));
        Assert.That(found.Select(e => e.Explanation), Is.EqualTo(new[]
        {
            "Data quality: BR5 = 400 is an outlier against its 7 earlier values; the return gives no explanation.",
            "Data quality: BR5 = 10 is an outlier against its 7 earlier values; the return explains it.",
        }));
    }
}
