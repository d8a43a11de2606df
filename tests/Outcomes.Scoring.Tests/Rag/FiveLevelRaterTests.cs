using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Scores;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Rag;

namespace Outcomes.Scoring.Tests.Rag;

public class FiveLevelRaterTests
{
    private static readonly Measure Gld = TestFrameworks.Gld;
    private static readonly Measure ReReferrals = TestFrameworks.ReReferrals;

    // Target 70.0%, amber within 2.0 points (half: 1.0), stretch 75.0%.
    [TestCase(75.0, FiveLevelStatus.Blue)]
    [TestCase(74.9, FiveLevelStatus.Green)]
    [TestCase(70.0, FiveLevelStatus.Green)]
    [TestCase(69.9, FiveLevelStatus.AmberGreen)]
    [TestCase(69.0, FiveLevelStatus.AmberGreen)]
    [TestCase(68.9, FiveLevelStatus.AmberRed)]
    [TestCase(68.0, FiveLevelStatus.AmberRed)]
    [TestCase(67.9, FiveLevelStatus.Red)]
    public void Higher_is_better_with_absolute_tolerance_boundaries_belong_to_the_better_band(decimal actual, FiveLevelStatus expected)
    {
        var target = TestFrameworks.Target("GLD", 70m, 2m, stretch: 75m);
        Assert.That(RagRater.RateFiveLevel(Gld, actual, null, target).Status, Is.EqualTo(expected));
    }

    // Target 10.0%, amber within 2.0 points (half: 1.0), stretch 8.0%: lower is better.
    [TestCase(8.0, FiveLevelStatus.Blue)]
    [TestCase(8.1, FiveLevelStatus.Green)]
    [TestCase(10.0, FiveLevelStatus.Green)]
    [TestCase(11.0, FiveLevelStatus.AmberGreen)]
    [TestCase(11.1, FiveLevelStatus.AmberRed)]
    [TestCase(12.0, FiveLevelStatus.AmberRed)]
    [TestCase(12.1, FiveLevelStatus.Red)]
    public void Lower_is_better_mirrors_every_band(decimal actual, FiveLevelStatus expected)
    {
        var target = TestFrameworks.Target("REREF", 10m, 2m, stretch: 8m);
        Assert.That(RagRater.RateFiveLevel(ReReferrals, actual, null, target).Status, Is.EqualTo(expected));
    }

    // 10% of a 10.0 target is 1.0 point; half of it 0.5.
    [TestCase(10.5, FiveLevelStatus.AmberGreen)]
    [TestCase(10.6, FiveLevelStatus.AmberRed)]
    [TestCase(11.0, FiveLevelStatus.AmberRed)]
    [TestCase(11.1, FiveLevelStatus.Red)]
    public void Relative_tolerance_is_a_share_of_the_target_for_lower_is_better(decimal actual, FiveLevelStatus expected)
    {
        var target = TestFrameworks.Target("REREF", 10m, 10m, kind: ToleranceKind.Relative);
        Assert.That(RagRater.RateFiveLevel(ReReferrals, actual, null, target).Status, Is.EqualTo(expected));
    }

    // 5% of a 60.0 target is 3.0 points; half of it 1.5.
    [TestCase(58.5, FiveLevelStatus.AmberGreen)]
    [TestCase(58.4, FiveLevelStatus.AmberRed)]
    [TestCase(57.0, FiveLevelStatus.AmberRed)]
    [TestCase(56.9, FiveLevelStatus.Red)]
    public void Relative_tolerance_is_a_share_of_the_target_for_higher_is_better(decimal actual, FiveLevelStatus expected)
    {
        var target = TestFrameworks.Target("GLD", 60m, 5m, kind: ToleranceKind.Relative);
        Assert.That(RagRater.RateFiveLevel(Gld, actual, null, target).Status, Is.EqualTo(expected));
    }

    [Test]
    public void Each_level_explains_itself_in_the_RAG_sentence_style()
    {
        var target = TestFrameworks.Target("GLD", 70m, 2m, stretch: 75m);
        string Say(decimal actual) => RagRater.RateFiveLevel(Gld, actual, null, target).Explanation;

        Assert.Multiple(() =>
        {
            Assert.That(Say(76m), Is.EqualTo("Blue: 76.0% meets the stretch target of 75.0% (target 70.0%)."));
            Assert.That(Say(71.5m), Is.EqualTo("Green: 71.5% is 1.5 points above the 70.0% target."));
            Assert.That(Say(69.5m), Is.EqualTo("Amber-green: 69.5% is 0.5 points below the 70.0% target, within half the tolerance of 2.0 points."));
            Assert.That(Say(68.5m), Is.EqualTo("Amber-red: 68.5% is 1.5 points below the 70.0% target, within the tolerance of 2.0 points but not within half of it."));
            Assert.That(Say(64m), Is.EqualTo("Red: 64.0% is 6.0 points below the 70.0% target (amber within 2.0 points)."));
        });
    }

    [Test]
    public void Lower_is_better_sentences_say_above_for_a_shortfall()
    {
        var target = TestFrameworks.Target("REREF", 10m, 10m, kind: ToleranceKind.Relative);

        Assert.That(RagRater.RateFiveLevel(ReReferrals, 10.8m, null, target).Explanation,
            Is.EqualTo("Amber-red: 10.8% is 0.8 points above the 10.0% target, within the tolerance of 10.0% of target but not within half of it."));
    }

    [Test]
    public void Both_ambers_map_to_amber_and_the_rest_to_their_own_colour()
    {
        var target = TestFrameworks.Target("GLD", 70m, 2m, stretch: 75m);
        RagStatus Mapped(decimal actual) => RagRater.RateFiveLevel(Gld, actual, null, target).RagStatus;

        Assert.Multiple(() =>
        {
            Assert.That(Mapped(76m), Is.EqualTo(RagStatus.Blue));
            Assert.That(Mapped(71m), Is.EqualTo(RagStatus.Green));
            Assert.That(Mapped(69.5m), Is.EqualTo(RagStatus.Amber));
            Assert.That(Mapped(68.5m), Is.EqualTo(RagStatus.Amber));
            Assert.That(Mapped(60m), Is.EqualTo(RagStatus.Red));
            Assert.That(FiveLevelStatus.AmberRed.Letter(), Is.EqualTo("AR"));
            Assert.That(FiveLevelStatus.AmberGreen.Label(), Is.EqualTo("Amber-green"));
        });
    }

    [Test]
    public void Without_a_stretch_target_meeting_the_target_is_green_not_blue()
    {
        var target = TestFrameworks.Target("GLD", 70m, 2m);
        Assert.That(RagRater.RateFiveLevel(Gld, 99m, null, target).Status, Is.EqualTo(FiveLevelStatus.Green));
    }

    [Test]
    public void With_no_tolerance_any_shortfall_is_red()
    {
        var target = TestFrameworks.Target("GLD", 70m, 0m);
        Assert.That(RagRater.RateFiveLevel(Gld, 69.9m, null, target).Status, Is.EqualTo(FiveLevelStatus.Red));
    }

    [Test]
    public void Values_are_judged_as_printed()
    {
        // 68.96 prints as 69.0: exactly half the tolerance short, so amber-green.
        var target = TestFrameworks.Target("GLD", 70m, 2m);
        Assert.That(RagRater.RateFiveLevel(Gld, 68.96m, null, target).Status, Is.EqualTo(FiveLevelStatus.AmberGreen));
    }

    [Test]
    public void Nothing_to_judge_is_grey_with_the_same_reasons_as_RAG()
    {
        var target = TestFrameworks.Target("GLD", 70m, 2m);
        var suppressed = RagRater.RateFiveLevel(Gld, null, "c", target);
        var untargeted = RagRater.RateFiveLevel(Gld, 71m, null, null);

        Assert.Multiple(() =>
        {
            Assert.That(suppressed.Status, Is.EqualTo(FiveLevelStatus.Grey));
            Assert.That(suppressed.RagStatus, Is.EqualTo(RagStatus.Grey));
            Assert.That(suppressed.Explanation, Is.EqualTo(RagRater.Rate(Gld, null, "c", target, RagScheme.Rag).Explanation));
            Assert.That(untargeted.Explanation, Does.Contain("no target"));
        });
    }

    [Test]
    public void The_point_Rate_keeps_rating_five_level_frameworks_as_RAG_until_the_engine_asks_for_five_levels()
    {
        var target = TestFrameworks.Target("GLD", 70m, 2m, stretch: 75m);

        Assert.Multiple(() =>
        {
            Assert.That(RagRater.Rate(Gld, 69.5m, null, target, RagScheme.FiveLevel).Explanation, Does.StartWith("Amber:"));
            Assert.That(RagRater.Rate(Gld, 69.5m, null, null, null, target, RagScheme.FiveLevel).Explanation, Does.StartWith("Amber-green:"));
            Assert.That(RagRater.Rate(Gld, 76m, null, null, null, target, RagScheme.FiveLevel).Status, Is.EqualTo(RagStatus.Blue));
        });
    }
}
