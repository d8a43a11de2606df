using Outcomes.Domain.Scores;
using Outcomes.Scoring.Benchmarking;

namespace Outcomes.Reporting.Charts;

/// <summary>One unit on a funnel plot.</summary>
/// <param name="Label">Its name, printed when it lies outside the 95% limits (or is highlighted).</param>
/// <param name="Denominator">n, the x position.</param>
/// <param name="Value">The proportion or rate, on the same scale as the benchmark and limits.</param>
/// <param name="Highlight">The area the pack is about: ringed and always labelled.</param>
public sealed record FunnelPoint(string Label, double Denominator, double Value, bool Highlight = false);

/// <summary>What a funnel plot draws. Give the limits as a function of n, or as points along the curves.</summary>
public sealed record FunnelPlotSpec
{
    public required string Title { get; init; }

    public required IReadOnlyList<FunnelPoint> Points { get; init; }

    /// <summary>The benchmark (centre line), on the values' scale.</summary>
    public required double Benchmark { get; init; }

    public string BenchmarkName { get; init; } = "England";

    /// <summary>
    /// The 95% and 99.8% limits at a denominator, on the values' scale, e.g.
    /// <c>n =&gt; Funnel.Limits(0.65, n).Scale(100)</c>. Used for the curves and to place each point.
    /// </summary>
    public Func<double, FunnelLimits>? Limits { get; init; }

    /// <summary>Points along the limit curves (any order), used when <see cref="Limits"/> is null; interpolated linearly.</summary>
    public IReadOnlyList<FunnelLimits>? Curve { get; init; }

    public ValueFormat Format { get; init; } = ValueFormat.Percent(1);

    /// <summary>True or false names points above or below the limits better or worse (blue or orange); null: neither (purple).</summary>
    public bool? HigherIsBetter { get; init; }

    /// <summary>The x axis title, e.g. "Children eligible (denominator)".</summary>
    public string DenominatorName { get; init; } = "Denominator";

    /// <summary>What the points are, for the legend and text ("areas", "clusters").</summary>
    public string UnitName { get; init; } = "areas";

    public AxisOptions YAxis { get; init; } = AxisOptions.Default;

    public bool ShowLegend { get; init; } = true;
}

/// <summary>
/// A funnel plot: each unit's value against its denominator, around a benchmark with 95% and 99.8% limit curves.
/// Points outside the 95% limits are triangles (up above, down below; hollow between 95% and 99.8%, solid beyond)
/// and are labelled; points inside are grey circles.
/// </summary>
public static class FunnelPlot
{
    private const string Dash95 = "6 3";
    private const string Dash998 = "2 2";
    private const int Samples = 120;

    public static ChartSvg Render(FunnelPlotSpec spec, ChartSize size, ChartStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        style ??= ChartStyle.Default;
        var limitsAt = LimitFunction(spec);
        var points = spec.Points
            .Where(p => double.IsFinite(p.Denominator) && p.Denominator > 0 && double.IsFinite(p.Value))
            .ToList();
        var positions = points.Select(p => limitsAt(p.Denominator).Classify(p.Value)).ToList();
        var alt = Describe(spec, points, positions);
        var f = style.FontSize;
        var width = size.WidthPx;
        var height = size.HeightPx;

        var legend = Legend.Layout(spec.ShowLegend ? LegendItems(spec, positions) : [], width - f, f);
        var top = (f * 0.8) + (spec.YAxis.Title is null ? 0 : f * 1.5);
        var legendTop = height - legend.Height - (f * 0.3);
        var bottom = legendTop - (legend.Rows > 0 ? f * 0.5 : 0) - (f * 3.2);
        if (bottom - top < f * 2)
        {
            throw new ArgumentException($"A {Num(width)} x {Num(height)} px funnel plot has no room to plot; make it taller.", nameof(size));
        }

        // x: 0 to a nice number past the largest denominator.
        var maxDen = points.Count == 0 ? 1 : points.Max(p => p.Denominator);
        var xTicks = NiceScale.Ticks(0, maxDen * 1.04, 6);
        var xMax = xTicks.Max;
        var minDen = points.Count == 0 ? xMax / 10 : points.Min(p => p.Denominator);
        var curveStart = xMax / 1000;

        // y: the points, the benchmark and the funnel where the points are.
        var ys = points.Select(p => p.Value).Append(spec.Benchmark).ToList();
        var widest = limitsAt(minDen);
        ys.AddRange([widest.Lower998, widest.Upper998]);
        var finite = ys.Where(double.IsFinite).ToList();
        var (yLo, yHi) = NiceScale.Headroom(finite.Min(), finite.Max());
        var yTicks = NiceScale.ForAxis(spec.YAxis, yLo, yHi, Math.Clamp((int)Math.Floor((bottom - top) / (f * 2.4)) + 1, 2, 8));
        var yLabels = yTicks.Values.Select(t => spec.Format.Format(t, yTicks.Decimals)).ToList();
        var left = (f * 0.5) + yLabels.Max(t => TextMetrics.Width(t, f)) + 7;
        var xTickLabels = xTicks.Values.Select(t => ValueFormat.Number().Format(t, xTicks.Decimals)).ToList();
        var right = width - Math.Max(f * 0.75, (TextMetrics.Width(xTickLabels[^1], f) / 2) + 2);
        if (right - left < f * 3)
        {
            throw new ArgumentException($"A {Num(width)} x {Num(height)} px funnel plot has no room to plot; make it wider.", nameof(size));
        }

        var x = new LinearScale(0, xMax, left, right);
        var y = new LinearScale(yTicks.Min, yTicks.Max, bottom, top);
        var id = style.Id ?? SvgWriter.StableId("funnel", $"{spec.Title}|{alt}|{Num(width)}x{Num(height)}");
        var svg = new SvgWriter();
        svg.Begin("chart funnel-plot", size, id, spec.Title, alt, f);

        svg.BeginGroup("y-axis");
        if (spec.YAxis.Title is { } yTitle)
        {
            svg.Text(f * 0.5, f * 1.1, yTitle, "axis-title", fill: Palette.Axis);
        }

        for (var i = 0; i < yTicks.Values.Count; i++)
        {
            var ty = y.Map(yTicks.Values[i]);
            svg.Line(left, ty, right, ty, "grid-line", Palette.Grid, 0.75);
            svg.Text(left - 6, ty, yLabels[i], "y-label", "end", dy: "0.35em");
        }

        svg.EndGroup();

        svg.BeginGroup("x-axis");
        svg.Line(left, bottom, right, bottom, "axis-line", Palette.Axis, 1);
        var labelRoom = xTickLabels.Max(l => TextMetrics.Width(l, f)) + (f * 0.8);
        var every = Math.Max(1, (int)Math.Ceiling(labelRoom / Math.Max(1, x.Map(xTicks.Step) - x.Map(0))));
        for (var i = 0; i < xTicks.Values.Count; i++)
        {
            var tx = x.Map(xTicks.Values[i]);
            svg.Line(tx, bottom, tx, bottom + 4, "x-tick", Palette.Axis, 1);
            if (i % every == 0)
            {
                svg.Text(tx, bottom + 4 + f, xTickLabels[i], "x-label", "middle");
            }
        }

        svg.Text((left + right) / 2, bottom + 4 + (f * 2.3), spec.DenominatorName, "axis-title", "middle", fill: Palette.Axis);
        svg.EndGroup();

        // Limit curves, sampled evenly in log n (the funnel changes fastest at small n), cut at the plot's edge.
        svg.BeginGroup("limits");
        var ns = Enumerable.Range(0, Samples + 1).Select(k => curveStart * Math.Pow(xMax / curveStart, (double)k / Samples)).ToList();
        var curve = ns.Select(limitsAt).ToList();
        DrawCurve(svg, ns, curve.Select(c => c.Upper998).ToList(), x, y, "limit-998 upper", Dash998);
        DrawCurve(svg, ns, curve.Select(c => c.Lower998).ToList(), x, y, "limit-998 lower", Dash998);
        DrawCurve(svg, ns, curve.Select(c => c.Upper95).ToList(), x, y, "limit-95 upper", Dash95);
        DrawCurve(svg, ns, curve.Select(c => c.Lower95).ToList(), x, y, "limit-95 lower", Dash95);
        var by = y.MapClamped(spec.Benchmark);
        svg.Line(left, by, right, by, "benchmark", Palette.Text, 1.25);
        svg.EndGroup();

        var r = f * 0.32;
        svg.BeginGroup("points");
        var order = Enumerable.Range(0, points.Count).OrderBy(i => points[i].Highlight).ThenBy(i => positions[i] != FunnelPosition.Inside).ToList();
        foreach (var i in order)
        {
            if (positions[i] == FunnelPosition.NotCalculable)
            {
                continue;
            }

            var px = x.MapClamped(points[i].Denominator);
            var py = y.MapClamped(points[i].Value);
            svg.Marker(Marker(positions[i], spec.HigherIsBetter, r), px, py, PointClass(positions[i], points[i].Highlight));
            if (points[i].Highlight)
            {
                svg.Element("circle", ("class", "highlight-ring"), ("cx", Num(px)), ("cy", Num(py)), ("r", Num(r * 2.1)), ("fill", "none"), ("stroke", Palette.Text), ("stroke-width", "1.25"));
            }
        }

        svg.EndGroup();
        DrawLabels(svg, points, positions, x, y, r, f, left, right);
        Legend.Draw(svg, legend, f * 0.5, legendTop, f);
        return new ChartSvg(svg.End(), alt);
    }

    /// <summary>"{Title}: 12 areas against England 65.0%; 1 above the 99.8% limit (A); …; 9 within the 95% limits. B 58.1% (n = 1,234) is …"</summary>
    internal static string Describe(FunnelPlotSpec spec, IReadOnlyList<FunnelPoint> points, IReadOnlyList<FunnelPosition> positions)
    {
        var fmt = spec.Format;
        var head = $"{spec.Title}: {ChartText.Plural(points.Count, spec.UnitName)} against {spec.BenchmarkName} {fmt.Format(spec.Benchmark)}; ";
        var clauses = new List<string>();
        foreach (var position in new[] { FunnelPosition.Above998, FunnelPosition.Above95, FunnelPosition.Below95, FunnelPosition.Below998 })
        {
            var names = Enumerable.Range(0, points.Count).Where(i => positions[i] == position).Select(i => points[i].Label).ToList();
            if (names.Count > 0)
            {
                clauses.Add($"{names.Count} {Phrase(position, spec.HigherIsBetter)} ({ChartText.List(names)})");
            }
        }

        var inside = positions.Count(p => p == FunnelPosition.Inside);
        clauses.Add($"{inside} within the 95% limits");
        var text = ChartText.Sentence(head, clauses);
        foreach (var i in Enumerable.Range(0, points.Count).Where(i => points[i].Highlight))
        {
            text += $" {points[i].Label} {fmt.Format(points[i].Value)} (n = {ValueFormat.Number().Format(points[i].Denominator)}) is {Phrase(positions[i], spec.HigherIsBetter)}.";
        }

        return text;
    }

    private static string Phrase(FunnelPosition position, bool? higherIsBetter)
    {
        var (better, worse) = higherIsBetter switch
        {
            true => (", better", ", worse"),
            false => (", worse", ", better"),
            null => (string.Empty, string.Empty),
        };
        return position switch
        {
            FunnelPosition.Above998 => "above the 99.8% limit" + better,
            FunnelPosition.Above95 => "above the 95% limit" + better,
            FunnelPosition.Below95 => "below the 95% limit" + worse,
            FunnelPosition.Below998 => "below the 99.8% limit" + worse,
            FunnelPosition.Inside => "within the 95% limits",
            _ => "not placed",
        };
    }

    private static Func<double, FunnelLimits> LimitFunction(FunnelPlotSpec spec)
    {
        if (spec.Limits is { } limits)
        {
            return limits;
        }

        if (spec.Curve is not { Count: > 0 } given)
        {
            throw new ArgumentException("A funnel plot needs its limits: set Limits (a function of n) or Curve (points along the curves).", nameof(spec));
        }

        var curve = given.Where(c => double.IsFinite(c.Denominator)).OrderBy(c => c.Denominator).ToArray();
        return n =>
        {
            if (n <= curve[0].Denominator)
            {
                return curve[0] with { Denominator = n };
            }

            if (n >= curve[^1].Denominator)
            {
                return curve[^1] with { Denominator = n };
            }

            var hi = Array.FindIndex(curve, c => c.Denominator >= n);
            var a = curve[hi - 1];
            var b = curve[hi];
            var t = (n - a.Denominator) / (b.Denominator - a.Denominator);
            return new FunnelLimits(
                n,
                Lerp(a.Lower95, b.Lower95, t),
                Lerp(a.Upper95, b.Upper95, t),
                Lerp(a.Lower998, b.Lower998, t),
                Lerp(a.Upper998, b.Upper998, t));
        };

        static double Lerp(double a, double b, double t) => a + ((b - a) * t);
    }

    /// <summary>Draws a curve, dropping samples outside the y range and ending it exactly where it crosses the edge.</summary>
    private static void DrawCurve(SvgWriter svg, List<double> ns, List<double> vs, LinearScale x, LinearScale y, string cls, string dash)
    {
        var lo = Math.Min(y.DomainMin, y.DomainMax);
        var hi = Math.Max(y.DomainMin, y.DomainMax);
        var line = new List<(double X, double Y)>();
        for (var i = 0; i < ns.Count; i++)
        {
            if (!double.IsFinite(vs[i]))
            {
                continue;
            }

            var inside = vs[i] >= lo && vs[i] <= hi;
            if (inside && line.Count == 0 && i > 0 && double.IsFinite(vs[i - 1]))
            {
                var edge = vs[i - 1] > hi ? hi : lo;
                var t = (edge - vs[i - 1]) / (vs[i] - vs[i - 1]);
                line.Add((x.Map(ns[i - 1] + ((ns[i] - ns[i - 1]) * t)), y.Map(edge)));
            }

            if (inside)
            {
                line.Add((x.Map(ns[i]), y.Map(vs[i])));
            }
        }

        if (line.Count > 1)
        {
            svg.Polyline(line, "limit " + cls, Palette.Axis, cls.StartsWith("limit-998", StringComparison.Ordinal) ? 1.25 : 1, dash);
        }
    }

    private static void DrawLabels(SvgWriter svg, List<FunnelPoint> points, List<FunnelPosition> positions, LinearScale x, LinearScale y, double r, double f, double left, double right)
    {
        var labelled = Enumerable.Range(0, points.Count)
            .Where(i => points[i].Highlight || positions[i] is not (FunnelPosition.Inside or FunnelPosition.NotCalculable))
            .Select(i => (Index: i, X: x.MapClamped(points[i].Denominator), Y: y.MapClamped(points[i].Value)))
            .OrderBy(p => p.Y)
            .ThenBy(p => p.Index)
            .ToList();
        if (labelled.Count == 0)
        {
            return;
        }

        svg.BeginGroup("point-labels");
        var placed = new List<(double X0, double X1, double Y)>();
        foreach (var (i, px, py) in labelled)
        {
            var bold = points[i].Highlight;
            var textWidth = TextMetrics.Width(points[i].Label, f, bold);
            var gap = r * (bold ? 2.4 : 1.6);
            var toLeft = px + gap + textWidth > right;
            var x0 = toLeft ? px - gap - textWidth : px + gap;
            x0 = Math.Max(left, x0);
            var ly = py;
            foreach (var other in placed.Where(o => o.X0 < x0 + textWidth && x0 < o.X1))
            {
                if (Math.Abs(other.Y - ly) < f * 1.05)
                {
                    ly = other.Y + (f * 1.05);
                }
            }

            placed.Add((x0, x0 + textWidth, ly));
            svg.Text(x0, ly, points[i].Label, bold ? "point-label highlight" : "point-label", bold: bold, dy: "0.35em");
        }

        svg.EndGroup();
    }

    private static List<LegendItem> LegendItems(FunnelPlotSpec spec, List<FunnelPosition> positions)
    {
        var r = 3.4;
        var items = new List<LegendItem>
        {
            new($"{spec.BenchmarkName} {spec.Format.Format(spec.Benchmark)}", "legend-benchmark", new LegendSwatch { LineColour = Palette.Text, LineWidth = 1.25 }),
            new("95% limits", "legend-limit-95", new LegendSwatch { LineColour = Palette.Axis, LineWidth = 1, Dash = Dash95 }),
            new("99.8% limits", "legend-limit-998", new LegendSwatch { LineColour = Palette.Axis, LineWidth = 1.25, Dash = Dash998 }),
        };
        foreach (var position in new[] { FunnelPosition.Inside, FunnelPosition.Above998, FunnelPosition.Above95, FunnelPosition.Below95, FunnelPosition.Below998 })
        {
            if (positions.Contains(position))
            {
                var label = char.ToUpperInvariant(Phrase(position, spec.HigherIsBetter)[0]) + Phrase(position, spec.HigherIsBetter)[1..];
                items.Add(new LegendItem(label, "legend-" + PositionClass(position), new LegendSwatch { Marker = Marker(position, spec.HigherIsBetter, r) }));
            }
        }

        return items;
    }

    private static MarkerStyle Marker(FunnelPosition position, bool? higherIsBetter, double r)
    {
        var (above, below) = higherIsBetter switch
        {
            true => (Palette.Improvement, Palette.Concern),
            false => (Palette.Concern, Palette.Improvement),
            null => (Palette.Neutral, Palette.Neutral),
        };
        return position switch
        {
            FunnelPosition.Above998 => new MarkerStyle(MarkerShape.TriangleUp, above, Palette.Text, 0.6, r * 1.25),
            FunnelPosition.Above95 => new MarkerStyle(MarkerShape.TriangleUp, "#ffffff", above, 1.6, r * 1.15),
            FunnelPosition.Below95 => new MarkerStyle(MarkerShape.TriangleDown, "#ffffff", below, 1.6, r * 1.15),
            FunnelPosition.Below998 => new MarkerStyle(MarkerShape.TriangleDown, below, Palette.Text, 0.6, r * 1.25),
            _ => new MarkerStyle(MarkerShape.Circle, Palette.Muted, "#ffffff", 0.75, r),
        };
    }

    private static string PositionClass(FunnelPosition position) => position switch
    {
        FunnelPosition.Above998 => "above-998",
        FunnelPosition.Above95 => "above-95",
        FunnelPosition.Below95 => "below-95",
        FunnelPosition.Below998 => "below-998",
        FunnelPosition.Inside => "inside",
        _ => "not-calculable",
    };

    private static string PointClass(FunnelPosition position, bool highlight) =>
        "point " + PositionClass(position) + (highlight ? " highlight" : string.Empty);

    private static string Num(double v) => SvgWriter.Num(v);
}
