using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Scoring.Spc;

namespace Outcomes.Scoring.Tests.Spc;

/// <summary>The sentences a councillor reads (METHODS §3 wording: variation, assurance, trial limits).</summary>
public class XmrDescriptionTests
{
    private static readonly SpcTextStyle Quarters = new()
    {
        Singular = "quarter",
        Plural = "quarters",
        Format = v => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
    };

    [Test]
    public void A_shift_below_the_mean_is_described_with_its_length_and_the_average()
    {
        double[] values = [65, 64, 66, 65, 64, 66, 65, 64, 63, 62.5, 63, 62.5, 63, 62.5, 63];
        var chart = XmrChart.Analyse(values, new SpcOptions { ImprovementDirection = Polarity.HigherIsBetter });
        Assert.Multiple(() =>
        {
            Assert.That(chart.Points[^1].Rules, Is.EqualTo(SpcRules.Shift), "precondition: only the shift rule");
            Assert.That(chart.Latest.Mean, Is.EqualTo(values.Average()).Within(1e-9));
            Assert.That(chart.Describe(Quarters), Is.EqualTo(
                $"Special cause of concern: the last 7 quarters are all below the average of {Quarters.Format(chart.Latest.Mean)}."));
        });
    }

    [Test]
    public void Common_cause_with_a_target_inside_the_limits_is_hit_and_miss()
    {
        double[] values = [68, 71, 69, 72, 70, 68, 71, 69, 72, 70, 68, 71, 69, 72];
        var chart = XmrChart.Analyse(values, new SpcOptions { ImprovementDirection = Polarity.HigherIsBetter, Target = 70 });
        Assert.That(chart.Describe(Quarters), Is.EqualTo("Common cause variation; the target of 70.0% lies inside the process limits (hit and miss)."));
    }

    [Test]
    public void Trial_limits_are_said_after_the_variation()
    {
        double[] values = [68, 71, 69, 72, 70, 68, 71, 69, 72];
        var chart = XmrChart.Analyse(values);
        Assert.Multiple(() =>
        {
            Assert.That(chart.Describe(Quarters), Does.EndWith(" Trial limits: only 9 quarters."));
            Assert.That(chart.Description, Does.StartWith("Common cause variation: the latest value of 72 lies within the process limits of "));
            Assert.That(chart.Description, Does.EndWith("Trial limits: only 9 points."));
        });
    }

    [Test]
    public void Outside_limits_and_consistent_failure_are_both_said()
    {
        double[] values = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, -8];
        var chart = XmrChart.Analyse(values, new SpcOptions { ImprovementDirection = Polarity.HigherIsBetter, Target = 20 });
        Assert.Multiple(() =>
        {
            Assert.That(chart.Description, Does.StartWith("Special cause of concern: the latest value of -8 is below the lower process limit of "));
            Assert.That(chart.Description, Does.EndWith("; the target of 20 is above the upper process limit, so it will not be met without a change to the process (consistently fail)."));
        });
    }

    [Test]
    public void A_trend_is_described_by_its_length_and_direction()
    {
        // Wide swings first, so the falling run stays inside the limits and on both sides of the mean.
        var chart = XmrChart.Analyse([2, 12, 2, 12, 2, 12, 11, 10, 9, 8, 7, 6, 5], new SpcOptions { ImprovementDirection = Polarity.LowerIsBetter });
        Assert.That(chart.Points[^1].Rules, Is.EqualTo(SpcRules.Trend), "precondition: only the trend rule");
        Assert.That(chart.Description, Does.StartWith("Special cause of improvement: each of the last 8 points has been lower than the one before."));
    }
}
