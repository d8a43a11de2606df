using System.Xml.Linq;
using Outcomes.Domain.Frameworks;
using Outcomes.Reporting.Charts;
using Outcomes.Scoring.Spc;
using static Outcomes.Reporting.Tests.Charts.ChartSamples;

namespace Outcomes.Reporting.Tests.Charts;

public class TrendChartTests
{
    private static readonly ChartSize Size = ChartSize.Px(640, 320);

    [Test]
    public void The_svg_parses_and_carries_role_title_and_the_text_alternative()
    {
        var chart = TrendChart.Render(Gld(), Size);
        var root = Parse(chart);

        var title = root.Element(Svg + "title")!;
        var desc = root.Element(Svg + "desc")!;
        Assert.Multiple(() =>
        {
            Assert.That(root.Name, Is.EqualTo(Svg + "svg"));
            Assert.That(root.Attribute("role")!.Value, Is.EqualTo("img"));
            Assert.That(root.Attribute("font-family")!.Value, Is.EqualTo("inherit"));
            Assert.That(root.Attribute("viewBox")!.Value, Is.EqualTo("0 0 640 320"));
            Assert.That(root.Elements().First(), Is.SameAs(title), "the title comes first, as accessible names need");
            Assert.That(title.Value, Is.EqualTo("Good level of development"));
            Assert.That(desc.Value, Is.EqualTo(chart.AltText));
            Assert.That(root.Attribute("aria-labelledby")!.Value, Is.EqualTo(title.Attribute("id")!.Value));
            Assert.That(root.Attribute("aria-describedby")!.Value, Is.EqualTo(desc.Attribute("id")!.Value));
        });
    }

    [Test]
    public void The_text_alternative_summarises_span_change_comparator_and_spc()
    {
        var chart = TrendChart.Render(Gld(), Size);

        Assert.That(
            chart.AltText,
            Is.EqualTo("Good level of development, 2013/14 to 2018/19: rose from 58.1% to 66.3%; England 71.8% in 2018/19; latest point is special cause of improvement."));
    }

    [Test]
    public void The_text_alternative_names_gaps_extremes_and_the_target()
    {
        var spec = new TrendChartSpec
        {
            Title = "Re-referrals",
            Format = ValueFormat.Percent(1),
            Points = [new(Years[0], 22.0), new(Years[1], 25.5), new(Years[2], null), new(Years[3], 19.0), new(Years[4], 20.4), new(Years[5], 21.0)],
            Target = TargetLine.Phased([null, null, 20, 19, 18, 17]),
        };

        Assert.That(
            TrendChart.Render(spec, Size).AltText,
            Is.EqualTo("Re-referrals, 2013/14 to 2018/19: fell from 22.0% to 21.0%; highest 25.5% in 2014/15; lowest 19.0% in 2016/17; no value for 2015/16; target 17.0% in 2018/19."));
    }

    [Test]
    public void The_text_alternative_reports_concern_and_how_many_special_causes_in_all()
    {
        var spec = Gld() with
        {
            Spc = SpcOverlay.Constant(62.4, 55, 69.8, [SpcPointType.Improvement, SpcPointType.Improvement, SpcPointType.CommonCause, SpcPointType.CommonCause, SpcPointType.CommonCause, SpcPointType.Concern]),
            Comparator = null,
        };

        Assert.That(
            TrendChart.Render(spec, Size).AltText,
            Does.EndWith("latest point is special cause of concern (3 special-cause points in all)."));
    }

    [Test]
    public void Points_are_marked_by_spc_type_with_distinct_shapes_and_colours()
    {
        var root = Parse(TrendChart.Render(Gld(), Size));

        var common = WithClass(root, "point", "common-cause");
        var improvement = WithClass(root, "point", "special-improvement");
        Assert.Multiple(() =>
        {
            Assert.That(WithClass(root, "point"), Has.Count.EqualTo(6));
            Assert.That(common, Has.Count.EqualTo(5));
            Assert.That(common.Select(e => e.Name.LocalName), Is.All.EqualTo("circle"));
            Assert.That(improvement, Has.Count.EqualTo(1));
            Assert.That(improvement[0].Name.LocalName, Is.EqualTo("path"), "a triangle, not a circle");
            Assert.That(improvement[0].Attribute("fill")!.Value, Is.EqualTo(Palette.Improvement));
            Assert.That(common[0].Attribute("fill")!.Value, Is.EqualTo(Palette.CommonCause));
            Assert.That(WithClass(root, "special-concern"), Is.Empty);
            Assert.That(WithClass(root, "comparator-point"), Has.Count.EqualTo(6));
            Assert.That(WithClass(root, "comparator-line").Single().Attribute("stroke-dasharray"), Is.Not.Null, "the comparator is dashed");
            Assert.That(WithClass(root, "ci"), Has.Count.EqualTo(6));
            Assert.That(WithClass(root, "spc-mean"), Has.Count.EqualTo(1));
            Assert.That(WithClass(root, "spc-limit"), Has.Count.EqualTo(2));
            Assert.That(WithClass(root, "spc-near-band"), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void The_legend_lists_only_what_the_chart_shows()
    {
        var root = Parse(TrendChart.Render(Gld(), Size));

        Assert.That(
            Texts(root, "legend-label"),
            Is.EqualTo(new[] { "Bradford (common cause)", "Special cause: improvement", "England", "95% confidence interval", "Mean", "Process limits", "Near the limits (beyond 2σ)" }));
    }

    [Test]
    public void Points_sit_on_the_value_scale_between_grid_lines_and_evenly_across_the_periods()
    {
        var root = Parse(TrendChart.Render(Gld(), Size));
        var grid = WithClass(root, "grid-line").ToDictionary(
            g => WithClass(root, "y-label").Single(l => Attr(l, "y") == Attr(g, "y1")).Value,
            g => Attr(g, "y1"));
        var points = WithClass(root, "point").Select(Centre).ToList();
        var axis = WithClass(root, "axis-line").Single();

        var y60 = grid["60%"];
        var y70 = grid["70%"];
        double[] values = [58.1, 60.4, 62.0, 63.1, 64.5, 66.3];
        var step = points[1].X - points[0].X;
        Assert.Multiple(() =>
        {
            for (var i = 0; i < 5; i++)
            {
                // Circles carry exact centres (rounded to 0.01 px); the triangle's box centre sits off its centroid.
                Assert.That(points[i].Y, Is.EqualTo(y60 + ((values[i] - 60) / 10 * (y70 - y60))).Within(0.02), $"point {i}");
                Assert.That(points[i + 1].X - points[i].X, Is.EqualTo(step).Within(0.02));
            }

            Assert.That(points[0].X - Attr(axis, "x1"), Is.EqualTo(step / 2).Within(0.02), "the first point is centred in its band");
            Assert.That(Attr(axis, "x2") - points[5].X, Is.EqualTo(step / 2).Within(0.02), "so is the last");
        });
    }

    [Test]
    public void A_null_value_breaks_the_line_into_segments()
    {
        var spec = new TrendChartSpec
        {
            Title = "Gaps",
            Points = [new("a", 1), new("b", 2), new("c", null), new("d", 3), new("e", 4), new("f", 5)],
        };
        var root = Parse(TrendChart.Render(spec, Size));
        var lines = WithClass(root, "series-line");

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(2));
            Assert.That(lines.Select(l => l.Attribute("points")!.Value.Split(' ').Length), Is.EqualTo(new[] { 2, 3 }));
            Assert.That(WithClass(root, "point"), Has.Count.EqualTo(5));
            Assert.That(WithClass(root, "x-label").Select(e => e.Value), Does.Contain("c"), "the missing period keeps its place on the axis");
        });
    }

    [Test]
    public void An_isolated_value_between_gaps_is_a_marker_without_a_line()
    {
        var spec = new TrendChartSpec { Title = "Isolated", Points = [new("a", 1), new("b", null), new("c", 3), new("d", null), new("e", 4), new("f", 5)] };
        var root = Parse(TrendChart.Render(spec, Size));

        Assert.Multiple(() =>
        {
            Assert.That(WithClass(root, "series-line"), Has.Count.EqualTo(1));
            Assert.That(WithClass(root, "point"), Has.Count.EqualTo(4));
        });
    }

    [Test]
    public void A_single_point_is_centred_and_described()
    {
        var spec = new TrendChartSpec { Title = "GLD", Format = ValueFormat.Percent(), Points = [new("2018/19", 66.3)] };
        var chart = TrendChart.Render(spec, Size);
        var root = Parse(chart);
        var axis = WithClass(root, "axis-line").Single();
        var point = WithClass(root, "point").Single();

        Assert.Multiple(() =>
        {
            Assert.That(chart.AltText, Is.EqualTo("GLD, 2018/19: 66.3%."));
            Assert.That(WithClass(root, "series-line"), Is.Empty);
            Assert.That(Attr(point, "cx"), Is.EqualTo((Attr(axis, "x1") + Attr(axis, "x2")) / 2).Within(0.02));
        });
    }

    [Test]
    public void All_equal_values_get_a_real_axis_and_a_level_line()
    {
        var spec = new TrendChartSpec { Title = "Flat", Points = Years.Select(y => new TrendPoint(y, 50)).ToList() };
        var chart = TrendChart.Render(spec, Size);
        var root = Parse(chart);
        var ys = WithClass(root, "point").Select(p => Attr(p, "cy")).Distinct().ToList();
        var grid = WithClass(root, "grid-line").Select(g => Attr(g, "y1")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(chart.Svg, Does.Not.Contain("NaN").And.Not.Contain("Infinity"));
            Assert.That(ys, Has.Count.EqualTo(1));
            Assert.That(ys[0], Is.GreaterThan(grid.Min()).And.LessThan(grid.Max()), "the level line sits inside the axis");
            Assert.That(Texts(root, "y-label").Distinct().Count(), Is.GreaterThanOrEqualTo(2));
            Assert.That(chart.AltText, Is.EqualTo("Flat, 2013/14 to 2018/19: unchanged at 50.0."));
        });
    }

    [Test]
    public void No_values_at_all_still_draws_an_axis_and_says_so()
    {
        var spec = new TrendChartSpec { Title = "Not yet due", Points = Years.Select(y => new TrendPoint(y, null)).ToList() };
        var chart = TrendChart.Render(spec, Size);

        Assert.Multiple(() =>
        {
            Assert.That(chart.AltText, Is.EqualTo("Not yet due: no values for 2013/14 to 2018/19."));
            Assert.That(WithClass(Parse(chart), "point"), Is.Empty);
            Assert.That(WithClass(Parse(chart), "y-label"), Is.Not.Empty);
        });
    }

    [Test]
    public void Negative_values_get_negative_ticks_and_a_zero_line()
    {
        var spec = new TrendChartSpec { Title = "Net change", Format = ValueFormat.Number(0), Points = [new("a", -5), new("b", -2), new("c", 3)] };
        var root = Parse(TrendChart.Render(spec, Size));
        var zero = WithClass(root, "zero-line").Single();
        var points = WithClass(root, "point").Select(p => Attr(p, "cy")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Texts(root, "y-label"), Has.Some.StartsWith("-"));
            Assert.That(points[0], Is.GreaterThan(Attr(zero, "y1")), "-5 is drawn below zero");
            Assert.That(points[2], Is.LessThan(Attr(zero, "y1")), "3 is drawn above zero");
        });
    }

    [Test]
    public void Labels_with_markup_characters_are_escaped_and_read_back_unchanged()
    {
        const string nasty = "<Bradford & \"Keighley's\">";
        var spec = new TrendChartSpec
        {
            Title = nasty,
            SeriesName = nasty,
            Points = [new(nasty, 1), new("Q2 & Q3", 2)],
            Comparator = new ComparatorSeries("England & Wales", [1.5, 2.5]),
        };
        var chart = TrendChart.Render(spec, Size);
        var root = Parse(chart);

        Assert.Multiple(() =>
        {
            Assert.That(root.Element(Svg + "title")!.Value, Is.EqualTo(nasty));
            Assert.That(Texts(root, "x-label"), Is.EqualTo(new[] { nasty, "Q2 & Q3" }));
            Assert.That(Texts(root, "legend-label"), Does.Contain(nasty).And.Contain("England & Wales"));
            Assert.That(chart.Svg, Does.Not.Contain("<Bradford"));
        });
    }

    [Test]
    public void Crowded_period_labels_are_thinned_keeping_the_latest_and_never_overlapping()
    {
        var root = Parse(TrendChart.Render(Quarterly(), ChartSize.Px(420, 220)));
        var labels = WithClass(root, "x-label");

        Assert.Multiple(() =>
        {
            Assert.That(WithClass(root, "x-tick"), Has.Count.EqualTo(24), "every period keeps its tick");
            Assert.That(labels, Has.Count.LessThan(24).And.Count.GreaterThan(2));
            Assert.That(labels[^1].Value, Is.EqualTo("Q4 2024/25"));
            for (var i = 1; i < labels.Count; i++)
            {
                var room = Attr(labels[i], "x") - Attr(labels[i - 1], "x");
                var need = (TextMetrics.Width(labels[i].Value, 11) + TextMetrics.Width(labels[i - 1].Value, 11)) / 2;
                Assert.That(room, Is.GreaterThan(need), $"{labels[i - 1].Value} and {labels[i].Value}");
            }
        });
    }

    [Test]
    public void A_fixed_target_spans_the_plot_and_a_phased_one_steps()
    {
        var fixedRoot = Parse(TrendChart.Render(Gld() with { Target = TargetLine.Fixed(65) }, Size));
        var phasedRoot = Parse(TrendChart.Render(Gld() with { Target = TargetLine.Phased([null, null, 62, 64, 66, 68]) }, Size));
        var axis = WithClass(fixedRoot, "axis-line").Single();
        var fixedLine = WithClass(fixedRoot, "target-line").Single().Attribute("points")!.Value.Split(' ');
        var phased = WithClass(phasedRoot, "target-line").Single().Attribute("points")!.Value.Split(' ');

        Assert.Multiple(() =>
        {
            Assert.That(fixedLine, Has.Length.EqualTo(2));
            Assert.That(fixedLine[0], Does.StartWith(axis.Attribute("x1")!.Value + ","));
            Assert.That(fixedLine[1], Does.StartWith(axis.Attribute("x2")!.Value + ","));
            Assert.That(phased, Has.Length.EqualTo(8), "four periods, each held across its band");
            Assert.That(Texts(phasedRoot, "legend-label"), Does.Contain("Target"));
        });
    }

    [Test]
    public void The_overlay_from_an_xmr_result_draws_its_limits_and_flags()
    {
        double[] values = [50, 51, 49, 50, 52, 48, 50, 51, 49, 50, 51, 50, 49, 50, 62];
        var result = XmrChart.Analyse(values, new SpcOptions { ImprovementDirection = Polarity.HigherIsBetter });
        var spec = new TrendChartSpec
        {
            Title = "Contacts",
            Points = values.Select((v, i) => new TrendPoint($"M{i + 1}", v)).ToList(),
            Spc = SpcOverlay.FromResult(result, nearLimitBand: true),
        };
        var chart = TrendChart.Render(spec, Size);
        var root = Parse(chart);

        Assert.Multiple(() =>
        {
            Assert.That(result.Points[^1].Type, Is.EqualTo(SpcPointType.Improvement), "the fixture's last point is a special cause");
            Assert.That(WithClass(root, "point", "special-improvement"), Has.Count.EqualTo(1));
            Assert.That(WithClass(root, "point", "common-cause"), Has.Count.EqualTo(14));
            Assert.That(WithClass(root, "spc-mean"), Has.Count.EqualTo(1));
            Assert.That(chart.AltText, Does.EndWith("latest point is special cause of improvement."));
        });
    }

    [Test]
    public void Lists_of_the_wrong_length_are_refused_by_name()
    {
        var spec = Gld() with { Comparator = new ComparatorSeries("England", [1, 2]) };

        var error = Assert.Throws<ArgumentException>(() => TrendChart.Render(spec, Size));

        Assert.That(error!.Message, Does.Contain("Comparator.Values has 2 values for 6 periods"));
    }

    [Test]
    public void A_chart_too_small_to_plot_says_so() =>
        Assert.That(() => TrendChart.Render(Gld(), ChartSize.Px(640, 60)), Throws.ArgumentException.With.Message.Contains("no room"));

    [Test]
    public void The_same_input_gives_byte_identical_svg()
    {
        var a = TrendChart.Render(Gld() with { Target = TargetLine.Fixed(65) }, ChartSize.Mm(170, 80));
        var b = TrendChart.Render(Gld() with { Target = TargetLine.Fixed(65) }, ChartSize.Mm(170, 80));

        Assert.Multiple(() =>
        {
            Assert.That(b.Svg, Is.EqualTo(a.Svg));
            Assert.That(b.AltText, Is.EqualTo(a.AltText));
            Assert.That(a.Svg, Does.Contain("width=\"170mm\""));
        });
    }

    [Test]
    public void Every_coordinate_stays_inside_the_view_box()
    {
        var root = Parse(TrendChart.Render(Gld() with { YAxis = new AxisOptions { Min = 60, Max = 70 } }, Size));

        foreach (var e in root.Descendants().Where(e => e.Name.LocalName is "circle" or "line" or "text"))
        {
            foreach (var name in new[] { "cx", "x", "x1", "x2" })
            {
                if (e.Attribute(name) is not null)
                {
                    Assert.That(Attr(e, name), Is.InRange(0, 640), e.ToString());
                }
            }

            foreach (var name in new[] { "cy", "y", "y1", "y2" })
            {
                if (e.Attribute(name) is not null)
                {
                    Assert.That(Attr(e, name), Is.InRange(0, 320), e.ToString());
                }
            }
        }
    }
}
