using Outcomes.Scoring.Spc;

namespace Outcomes.Scoring.Tests.Spc;

/// <summary>The METHODS §3 oracles (NHSRplotthedots vignette "deviations" and the rule-level examples), to 6 decimals.</summary>
public class XmrOracleTests
{
    private static readonly double[] Deviations = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

    [Test]
    public void Deviations_with_screening_match_the_published_limits_and_only_point_5_is_special_cause()
    {
        var chart = XmrChart.Analyse(Deviations, new SpcOptions { Screening = true });
        Assert.Multiple(() =>
        {
            Assert.That(chart.Latest.Mean, Is.EqualTo(1.944444).Within(1e-6));
            Assert.That(chart.Latest.Lower, Is.EqualTo(-0.715556).Within(1e-6));
            Assert.That(chart.Latest.Upper, Is.EqualTo(4.604444).Within(1e-6));
            Assert.That(chart.Latest.ScreenedOut, Is.EqualTo(2), "the moving ranges 8 and 9 either side of the 10");
            Assert.That(SpecialCauseIndexes(chart), Is.EqualTo(new[] { 4 }));
            Assert.That(chart.Points[4].Rules, Is.EqualTo(SpcRules.OutsideLimits));
        });
    }

    [Test]
    public void Deviations_without_screening_match_the_published_limits_and_only_point_5_is_special_cause()
    {
        var chart = XmrChart.Analyse(Deviations, new SpcOptions { Screening = false });
        Assert.Multiple(() =>
        {
            Assert.That(chart.Latest.Mean, Is.EqualTo(1.944444).Within(1e-6));
            Assert.That(chart.Latest.Lower, Is.EqualTo(-3.062614).Within(1e-6));
            Assert.That(chart.Latest.Upper, Is.EqualTo(6.951503).Within(1e-6));
            Assert.That(chart.Latest.ScreenedOut, Is.Zero);
            Assert.That(SpecialCauseIndexes(chart), Is.EqualTo(new[] { 4 }));
        });
    }

    [Test]
    public void One_to_seven_is_a_trend_of_seven_with_all_seven_flagged()
    {
        var chart = XmrChart.Analyse([1, 2, 3, 4, 5, 6, 7]);
        Assert.That(Flagged(chart, SpcRules.Trend), Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void A_value_equal_to_its_predecessor_breaks_a_trend()
    {
        var chart = XmrChart.Analyse([1, 2, 3, 4, 4, 5, 6, 7]);
        Assert.That(Flagged(chart, SpcRules.Trend), Is.Empty);
    }

    [Test]
    public void Eight_ones_above_the_mean_form_a_shift_with_all_eight_flagged()
    {
        double[] values = [1, 1, 1, 1, 1, 1, 1, 1, -1];
        foreach (var screening in new[] { true, false })
        {
            var chart = XmrChart.Analyse(values, new SpcOptions { Screening = screening });
            Assert.Multiple(() =>
            {
                Assert.That(chart.Latest.Mean, Is.EqualTo(0.78).Within(0.005), "METHODS prints the mean to 2 decimals");
                Assert.That(chart.Latest.Mean, Is.EqualTo(7.0 / 9).Within(1e-12));
                Assert.That(Flagged(chart, SpcRules.Shift), Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5, 6, 7 }), $"screening {screening}");
            });
        }
    }

    internal static int[] SpecialCauseIndexes(SpcResult chart)
    {
        var found = new List<int>();
        for (var i = 0; i < chart.Points.Length; i++)
        {
            if (chart.Points[i].IsSpecialCause)
            {
                found.Add(i);
            }
        }

        return [.. found];
    }

    internal static int[] Flagged(SpcResult chart, SpcRules rule)
    {
        var found = new List<int>();
        for (var i = 0; i < chart.Points.Length; i++)
        {
            if ((chart.Points[i].Rules & rule) != 0)
            {
                found.Add(i);
            }
        }

        return [.. found];
    }
}
