using Outcomes.Scoring.Spc;
using static Outcomes.Scoring.Tests.Spc.XmrOracleTests;

namespace Outcomes.Scoring.Tests.Spc;

/// <summary>Gaps, tiny series, equal values and the allocation-free overload.</summary>
public class XmrEdgeCaseTests
{
    [Test]
    public void A_missing_point_is_left_out_of_the_mean_and_no_moving_range_spans_it()
    {
        var chart = XmrChart.Analyse([1, 2, double.NaN, 10, 11], new SpcOptions { Screening = false });
        Assert.Multiple(() =>
        {
            Assert.That(chart.Latest.Mean, Is.EqualTo((1 + 2 + 10 + 11) / 4.0).Within(1e-12));
            Assert.That(chart.Latest.Points, Is.EqualTo(4));
            Assert.That(chart.Latest.MovingRanges, Is.EqualTo(2), "1→2 and 10→11; not 2→10 across the gap");
            Assert.That(chart.Latest.MovingRangeMean, Is.EqualTo(1).Within(1e-12));
            Assert.That(chart.Points[2].Type, Is.EqualTo(SpcPointType.Missing));
            Assert.That(chart.Points[2].IsSpecialCause, Is.False);
        });
    }

    [Test]
    public void A_missing_point_breaks_a_shift()
    {
        // Seven 5s above the mean of 3, split 3 + 4 by a gap; the seven 1s after them are a shift.
        double[] values = [5, 5, 5, double.NaN, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1, 1];
        var chart = XmrChart.Analyse(values);
        Assert.Multiple(() =>
        {
            Assert.That(chart.Latest.Mean, Is.EqualTo(3));
            Assert.That(Flagged(chart, SpcRules.Shift), Is.EqualTo(Enumerable.Range(8, 7).ToArray()));
        });
    }

    [Test]
    public void The_icon_comes_from_the_last_non_missing_point()
    {
        double[] values = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 10, double.NaN];
        var chart = XmrChart.Analyse(values, new SpcOptions { ImprovementDirection = Outcomes.Domain.Frameworks.Polarity.HigherIsBetter });
        Assert.Multiple(() =>
        {
            Assert.That(chart.Summary.LastPointIndex, Is.EqualTo(14));
            Assert.That(chart.Variation, Is.EqualTo(SpcVariation.SpecialCauseImprovement));
        });
    }

    [Test]
    public void No_points_or_one_point_cannot_have_limits()
    {
        var none = XmrChart.Analyse([]);
        var allMissing = XmrChart.Analyse([double.NaN, double.NaN]);
        var one = XmrChart.Analyse([42]);
        Assert.Multiple(() =>
        {
            Assert.That(none.Variation, Is.EqualTo(SpcVariation.NotCalculable));
            Assert.That(none.Description, Is.EqualTo("No values to chart."));
            Assert.That(allMissing.Variation, Is.EqualTo(SpcVariation.NotCalculable));
            Assert.That(allMissing.Summary.LastPointIndex, Is.EqualTo(-1));
            Assert.That(one.Variation, Is.EqualTo(SpcVariation.NotCalculable));
            Assert.That(one.Latest.Mean, Is.EqualTo(42));
            Assert.That(one.Latest.HasLimits, Is.False);
            Assert.That(double.IsNaN(one.Latest.Upper), Is.True);
            Assert.That(one.Points[0], Is.EqualTo(new SpcPoint(SpcRules.None, SpcPointType.CommonCause)));
            Assert.That(one.Description, Is.EqualTo("Not enough data for process limits: only 1 point."));
        });
    }

    [Test]
    public void Two_points_have_trial_limits_from_one_moving_range()
    {
        var chart = XmrChart.Analyse([3, 5]);
        Assert.Multiple(() =>
        {
            Assert.That(chart.Latest.MovingRanges, Is.EqualTo(1));
            Assert.That(chart.Latest.Mean, Is.EqualTo(4));
            Assert.That(chart.Latest.Upper, Is.EqualTo(4 + (2.66 * 2)).Within(1e-12));
            Assert.That(chart.IsTrial, Is.True);
            Assert.That(chart.Variation, Is.EqualTo(SpcVariation.CommonCause));
        });
    }

    [Test]
    public void Equal_values_have_a_zero_moving_range_limits_on_the_mean_and_no_special_cause()
    {
        foreach (var value in new[] { 3.0, 0.1, 64.2 })
        {
            var values = Enumerable.Repeat(value, 15).ToArray();
            var chart = XmrChart.Analyse(values);
            Assert.Multiple(() =>
            {
                Assert.That(chart.Latest.Mean, Is.EqualTo(value), "exactly, so no point sits a rounding error off its mean");
                Assert.That(chart.Latest.MovingRangeMean, Is.Zero);
                Assert.That(chart.Latest.Upper, Is.EqualTo(value));
                Assert.That(SpecialCauseIndexes(chart), Is.Empty, $"{value}");
                Assert.That(chart.Variation, Is.EqualTo(SpcVariation.CommonCause));
            });
        }
    }

    [Test]
    public void Fewer_than_thirteen_points_are_trial_limits_and_thirteen_are_not()
    {
        var twelve = XmrChart.Analyse([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
        var thirteen = XmrChart.Analyse([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]);
        Assert.Multiple(() =>
        {
            Assert.That(twelve.IsTrial, Is.True);
            Assert.That(thirteen.IsTrial, Is.False);
        });
    }

    [Test]
    public void The_span_overload_matches_the_convenient_one_and_allocates_nothing()
    {
        double[] values = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 3, 4, 5, 6, 7, 8, 9, 10];
        var options = new SpcOptions { Rebases = [18], ImprovementDirection = Outcomes.Domain.Frameworks.Polarity.LowerIsBetter, Target = 3 };
        var expected = XmrChart.Analyse(values, options);
        var points = new SpcPoint[values.Length];
        var segments = new SpcSegment[2];
        XmrChart.Analyse(values, options, points, segments);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var summary = XmrChart.Analyse(values, options, points, segments);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(summary, Is.EqualTo(expected.Summary));
            Assert.That(points, Is.EqualTo(expected.Points.ToArray()));
            Assert.That(segments, Is.EqualTo(expected.Segments.ToArray()));
        });
    }
}
