using Outcomes.Scoring.Spc;
using static Outcomes.Scoring.Tests.Spc.XmrOracleTests;

namespace Outcomes.Scoring.Tests.Spc;

/// <summary>The four special-cause rules, rebasing and fixed baselines (METHODS §3).</summary>
public class XmrRuleTests
{
    [Test]
    public void A_point_exactly_on_the_mean_breaks_a_shift()
    {
        // Seven 5s above a mean of exactly 4, split 3 + 4 by a 4 on the mean; seven 3s below form a shift.
        double[] values = [5, 5, 5, 4, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3, 3];
        var chart = XmrChart.Analyse(values, new SpcOptions { Screening = false });
        Assert.Multiple(() =>
        {
            Assert.That(chart.Latest.Mean, Is.EqualTo(4));
            Assert.That(Flagged(chart, SpcRules.Shift), Is.EqualTo(new[] { 8, 9, 10, 11, 12, 13, 14 }));
        });
    }

    [Test]
    public void Shift_and_trend_lengths_are_configurable()
    {
        double[] rising = [1, 2, 3, 4, 5, 6];
        var seven = XmrChart.Analyse(rising);
        var six = XmrChart.Analyse(rising, new SpcOptions { TrendLength = 6 });
        Assert.Multiple(() =>
        {
            Assert.That(Flagged(seven, SpcRules.Trend), Is.Empty);
            Assert.That(Flagged(six, SpcRules.Trend), Has.Length.EqualTo(6));
        });
    }

    [Test]
    public void A_trend_longer_than_N_flags_every_point_in_it_and_a_falling_trend_counts_too()
    {
        var up = XmrChart.Analyse([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var down = XmrChart.Analyse([9, 8, 7, 6, 5, 4, 3, 2, 1, 1]);
        Assert.Multiple(() =>
        {
            Assert.That(Flagged(up, SpcRules.Trend), Is.EqualTo(Enumerable.Range(0, 9).ToArray()));
            Assert.That(Flagged(down, SpcRules.Trend), Is.EqualTo(Enumerable.Range(0, 9).ToArray()), "the repeated 1 is not part of it");
        });
    }

    [Test]
    public void Two_of_three_beyond_two_sigma_on_one_side_flags_only_those_two()
    {
        // Limits fixed on twelve points alternating 10, 11: mean 10.5, MR̄ 1, 2σ line 12.27, upper limit 13.16.
        double[] values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 12.5, 11, 12.6, 10, 11, 10];
        var chart = XmrChart.Analyse(values, new SpcOptions { BaselinePoints = 12 });
        var segment = chart.Latest;
        Assert.Multiple(() =>
        {
            Assert.That(segment.Mean, Is.EqualTo(10.5).Within(1e-12));
            Assert.That(segment.MovingRangeMean, Is.EqualTo(1).Within(1e-12));
            Assert.That(values[13], Is.GreaterThan(segment.UpperNear).And.LessThan(segment.Upper), "precondition: in the band");
            Assert.That(values[15], Is.GreaterThan(segment.UpperNear).And.LessThan(segment.Upper), "precondition: in the band");
            Assert.That(Flagged(chart, SpcRules.TwoOfThree), Is.EqualTo(new[] { 13, 15 }));
            Assert.That(SpecialCauseIndexes(chart), Is.EqualTo(new[] { 13, 15 }));
        });
    }

    [Test]
    public void Two_band_points_on_opposite_sides_of_the_mean_are_not_flagged()
    {
        double[] values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 12.5, 10, 8.5, 10, 11];
        var chart = XmrChart.Analyse(values, new SpcOptions { BaselinePoints = 12 });
        Assert.Multiple(() =>
        {
            Assert.That(values[15], Is.LessThan(chart.Latest.LowerNear).And.GreaterThan(chart.Latest.Lower), "precondition: in the low band");
            Assert.That(Flagged(chart, SpcRules.TwoOfThree), Is.Empty);
        });
    }

    [Test]
    public void Points_outside_the_limits_are_rule_one_not_rule_four()
    {
        double[] values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 14, 14, 10];
        var chart = XmrChart.Analyse(values, new SpcOptions { BaselinePoints = 12 });
        Assert.Multiple(() =>
        {
            Assert.That(Flagged(chart, SpcRules.OutsideLimits), Is.EqualTo(new[] { 12, 13 }));
            Assert.That(Flagged(chart, SpcRules.TwoOfThree), Is.Empty);
        });
    }

    [Test]
    public void Each_rebased_segment_has_its_own_limits_and_runs_never_cross_a_rebase()
    {
        double[] first = [10, 11, 10, 11, 10, 11, 10, 11, 12, 12, 12, 12];
        double[] second = [25, 25, 25, 25, 12, 22, 12, 22, 12, 22, 12, 22];
        double[] values = [.. first, .. second];
        var rebased = XmrChart.Analyse(values, new SpcOptions { Rebases = [12], Screening = false });
        var whole = XmrChart.Analyse(values, new SpcOptions { Screening = false });
        Assert.Multiple(() =>
        {
            Assert.That(rebased.Segments.Length, Is.EqualTo(2));
            Assert.That(rebased.Segments[0].Mean, Is.EqualTo(first.Average()).Within(1e-12));
            Assert.That(rebased.Segments[1].Mean, Is.EqualTo(second.Average()).Within(1e-12));
            Assert.That(rebased.Segments[1].MovingRangeMean, Is.EqualTo(MeanMovingRange(second)).Within(1e-12), "no moving range across the rebase");
            Assert.That(rebased.Segments[1].Start, Is.EqualTo(12));
            Assert.That(rebased.Latest, Is.EqualTo(rebased.Segments[1]));
            // Four 12s above the first mean then four 25s above the second: eight in a row, but split by the rebase.
            Assert.That(Flagged(rebased, SpcRules.Shift), Is.Empty);
            Assert.That(Flagged(whole, SpcRules.Shift), Is.Not.Empty, "without the rebase the step change is a shift");
        });
    }

    [Test]
    public void Limits_fixed_after_a_baseline_come_from_its_first_N_points_only()
    {
        double[] baseline = [11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10];
        double[] values = [.. baseline, 12, 12, 12, 12, 12, 12, 12];
        var chart = XmrChart.Analyse(values, new SpcOptions { BaselinePoints = 12 });
        Assert.Multiple(() =>
        {
            Assert.That(chart.Latest.Mean, Is.EqualTo(baseline.Average()).Within(1e-12));
            Assert.That(chart.Latest.BaselinePoints, Is.EqualTo(12));
            Assert.That(chart.Latest.Points, Is.EqualTo(19));
            Assert.That(chart.Latest.IsTrial, Is.False);
            Assert.That(Flagged(chart, SpcRules.Shift), Is.EqualTo(Enumerable.Range(12, 7).ToArray()));
        });
    }

    [Test]
    public void Bad_options_are_refused()
    {
        double[] values = [1, 2, 3, 4, 5];
        Assert.Multiple(() =>
        {
            Assert.That(() => XmrChart.Analyse(values, new SpcOptions { BaselinePoints = 11 }), Throws.ArgumentException);
            Assert.That(() => XmrChart.Analyse(values, new SpcOptions { Rebases = [3, 2] }), Throws.ArgumentException);
            Assert.That(() => XmrChart.Analyse(values, new SpcOptions { Rebases = [5] }), Throws.ArgumentException);
            Assert.That(() => XmrChart.Analyse(values, new SpcOptions { ShiftLength = 1 }), Throws.ArgumentException);
        });
    }

    private static double MeanMovingRange(double[] values)
    {
        double sum = 0;
        for (var i = 1; i < values.Length; i++)
        {
            sum += Math.Abs(values[i] - values[i - 1]);
        }

        return sum / (values.Length - 1);
    }
}
