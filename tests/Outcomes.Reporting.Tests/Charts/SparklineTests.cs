using Outcomes.Reporting.Charts;
using static Outcomes.Reporting.Tests.Charts.ChartSamples;

namespace Outcomes.Reporting.Tests.Charts;

public class SparklineTests
{
    private static readonly ChartSize Size = ChartSize.Px(80, 20);

    [Test]
    public void The_last_value_is_marked_at_the_right_hand_end()
    {
        var chart = Sparkline.Render(new SparklineSpec { Title = "GLD", Values = [58.1, 60.4, 62.0, 66.3] }, Size);
        var root = Parse(chart);
        var last = WithClass(root, "last-point").Single();
        var line = WithClass(root, "sparkline-line").Single();
        var end = line.Attribute("points")!.Value.Split(' ')[^1];

        Assert.Multiple(() =>
        {
            Assert.That(root.Attribute("role")!.Value, Is.EqualTo("img"));
            Assert.That($"{last.Attribute("cx")!.Value},{last.Attribute("cy")!.Value}", Is.EqualTo(end));
            Assert.That(Attr(last, "cy"), Is.LessThan(10), "the highest value is near the top");
            Assert.That(line.Attribute("stroke")!.Value, Is.EqualTo("currentColor"));
            Assert.That(chart.AltText, Is.EqualTo("GLD: rose from 58.1 to 66.3 over 4 periods."));
        });
    }

    [Test]
    public void Gaps_split_the_line_and_lone_values_still_show()
    {
        var root = Parse(Sparkline.Render(new SparklineSpec { Title = "x", Values = [1, null, 2, 3, null, 4] }, Size));

        Assert.Multiple(() =>
        {
            Assert.That(WithClass(root, "sparkline-line"), Has.Count.EqualTo(1));
            Assert.That(WithClass(root, "isolated-point"), Has.Count.EqualTo(1), "the first value has no neighbour");
            Assert.That(WithClass(root, "last-point"), Has.Count.EqualTo(1), "the last value is marked as the latest");
        });
    }

    [Test]
    public void A_flat_series_runs_along_the_middle()
    {
        var root = Parse(Sparkline.Render(new SparklineSpec { Title = "x", Values = [5, 5, 5] }, Size));
        var ys = WithClass(root, "sparkline-line").Single().Attribute("points")!.Value.Split(' ').Select(p => p.Split(',')[1]).Distinct();

        Assert.That(ys, Is.EqualTo(new[] { "10" }));
    }

    [Test]
    public void One_value_is_a_centred_dot_and_none_is_an_empty_line_that_says_so()
    {
        var one = Sparkline.Render(new SparklineSpec { Title = "x", Values = [7], Labels = ["2018/19"] }, Size);
        var none = Sparkline.Render(new SparklineSpec { Title = "x", Values = [null, null] }, Size);

        Assert.Multiple(() =>
        {
            Assert.That(Attr(WithClass(Parse(one), "last-point").Single(), "cx"), Is.EqualTo(40));
            Assert.That(one.AltText, Is.EqualTo("x, 2018/19: 7.0."));
            Assert.That(WithClass(Parse(none), "last-point"), Is.Empty);
            Assert.That(none.AltText, Is.EqualTo("x: no values."));
        });
    }

    [Test]
    public void Labels_give_the_span_in_the_text_alternative()
    {
        var chart = Sparkline.Render(new SparklineSpec { Title = "Re-referrals", Values = [22, 19, null], Labels = ["Q1", "Q2", "Q3"], Format = ValueFormat.Percent(0) }, Size);

        Assert.That(chart.AltText, Is.EqualTo("Re-referrals, Q1 to Q2: fell from 22% to 19%."));
    }

    [Test]
    public void The_same_input_gives_byte_identical_svg()
    {
        var spec = new SparklineSpec { Title = "GLD", Values = [58.1, null, 62.0, 66.3] };

        var first = Sparkline.Render(spec, Size).Svg;
        var second = Sparkline.Render(spec, Size).Svg;

        Assert.That(second, Is.EqualTo(first));
    }
}
