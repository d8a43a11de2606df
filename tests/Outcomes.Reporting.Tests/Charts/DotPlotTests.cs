using Outcomes.Domain.Scores;
using Outcomes.Reporting.Charts;
using static Outcomes.Reporting.Tests.Charts.ChartSamples;

namespace Outcomes.Reporting.Tests.Charts;

public class DotPlotTests
{
    private static readonly ChartSize Size = ChartSize.Px(640, DotPlot.SuggestedHeightPx(7));

    [Test]
    public void Each_area_is_a_row_with_its_status_in_words()
    {
        var root = Parse(DotPlot.Render(Neighbours(), Size));

        Assert.Multiple(() =>
        {
            Assert.That(WithClass(root, "row"), Has.Count.EqualTo(7));
            Assert.That(Texts(root, "row-label"), Is.EqualTo(new[] { "Bradford", "Kirklees", "Bolton", "Oldham", "Derby", "Calderdale", "Bury" }));
            Assert.That(Texts(root, "row-status"), Is.EqualTo(new[] { "Worse", "Worse", "Similar", "Worse", "Similar", "Similar", "Better" }));
            Assert.That(Texts(root, "row-value"), Is.EqualTo(new[] { "66.3%", "69.0%", "70.9%", "68.2%", "71.2%", "73.6%", "74.4%" }));
            Assert.That(WithClass(root, "ci"), Has.Count.EqualTo(7));
        });
    }

    [Test]
    public void The_area_of_interest_differs_by_shape_weight_and_colour()
    {
        var root = Parse(DotPlot.Render(Neighbours(), Size));
        var focus = WithClass(root, "point", "area-of-interest").Single();
        var others = WithClass(root, "point").Except([focus]).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(focus.Name.LocalName, Is.EqualTo("path"), "a diamond");
            Assert.That(focus.Attribute("fill")!.Value, Is.EqualTo(Palette.Highlight));
            Assert.That(others.Select(o => o.Name.LocalName), Is.All.EqualTo("circle"));
            Assert.That(WithClass(root, "row", "area-of-interest").Single().Descendants().Where(e => e.Attribute("class")?.Value == "row-label").Single().Attribute("font-weight")!.Value, Is.EqualTo("bold"));
        });
    }

    [Test]
    public void The_benchmark_line_sits_at_its_value_between_the_ticks()
    {
        var root = Parse(DotPlot.Render(Neighbours(), Size));
        var ticks = WithClass(root, "x-tick").Select(t => Attr(t, "x1")).ToList();
        var labels = Texts(root, "x-label").ToList();
        var x70 = ticks[labels.IndexOf("70%")];
        var x75 = ticks[labels.IndexOf("75%")];
        var line = WithClass(root, "benchmark-line").Single();

        Assert.Multiple(() =>
        {
            Assert.That(Attr(line, "x1"), Is.EqualTo(x70 + ((71.8 - 70) / 5 * (x75 - x70))).Within(0.02));
            Assert.That(Texts(root, "benchmark-label").Single(), Is.EqualTo("England 71.8%"));
        });
    }

    [Test]
    public void The_text_alternative_places_the_area_and_counts_the_others()
    {
        Assert.That(
            DotPlot.Render(Neighbours(), Size).AltText,
            Is.EqualTo(
                "Good level of development: Bradford and its statistical neighbours, 2018/19: Bradford 66.3% (95% CI 65.1% to 67.5%), "
                + "worse than England 71.8%; of 6 other areas, 1 better, 3 similar and 2 worse."));
    }

    [Test]
    public void A_row_without_a_value_says_so_and_draws_no_dot()
    {
        var spec = Neighbours() with { Rows = [.. Neighbours().Rows, new DotPlotRow("Rutland", null)] };
        var root = Parse(DotPlot.Render(spec, ChartSize.Px(640, DotPlot.SuggestedHeightPx(8))));

        Assert.Multiple(() =>
        {
            Assert.That(WithClass(root, "row"), Has.Count.EqualTo(8));
            Assert.That(WithClass(root, "point"), Has.Count.EqualTo(7));
            Assert.That(Texts(root, "row-value").Last(), Is.EqualTo("no value"));
            Assert.That(Texts(root, "row-status").Last(), Is.EqualTo("Not compared"));
        });
    }

    [Test]
    public void Too_many_rows_for_the_height_are_refused_with_the_height_needed() =>
        Assert.That(
            () => DotPlot.Render(Neighbours(), ChartSize.Px(640, 80)),
            Throws.ArgumentException.With.Message.Contains($"{DotPlot.SuggestedHeightPx(7)} px"));

    [Test]
    public void Names_are_escaped_and_statuses_follow_the_benchmark_name()
    {
        var spec = new DotPlotSpec
        {
            Title = "Q & A",
            BenchmarkName = "North <East>",
            Benchmark = 50,
            Rows = [new("Redcar & Cleveland", 48, 45, 51, BenchmarkComparison.Similar, IsAreaOfInterest: true)],
        };
        var root = Parse(DotPlot.Render(spec, Size));

        Assert.Multiple(() =>
        {
            Assert.That(Texts(root, "row-label").Single(), Is.EqualTo("Redcar & Cleveland"));
            Assert.That(Texts(root, "column-heading").First(), Is.EqualTo("Compared with North <East>"));
            Assert.That(Texts(root, "benchmark-label").Single(), Is.EqualTo("North <East> 50.0%"));
        });
    }

    [Test]
    public void The_same_input_gives_byte_identical_svg()
    {
        var first = DotPlot.Render(Neighbours(), Size).Svg;
        var second = DotPlot.Render(Neighbours(), Size).Svg;

        Assert.That(second, Is.EqualTo(first));
    }
}
