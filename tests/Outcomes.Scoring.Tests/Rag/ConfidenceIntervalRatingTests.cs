using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Scores;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Rag;

namespace Outcomes.Scoring.Tests.Rag;

public class ConfidenceIntervalRatingTests
{
    private static readonly Measure Gld = TestFrameworks.Gld;
    private static readonly Measure ReReferrals = TestFrameworks.ReReferrals;

    private static Target GldTarget(decimal? stretch = null) =>
        TestFrameworks.Target("GLD", 70m, 2m, stretch: stretch) with { UseConfidenceInterval = true };

    private static Target ReReferralTarget() => TestFrameworks.Target("REREF", 10m, 2m) with { UseConfidenceInterval = true };

    // Higher is better, target 70.0, tolerance 2.0: green when lower >= 70.0, red when upper < 68.0.
    [TestCase(72.0, 70.0, 74.0, RagStatus.Green)]
    [TestCase(72.0, 69.9, 74.0, RagStatus.Amber)]
    [TestCase(67.0, 66.0, 68.0, RagStatus.Amber)]
    [TestCase(67.0, 66.0, 67.9, RagStatus.Red)]
    public void Higher_is_better_judges_the_whole_interval(decimal actual, decimal lower, decimal upper, RagStatus expected) =>
        Assert.That(RagRater.Rate(Gld, actual, lower, upper, null, GldTarget(), RagScheme.Rag).Status, Is.EqualTo(expected));

    // Lower is better, target 10.0, tolerance 2.0: green when upper <= 10.0, red when lower > 12.0.
    [TestCase(9.0, 8.0, 10.0, RagStatus.Green)]
    [TestCase(9.0, 8.0, 10.1, RagStatus.Amber)]
    [TestCase(13.0, 12.0, 14.0, RagStatus.Amber)]
    [TestCase(13.0, 12.1, 14.0, RagStatus.Red)]
    public void Lower_is_better_is_mirrored(decimal actual, decimal lower, decimal upper, RagStatus expected) =>
        Assert.That(RagRater.Rate(ReReferrals, actual, lower, upper, null, ReReferralTarget(), RagScheme.Rag).Status, Is.EqualTo(expected));

    [Test]
    public void A_value_above_target_whose_interval_dips_below_it_is_amber_not_green()
    {
        var rating = RagRater.Rate(Gld, 71m, 66.2m, 75.4m, null, GldTarget(), RagScheme.Rag);

        Assert.Multiple(() =>
        {
            Assert.That(RagRater.Rate(Gld, 71m, null, GldTarget(), RagScheme.Rag).Status, Is.EqualTo(RagStatus.Green), "the point alone");
            Assert.That(rating.Status, Is.EqualTo(RagStatus.Amber));
            Assert.That(rating.Explanation, Is.EqualTo(
                "Amber: 71.0% (confidence interval 66.2% to 75.4%) is 1.0 points above the 70.0% target, but the interval includes the target, so it cannot be said whether it was met."));
        });
    }

    [Test]
    public void Green_red_and_near_miss_sentences_name_the_interval()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RagRater.Rate(Gld, 73m, 70.5m, 75.1m, null, GldTarget(), RagScheme.Rag).Explanation,
                Is.EqualTo("Green: 73.0% (confidence interval 70.5% to 75.1%) is 3.0 points above the 70.0% target, and so does the whole interval."));
            Assert.That(RagRater.Rate(Gld, 62m, 58.2m, 66.9m, null, GldTarget(), RagScheme.Rag).Explanation,
                Is.EqualTo("Red: 62.0% (confidence interval 58.2% to 66.9%) is 8.0 points below the 70.0% target, and the whole interval is more than 2.0 points below it."));
            Assert.That(RagRater.Rate(Gld, 67.5m, 66m, 69m, null, GldTarget(), RagScheme.Rag).Explanation,
                Is.EqualTo("Amber: 67.5% (confidence interval 66.0% to 69.0%) is 2.5 points below the 70.0% target; the whole interval is below it, but reaches within the tolerance of 2.0 points."));
        });
    }

    [Test]
    public void Under_BRAG_the_whole_interval_must_meet_the_stretch_to_be_blue()
    {
        var target = GldTarget(stretch: 75m);

        Assert.Multiple(() =>
        {
            Assert.That(RagRater.Rate(Gld, 78m, 75m, 81m, null, target, RagScheme.Brag).Status, Is.EqualTo(RagStatus.Blue));
            Assert.That(RagRater.Rate(Gld, 78m, 74.9m, 81m, null, target, RagScheme.Brag).Status, Is.EqualTo(RagStatus.Green));
            Assert.That(RagRater.Rate(Gld, 78m, 75m, 81m, null, target, RagScheme.Rag).Status, Is.EqualTo(RagStatus.Green));
        });
    }

    [Test]
    public void The_five_level_scheme_splits_amber_by_whether_the_interval_reaches_the_target()
    {
        var target = GldTarget(stretch: 75m);

        Assert.Multiple(() =>
        {
            Assert.That(RagRater.RateFiveLevel(Gld, 76m, 75m, 78m, null, target).Status, Is.EqualTo(FiveLevelStatus.Blue));
            Assert.That(RagRater.RateFiveLevel(Gld, 72m, 70m, 74m, null, target).Status, Is.EqualTo(FiveLevelStatus.Green));
            Assert.That(RagRater.RateFiveLevel(Gld, 69m, 66m, 70m, null, target).Status, Is.EqualTo(FiveLevelStatus.AmberGreen));
            Assert.That(RagRater.RateFiveLevel(Gld, 67m, 66m, 68m, null, target).Status, Is.EqualTo(FiveLevelStatus.AmberRed));
            Assert.That(RagRater.RateFiveLevel(Gld, 67m, 66m, 67.9m, null, target).Status, Is.EqualTo(FiveLevelStatus.Red));
            Assert.That(RagRater.RateFiveLevel(Gld, 67m, 66m, 68m, null, target).Explanation, Does.StartWith("Amber-red: 67.0% (confidence interval 66.0% to 68.0%)"));
            Assert.That(RagRater.Rate(Gld, 67m, 66m, 68m, null, target, RagScheme.FiveLevel).Status, Is.EqualTo(RagStatus.Amber));
        });
    }

    [Test]
    public void Without_the_flag_the_interval_is_ignored()
    {
        var target = TestFrameworks.Target("GLD", 70m, 2m);

        var withInterval = RagRater.Rate(Gld, 71m, 66.2m, 75.4m, null, target, RagScheme.Rag);

        Assert.That(withInterval, Is.EqualTo(RagRater.Rate(Gld, 71m, null, target, RagScheme.Rag)));
    }

    [Test]
    public void With_the_flag_but_no_interval_the_value_is_judged_and_the_sentence_says_so()
    {
        var rating = RagRater.Rate(Gld, 71m, null, null, null, GldTarget(), RagScheme.Rag);

        Assert.Multiple(() =>
        {
            Assert.That(rating.Status, Is.EqualTo(RagStatus.Green));
            Assert.That(rating.Explanation, Does.StartWith("Green: 71.0% is 1.0 points above the 70.0% target."));
            Assert.That(rating.Explanation, Does.Contain("none could be calculated"));
        });
    }

    [Test]
    public void Bounds_are_judged_as_printed_and_may_come_in_either_order()
    {
        // 67.96 prints as 68.0, which is not more than 2.0 points below 70.0.
        Assert.Multiple(() =>
        {
            Assert.That(RagRater.Rate(Gld, 67m, 66m, 67.96m, null, GldTarget(), RagScheme.Rag).Status, Is.EqualTo(RagStatus.Amber));
            Assert.That(RagRater.Rate(Gld, 72m, 74m, 70m, null, GldTarget(), RagScheme.Rag).Status, Is.EqualTo(RagStatus.Green));
        });
    }

    [Test]
    public void Suppressed_values_stay_grey_whatever_the_interval()
    {
        Assert.That(RagRater.Rate(Gld, null, 60m, 80m, "c", GldTarget(), RagScheme.Rag).Status, Is.EqualTo(RagStatus.Grey));
    }
}
