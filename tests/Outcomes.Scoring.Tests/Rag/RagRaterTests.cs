using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Scores;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Rag;

namespace Outcomes.Scoring.Tests.Rag;

public class RagRaterTests
{
    private static readonly Measure Gld = TestFrameworks.Gld;
    private static readonly Measure ReReferrals = TestFrameworks.ReReferrals;

    [TestCase(72.0, RagStatus.Green)]
    [TestCase(70.0, RagStatus.Green)]
    [TestCase(68.0, RagStatus.Amber)]
    [TestCase(67.9, RagStatus.Red)]
    public void Higher_is_better_with_absolute_tolerance(decimal actual, RagStatus expected)
    {
        var rating = RagRater.Rate(Gld, actual, null, TestFrameworks.Target("GLD", 70m, 2m), RagScheme.Rag);
        Assert.That(rating.Status, Is.EqualTo(expected));
    }

    [TestCase(10.0, RagStatus.Green)]
    [TestCase(10.5, RagStatus.Amber)]
    [TestCase(11.0, RagStatus.Amber)]
    [TestCase(11.1, RagStatus.Red)]
    public void Lower_is_better_with_relative_tolerance(decimal actual, RagStatus expected)
    {
        // 10% of a 10.0 target is 1.0 point of tolerance.
        var target = TestFrameworks.Target("REREF", 10m, 10m, kind: ToleranceKind.Relative);
        Assert.That(RagRater.Rate(ReReferrals, actual, null, target, RagScheme.Rag).Status, Is.EqualTo(expected));
    }

    [Test]
    public void The_explanation_reads_as_a_sentence_for_councillors()
    {
        var rating = RagRater.Rate(Gld, 64m, null, TestFrameworks.Target("GLD", 70m, 2m), RagScheme.Rag);
        Assert.That(rating.Explanation, Is.EqualTo("Red: 64.0% is 6.0 points below the 70.0% target (amber within 2.0 points)."));
    }

    [Test]
    public void Brag_turns_values_meeting_the_stretch_target_blue()
    {
        var target = TestFrameworks.Target("GLD", 70m, 2m, stretch: 75m);
        Assert.Multiple(() =>
        {
            Assert.That(RagRater.Rate(Gld, 75.2m, null, target, RagScheme.Brag).Status, Is.EqualTo(RagStatus.Blue));
            Assert.That(RagRater.Rate(Gld, 75.2m, null, target, RagScheme.Rag).Status, Is.EqualTo(RagStatus.Green));
            Assert.That(RagRater.Rate(Gld, 72m, null, target, RagScheme.Brag).Status, Is.EqualTo(RagStatus.Green));
        });
    }

    [Test]
    public void Suppressed_missing_and_untargeted_values_are_grey_and_say_why()
    {
        var target = TestFrameworks.Target("GLD", 70m, 2m);
        var suppressed = RagRater.Rate(Gld, null, "c", target, RagScheme.Rag);
        var missing = RagRater.Rate(Gld, null, null, target, RagScheme.Rag);
        var untargeted = RagRater.Rate(Gld, 71m, null, null, RagScheme.Rag);
        Assert.Multiple(() =>
        {
            Assert.That(suppressed.Status, Is.EqualTo(RagStatus.Grey));
            Assert.That(suppressed.Explanation, Does.Contain("confidentiality"));
            Assert.That(missing.Explanation, Does.Contain("no value was returned"));
            Assert.That(untargeted.Explanation, Does.Contain("no target"));
        });
    }

    [Test]
    public void Values_are_judged_as_printed_so_rounding_cannot_contradict_the_paper()
    {
        // 67.96 prints as 68.0, which is within 2.0 points of 70.0.
        var rating = RagRater.Rate(Gld, 67.96m, null, TestFrameworks.Target("GLD", 70m, 2m), RagScheme.Rag);
        Assert.That(rating.Status, Is.EqualTo(RagStatus.Amber));
    }
}
