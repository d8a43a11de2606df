using Outcomes.Domain.Frameworks;
using Outcomes.Scoring.Spc;

namespace Outcomes.Scoring.Tests.Spc;

/// <summary>Improvement direction, the variation icon from the last point and assurance against a target (METHODS §3).</summary>
public class XmrDirectionTests
{
    private static readonly double[] Deviations = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

    [TestCase(Polarity.HigherIsBetter, 10.0, SpcVariation.SpecialCauseImprovement, SpcPointType.Improvement)]
    [TestCase(Polarity.LowerIsBetter, 10.0, SpcVariation.SpecialCauseConcern, SpcPointType.Concern)]
    [TestCase(Polarity.NoJudgement, 10.0, SpcVariation.SpecialCauseNeutralHigh, SpcPointType.NeutralHigh)]
    [TestCase(Polarity.HigherIsBetter, -8.0, SpcVariation.SpecialCauseConcern, SpcPointType.Concern)]
    [TestCase(Polarity.LowerIsBetter, -8.0, SpcVariation.SpecialCauseImprovement, SpcPointType.Improvement)]
    [TestCase(Polarity.NoJudgement, -8.0, SpcVariation.SpecialCauseNeutralLow, SpcPointType.NeutralLow)]
    public void The_improvement_direction_turns_a_high_or_low_last_point_into_improvement_concern_or_neutral(
        Polarity direction, double last, SpcVariation variation, SpcPointType type)
    {
        double[] values = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, last];
        var chart = XmrChart.Analyse(values, new SpcOptions { ImprovementDirection = direction });
        Assert.Multiple(() =>
        {
            Assert.That(chart.Points[^1].Rules & SpcRules.OutsideLimits, Is.EqualTo(SpcRules.OutsideLimits));
            Assert.That(chart.Points[^1].Type, Is.EqualTo(type));
            Assert.That(chart.Variation, Is.EqualTo(variation));
        });
    }

    [Test]
    public void A_special_cause_earlier_in_the_series_does_not_set_the_icon_the_last_point_does()
    {
        var chart = XmrChart.Analyse(Deviations, new SpcOptions { ImprovementDirection = Polarity.HigherIsBetter });
        Assert.Multiple(() =>
        {
            Assert.That(chart.Points[4].Type, Is.EqualTo(SpcPointType.Improvement));
            Assert.That(chart.Variation, Is.EqualTo(SpcVariation.CommonCause));
        });
    }

    [Test]
    public void A_point_flagged_only_by_a_rising_trend_takes_the_trend_direction_even_below_the_mean()
    {
        // A trend of 6 (shift still 7) climbing back towards a mean it has not reached.
        double[] values = [9, 8, 9, 8, 9, 8, 9, 8, 9, 8, 9, 8, 1, 2, 3, 4, 5, 6];
        var options = new SpcOptions { TrendLength = 6, Screening = false };
        var higher = XmrChart.Analyse(values, options with { ImprovementDirection = Polarity.HigherIsBetter });
        var lower = XmrChart.Analyse(values, options with { ImprovementDirection = Polarity.LowerIsBetter });
        var neutral = XmrChart.Analyse(values, options);
        Assert.Multiple(() =>
        {
            Assert.That(higher.Points[^1].Rules, Is.EqualTo(SpcRules.Trend), "precondition: only the trend rule");
            Assert.That(values[^1], Is.LessThan(higher.Latest.Mean), "precondition: below the mean");
            Assert.That(higher.Variation, Is.EqualTo(SpcVariation.SpecialCauseImprovement));
            Assert.That(lower.Variation, Is.EqualTo(SpcVariation.SpecialCauseConcern));
            Assert.That(neutral.Variation, Is.EqualTo(SpcVariation.SpecialCauseNeutralHigh));
        });
    }

    [TestCase(Polarity.HigherIsBetter, 5.0, SpcAssurance.ConsistentlyFail)]
    [TestCase(Polarity.HigherIsBetter, -1.0, SpcAssurance.ConsistentlyPass)]
    [TestCase(Polarity.HigherIsBetter, 2.0, SpcAssurance.HitAndMiss)]
    [TestCase(Polarity.LowerIsBetter, 5.0, SpcAssurance.ConsistentlyPass)]
    [TestCase(Polarity.LowerIsBetter, -1.0, SpcAssurance.ConsistentlyFail)]
    [TestCase(Polarity.LowerIsBetter, 2.0, SpcAssurance.HitAndMiss)]
    [TestCase(Polarity.NoJudgement, 5.0, SpcAssurance.None)]
    public void Assurance_compares_the_target_with_the_process_limits(Polarity direction, double target, SpcAssurance expected)
    {
        // Deviations with screening: limits −0.715556 to 4.604444 (METHODS §3).
        var chart = XmrChart.Analyse(Deviations, new SpcOptions { ImprovementDirection = direction, Target = target });
        Assert.That(chart.Assurance, Is.EqualTo(expected));
    }

    [Test]
    public void A_target_exactly_on_a_limit_is_hit_and_miss_and_no_target_means_no_assurance()
    {
        var limits = XmrChart.Analyse(Deviations).Latest;
        var onUpper = XmrChart.Analyse(Deviations, new SpcOptions { ImprovementDirection = Polarity.HigherIsBetter, Target = limits.Upper });
        var none = XmrChart.Analyse(Deviations, new SpcOptions { ImprovementDirection = Polarity.HigherIsBetter });
        Assert.Multiple(() =>
        {
            Assert.That(onUpper.Assurance, Is.EqualTo(SpcAssurance.HitAndMiss));
            Assert.That(none.Assurance, Is.EqualTo(SpcAssurance.None));
        });
    }

    [Test]
    public void Assurance_uses_the_latest_segment()
    {
        double[] values = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 21, 22, 21, 22, 21, 22, 21, 22, 21, 22, 21, 22];
        var chart = XmrChart.Analyse(values, new SpcOptions { Rebases = [12], ImprovementDirection = Polarity.HigherIsBetter, Target = 10 });
        Assert.Multiple(() =>
        {
            Assert.That(chart.Segments[0].Upper, Is.LessThan(10), "the old process always failed a target of 10");
            Assert.That(chart.Assurance, Is.EqualTo(SpcAssurance.ConsistentlyPass));
        });
    }
}
