using Outcomes.Reporting.Charts;
using Outcomes.Scoring.Benchmarking;
using static Outcomes.Reporting.Tests.Charts.ChartSamples;

namespace Outcomes.Reporting.Tests.Charts;

public class FunnelPlotTests
{
    private static readonly ChartSize Size = ChartSize.Px(640, 380);

    [Test]
    public void Points_are_placed_against_the_limits_and_shaped_by_position()
    {
        var root = Parse(FunnelPlot.Render(Funnel(), Size));

        Assert.Multiple(() =>
        {
            Assert.That(WithClass(root, "point"), Has.Count.EqualTo(12));
            Assert.That(WithClass(root, "point", "inside"), Has.Count.EqualTo(6));
            Assert.That(WithClass(root, "point", "inside").Select(e => e.Name.LocalName), Is.All.EqualTo("circle"));
            Assert.That(WithClass(root, "point", "above-998"), Has.Count.EqualTo(1));
            Assert.That(WithClass(root, "point", "above-95"), Has.Count.EqualTo(2));
            Assert.That(WithClass(root, "point", "below-95"), Has.Count.EqualTo(1));
            Assert.That(WithClass(root, "point", "below-998"), Has.Count.EqualTo(2));
            Assert.That(WithClass(root, "point", "highlight"), Has.Count.EqualTo(1));
            Assert.That(WithClass(root, "highlight-ring"), Has.Count.EqualTo(1));
            Assert.That(WithClass(root, "point", "above-95")[0].Attribute("fill")!.Value, Is.EqualTo("#ffffff"), "between 95% and 99.8%: hollow");
            Assert.That(WithClass(root, "point", "above-998")[0].Attribute("fill")!.Value, Is.EqualTo(Palette.Improvement), "beyond 99.8%, higher is better: solid blue");
            Assert.That(WithClass(root, "point", "below-998")[0].Attribute("fill")!.Value, Is.EqualTo(Palette.Concern));
            Assert.That(WithClass(root, "limit-95"), Has.Count.EqualTo(2));
            Assert.That(WithClass(root, "limit-998"), Has.Count.EqualTo(2));
            Assert.That(WithClass(root, "benchmark"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Points_outside_the_95_percent_limits_and_the_highlighted_area_are_labelled()
    {
        var root = Parse(FunnelPlot.Render(Funnel(), Size));

        Assert.Multiple(() =>
        {
            Assert.That(Texts(root, "point-label"), Is.EquivalentTo(new[] { "Leeds", "Kirklees", "York", "Wakefield", "Bradford", "Hull" }));
            Assert.That(WithClass(root, "point-label", "highlight").Single().Attribute("font-weight")!.Value, Is.EqualTo("bold"));
        });
    }

    [Test]
    public void Labels_do_not_sit_on_top_of_each_other()
    {
        // Three units with the same denominator and nearly the same outlying value.
        var spec = Funnel() with
        {
            Points = [new("Alpha", 5000, 70.0), new("Beta", 5000, 70.1), new("Gamma", 5000, 70.2), new("Delta", 2000, 65)],
        };
        var labels = WithClass(Parse(FunnelPlot.Render(spec, Size)), "point-label").Select(l => Attr(l, "y")).Order().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(labels, Has.Count.EqualTo(3));
            for (var i = 1; i < labels.Count; i++)
            {
                Assert.That(labels[i] - labels[i - 1], Is.GreaterThanOrEqualTo(11), "a line of text apart");
            }
        });
    }

    [Test]
    public void The_text_alternative_counts_and_names_the_outliers_and_places_the_area()
    {
        Assert.That(
            FunnelPlot.Render(Funnel(), Size).AltText,
            Is.EqualTo(
                "Good level of development by local authority: 12 authorities against England 65.0%; "
                + "1 above the 99.8% limit, better (Leeds); 2 above the 95% limit, better (Kirklees and York); "
                + "1 below the 95% limit, worse (Wakefield); 2 below the 99.8% limit, worse (Bradford and Hull); "
                + "6 within the 95% limits. Bradford 61.0% (n = 6,800) is below the 99.8% limit, worse."));
    }

    [Test]
    public void Without_a_polarity_outliers_are_neither_better_nor_worse()
    {
        var chart = FunnelPlot.Render(Funnel() with { HigherIsBetter = null }, Size);
        var root = Parse(chart);

        Assert.Multiple(() =>
        {
            Assert.That(chart.AltText, Does.Not.Contain("better").And.Not.Contain("worse"));
            Assert.That(WithClass(root, "point", "above-998")[0].Attribute("fill")!.Value, Is.EqualTo(Palette.Neutral));
        });
    }

    [Test]
    public void Curve_points_place_units_as_the_limit_function_does()
    {
        var denominators = Enumerable.Range(1, 200).Select(i => i * 50.0).ToArray();
        var curve = Scoring.Benchmarking.Funnel.Curve(0.65, denominators).Select(l => l.Scale(100)).ToList();
        var fromFunction = Parse(FunnelPlot.Render(Funnel(), Size));
        var fromCurve = Parse(FunnelPlot.Render(Funnel() with { Limits = null, Curve = curve }, Size));

        Assert.That(
            WithClass(fromCurve, "point").Select(p => p.Attribute("class")!.Value),
            Is.EqualTo(WithClass(fromFunction, "point").Select(p => p.Attribute("class")!.Value)));
    }

    [Test]
    public void Limit_curves_stay_inside_the_plot()
    {
        var root = Parse(FunnelPlot.Render(Funnel(), Size));
        var grid = WithClass(root, "grid-line").Select(g => Attr(g, "y1")).ToList();
        var axis = WithClass(root, "axis-line").Single();

        foreach (var line in WithClass(root, "limit"))
        {
            foreach (var pair in line.Attribute("points")!.Value.Split(' '))
            {
                var xy = pair.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                Assert.That(xy[0], Is.InRange(Attr(axis, "x1"), Attr(axis, "x2")));
                Assert.That(xy[1], Is.InRange(grid.Min() - 0.01, grid.Max() + 0.01));
            }
        }
    }

    [Test]
    public void A_funnel_without_limits_is_refused() =>
        Assert.That(() => FunnelPlot.Render(Funnel() with { Limits = null }, Size), Throws.ArgumentException.With.Message.Contains("Limits"));

    [Test]
    public void Labels_are_escaped()
    {
        var spec = Funnel() with { Points = [new("Brent & <Harrow>", 5000, 75, Highlight: true), new("\"Ealing\"", 3000, 65)] };
        var chart = FunnelPlot.Render(spec, Size);

        Assert.Multiple(() =>
        {
            Assert.That(Texts(Parse(chart), "point-label"), Is.EqualTo(new[] { "Brent & <Harrow>" }));
            Assert.That(chart.AltText, Does.Contain("(Brent & <Harrow>)"));
        });
    }

    [Test]
    public void The_same_input_gives_byte_identical_svg()
    {
        var first = FunnelPlot.Render(Funnel(), Size).Svg;
        var second = FunnelPlot.Render(Funnel(), Size).Svg;

        Assert.That(second, Is.EqualTo(first));
    }
}
