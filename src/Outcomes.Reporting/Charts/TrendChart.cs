using Outcomes.Scoring.Spc;

namespace Outcomes.Reporting.Charts;

/// <summary>
/// A line chart of one measure over time, with optional target (fixed or phased), comparator (dashed), SPC layer
/// (mean, process limits, near-limit band, special-cause points in Making Data Count colours and distinct shapes)
/// and confidence-interval whiskers. Nulls are gaps: the line breaks there.
/// </summary>
public static class TrendChart
{
    private const string ComparatorDash = "6 3";
    private const string TargetDash = "9 3 2 3";
    private const string LimitDash = "2 2";

    public static ChartSvg Render(TrendChartSpec spec, ChartSize size, ChartStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        style ??= ChartStyle.Default;
        var n = spec.Points.Count;
        if (n == 0)
        {
            throw new ArgumentException("A trend chart needs at least one period.", nameof(spec));
        }

        CheckLength(spec.Target?.PerPeriod, n, "Target.PerPeriod");
        CheckLength(spec.Comparator?.Values, n, "Comparator.Values");
        if (spec.Spc is { } spcCheck)
        {
            CheckLength(spcCheck.Mean, n, "Spc.Mean");
            CheckLength(spcCheck.Lower, n, "Spc.Lower");
            CheckLength(spcCheck.Upper, n, "Spc.Upper");
            CheckLength(spcCheck.NearLower, n, "Spc.NearLower");
            CheckLength(spcCheck.NearUpper, n, "Spc.NearUpper");
            CheckLength(spcCheck.PointTypes, n, "Spc.PointTypes");
        }

        var values = spec.Points.Select(p => ChartText.Finite(p.Value)).ToList();
        var alt = Describe(spec, values);
        var f = style.FontSize;
        var width = size.WidthPx;
        var height = size.HeightPx;
        var spc = spec.Spc;
        var comparator = spec.Comparator?.Values.Select(ChartText.Finite).ToList();
        var target = spec.Target is null ? null : Enumerable.Range(0, n).Select(spec.Target.At).ToList();
        var hasBand = spc?.NearLower is not null && spc.NearUpper is not null;

        // Legend first: its height decides how tall the plot can be.
        var legend = Legend.Layout(spec.ShowLegend ? LegendItems(spec, values, hasBand) : [], width - f, f);
        var top = (f * 0.8) + (spec.YAxis.Title is null ? 0 : f * 1.5);
        var legendTop = height - legend.Height - (f * 0.3);
        var bottom = legendTop - (legend.Rows > 0 ? f * 0.5 : 0) - (f * 1.9);
        if (bottom - top < f * 2)
        {
            throw new ArgumentException($"A {Num(width)} x {Num(height)} px trend chart has no room to plot; make it taller.", nameof(size));
        }

        var (lo, hi) = DataRange(spec, values, comparator, target);
        var ticks = lo is null
            ? NiceScale.ForAxis(spec.YAxis, 0, spec.YAxis.ClampPercent ? 100 : 1, TickCount(bottom - top, f))
            : NiceScale.ForAxis(spec.YAxis, lo.Value, hi!.Value, TickCount(bottom - top, f));
        var tickLabels = ticks.Values.Select(t => spec.Format.Format(t, ticks.Decimals)).ToList();
        var tickWidth = tickLabels.Count == 0 ? 0 : tickLabels.Max(t => TextMetrics.Width(t, f));
        var left = (f * 0.5) + tickWidth + 7;
        var xLabels = spec.Points.Select(p => p.Label ?? string.Empty).ToList();
        var right = width - (f * 0.75);
        var x = new BandScale(n, left, right);
        var lastHalf = TextMetrics.Width(xLabels[^1], f) / 2;
        if (lastHalf > (x.Step / 2) + (f * 0.75))
        {
            right = width - (lastHalf - (x.Step / 2)) - 2;
            x = new BandScale(n, left, right);
        }

        if (right - left < f * 3)
        {
            throw new ArgumentException($"A {Num(width)} x {Num(height)} px trend chart has no room to plot; make it wider.", nameof(size));
        }

        var y = new LinearScale(ticks.Min, ticks.Max, bottom, top);
        var id = style.Id ?? SvgWriter.StableId("trend", $"{spec.Title}|{alt}|{Num(width)}x{Num(height)}");
        var svg = new SvgWriter();
        svg.Begin("chart trend-chart", size, id, spec.Title, alt, f);

        // Grid and value axis.
        svg.BeginGroup("y-axis");
        if (spec.YAxis.Title is { } yTitle)
        {
            svg.Text(f * 0.5, f * 1.1, yTitle, "axis-title", fill: Palette.Axis);
        }

        for (var i = 0; i < ticks.Values.Count; i++)
        {
            var ty = y.Map(ticks.Values[i]);
            var isZero = ticks.Values[i] == 0 && ticks.Min < 0;
            svg.Line(left, ty, right, ty, isZero ? "grid-line zero-line" : "grid-line", isZero ? Palette.Axis : Palette.Grid, isZero ? 1 : 0.75);
            svg.Text(left - 6, ty, tickLabels[i], "y-label", "end", dy: "0.35em");
        }

        svg.EndGroup();

        var pointRadius = Math.Clamp(x.Step * 0.22, 2, f * 0.32);
        if (spc is not null)
        {
            DrawSpcLimits(svg, spc, hasBand, x, y);
        }

        if (target is not null)
        {
            svg.BeginGroup("target");
            foreach (var run in Runs.Of(target))
            {
                svg.Polyline(Runs.Steps(target, run, x, y), "target-line", Palette.Target, 1.5, TargetDash);
            }

            svg.EndGroup();
        }

        // Period axis: a tick for every period, labels thinned so they never collide (the latest always shown).
        svg.BeginGroup("x-axis");
        svg.Line(left, bottom, right, bottom, "axis-line", Palette.Axis, 1);
        var labelRoom = xLabels.Max(l => TextMetrics.Width(l, f)) + (f * 0.8);
        var every = Math.Max(1, (int)Math.Ceiling(labelRoom / x.Step));
        for (var i = 0; i < n; i++)
        {
            svg.Line(x.Centre(i), bottom, x.Centre(i), bottom + 4, "x-tick", Palette.Axis, 1);
            if ((n - 1 - i) % every == 0)
            {
                svg.Text(x.Centre(i), bottom + 4 + f, xLabels[i], "x-label", "middle");
            }
        }

        svg.EndGroup();

        if (spec.Points.Any(p => ChartText.Finite(p.Lower) is not null && ChartText.Finite(p.Upper) is not null))
        {
            svg.BeginGroup("intervals");
            var cap = Math.Clamp(x.Step * 0.18, 1.5, 4);
            for (var i = 0; i < n; i++)
            {
                if (ChartText.Finite(spec.Points[i].Lower) is { } l && ChartText.Finite(spec.Points[i].Upper) is { } u)
                {
                    var cx = x.Centre(i);
                    var yl = y.MapClamped(l);
                    var yu = y.MapClamped(u);
                    svg.Path(
                        $"M{Num(cx)},{Num(yl)}V{Num(yu)}M{Num(cx - cap)},{Num(yl)}H{Num(cx + cap)}M{Num(cx - cap)},{Num(yu)}H{Num(cx + cap)}",
                        "ci",
                        null,
                        Palette.Axis);
                }
            }

            svg.EndGroup();
        }

        if (comparator is not null)
        {
            svg.BeginGroup("comparator");
            foreach (var run in Runs.Of(comparator).Where(r => r.Last > r.First))
            {
                svg.Polyline(Enumerable.Range(run.First, run.Last - run.First + 1).Select(i => (x.Centre(i), y.MapClamped(comparator[i]!.Value))), "comparator-line", Palette.Comparator, 1.25, ComparatorDash);
            }

            var marker = ComparatorMarker(pointRadius * 0.9);
            for (var i = 0; i < n; i++)
            {
                if (comparator[i] is { } c)
                {
                    svg.Marker(marker, x.Centre(i), y.MapClamped(c), "comparator-point");
                }
            }

            svg.EndGroup();
        }

        svg.BeginGroup("series");
        var lineColour = spc is null ? Palette.Series : Palette.CommonCause;
        foreach (var run in Runs.Of(values).Where(r => r.Last > r.First))
        {
            svg.Polyline(Enumerable.Range(run.First, run.Last - run.First + 1).Select(i => (x.Centre(i), y.MapClamped(values[i]!.Value))), "series-line", lineColour, 2);
        }

        for (var i = 0; i < n; i++)
        {
            if (values[i] is { } v)
            {
                var type = spc?.PointTypes[i];
                svg.Marker(PointMarker(type, pointRadius), x.Centre(i), y.MapClamped(v), PointClass(type));
            }
        }

        svg.EndGroup();
        Legend.Draw(svg, legend, f * 0.5, legendTop, f);
        return new ChartSvg(svg.End(), alt);
    }

    /// <summary>The text alternative: span, change, gaps, extremes, comparator, target and the latest SPC reading.</summary>
    internal static string Describe(TrendChartSpec spec, IReadOnlyList<double?> values)
    {
        var fmt = spec.Format;
        var labels = spec.Points.Select(p => p.Label ?? string.Empty).ToList();
        var present = Enumerable.Range(0, values.Count).Where(i => values[i] is not null).ToList();
        if (present.Count == 0)
        {
            var span = labels.Count == 1 ? labels[0] : $"{labels[0]} to {labels[^1]}";
            return ChartText.Sentence($"{spec.Title}: no values for {span}", []);
        }

        var first = present[0];
        var last = present[^1];
        var clauses = new List<string>();
        string head;
        if (first == last)
        {
            head = $"{spec.Title}, {labels[first]}: ";
            clauses.Add(fmt.Format(values[first]!.Value));
        }
        else
        {
            head = $"{spec.Title}, {labels[first]} to {labels[last]}: ";
            clauses.Add(ChartText.Change(values[first]!.Value, values[last]!.Value, fmt));
            var max = present.MaxBy(i => values[i]!.Value);
            var min = present.MinBy(i => values[i]!.Value);
            if (values[max] > values[first] && values[max] > values[last])
            {
                clauses.Add($"highest {fmt.Format(values[max]!.Value)} in {labels[max]}");
            }

            if (values[min] < values[first] && values[min] < values[last])
            {
                clauses.Add($"lowest {fmt.Format(values[min]!.Value)} in {labels[min]}");
            }

            var gaps = Enumerable.Range(first, last - first + 1).Where(i => values[i] is null).Select(i => labels[i]).ToList();
            if (gaps.Count > 0)
            {
                clauses.Add(gaps.Count <= 3 ? $"no value for {ChartText.List(gaps)}" : $"no value for {gaps.Count} periods");
            }
        }

        if (spec.Comparator is { } comparator)
        {
            var c = Enumerable.Range(0, values.Count).LastOrDefault(i => ChartText.Finite(comparator.Values[i]) is not null, -1);
            if (c >= 0)
            {
                clauses.Add($"{comparator.Name} {fmt.Format(comparator.Values[c]!.Value)} in {labels[c]}");
            }
        }

        if (spec.Target is { } target)
        {
            var t = target.At(last) is not null ? last : Enumerable.Range(0, values.Count).LastOrDefault(i => target.At(i) is not null, -1);
            if (t >= 0)
            {
                clauses.Add($"{target.Name.ToLowerInvariant()} {fmt.Format(target.At(t)!.Value)} in {labels[t]}");
            }
        }

        if (spec.Spc is { } spc)
        {
            var latest = spc.PointTypes[last];
            var special = present.Count(i => IsSpecial(spc.PointTypes[i]));
            var reading = latest switch
            {
                SpcPointType.Improvement => "latest point is special cause of improvement",
                SpcPointType.Concern => "latest point is special cause of concern",
                SpcPointType.NeutralHigh => "latest point is special cause (high, neither better nor worse)",
                SpcPointType.NeutralLow => "latest point is special cause (low, neither better nor worse)",
                _ => "latest point shows common cause variation",
            };
            var others = special - (IsSpecial(latest) ? 1 : 0);
            if (others > 0)
            {
                reading += $" ({ChartText.Count(special, "special-cause point")} in all)";
            }

            clauses.Add(reading);
        }

        return ChartText.Sentence(head, clauses);
    }

    private static void DrawSpcLimits(SvgWriter svg, SpcOverlay spc, bool hasBand, BandScale x, LinearScale y)
    {
        svg.BeginGroup("spc");
        if (hasBand)
        {
            foreach (var (outer, inner) in new[] { (spc.Upper, spc.NearUpper!), (spc.Lower, spc.NearLower!) })
            {
                var both = Enumerable.Range(0, outer.Count)
                    .Select(i => ChartText.Finite(outer[i]) is not null && ChartText.Finite(inner[i]) is not null ? outer[i] : null)
                    .ToList();
                foreach (var run in Runs.Of(both))
                {
                    var edge = Runs.Steps(outer, run, x, y);
                    var back = Runs.Steps(inner, run, x, y);
                    back.Reverse();
                    var d = "M" + string.Join("L", edge.Concat(back).Select(p => Num(p.X) + "," + Num(p.Y))) + "Z";
                    svg.Path(d, "spc-near-band", Palette.Band, null);
                }
            }
        }

        foreach (var (line, cls) in new[] { (spc.Upper, "spc-limit spc-upper"), (spc.Lower, "spc-limit spc-lower") })
        {
            foreach (var run in Runs.Of(line))
            {
                svg.Polyline(Runs.Steps(line, run, x, y), cls, Palette.Axis, 1, LimitDash);
            }
        }

        foreach (var run in Runs.Of(spc.Mean))
        {
            svg.Polyline(Runs.Steps(spc.Mean, run, x, y), "spc-mean", Palette.Axis, 1);
        }

        svg.EndGroup();
    }

    private static List<LegendItem> LegendItems(TrendChartSpec spec, List<double?> values, bool hasBand)
    {
        var items = new List<LegendItem>();
        var r = 3.2;
        var spc = spec.Spc;
        items.Add(new LegendItem(
            spc is null ? spec.SeriesName : spec.SeriesName + " (common cause)",
            "legend-series",
            new LegendSwatch { LineColour = spc is null ? Palette.Series : Palette.CommonCause, LineWidth = 2, Marker = PointMarker(spc is null ? null : SpcPointType.CommonCause, r) }));
        if (spc is not null)
        {
            var present = Enumerable.Range(0, values.Count).Where(i => values[i] is not null).Select(i => spc.PointTypes[i]).ToHashSet();
            foreach (var (type, label, cls) in new[]
            {
                (SpcPointType.Improvement, "Special cause: improvement", "legend-improvement"),
                (SpcPointType.Concern, "Special cause: concern", "legend-concern"),
                (SpcPointType.NeutralHigh, "Special cause: neither better nor worse", "legend-neutral"),
            })
            {
                if (present.Contains(type) || (type == SpcPointType.NeutralHigh && present.Contains(SpcPointType.NeutralLow)))
                {
                    items.Add(new LegendItem(label, cls, new LegendSwatch { Marker = PointMarker(type, r * 1.15) }));
                }
            }
        }

        if (spec.Comparator is { } comparator)
        {
            items.Add(new LegendItem(comparator.Name, "legend-comparator", new LegendSwatch { LineColour = Palette.Comparator, LineWidth = 1.25, Dash = ComparatorDash, Marker = ComparatorMarker(r * 0.9) }));
        }

        if (spec.Target is { } target)
        {
            items.Add(new LegendItem(target.Name, "legend-target", new LegendSwatch { LineColour = Palette.Target, Dash = TargetDash }));
        }

        if (spec.Points.Any(p => ChartText.Finite(p.Lower) is not null && ChartText.Finite(p.Upper) is not null))
        {
            items.Add(new LegendItem(spec.IntervalLabel, "legend-ci", new LegendSwatch { WhiskerColour = Palette.Axis }));
        }

        if (spc is not null)
        {
            items.Add(new LegendItem("Mean", "legend-mean", new LegendSwatch { LineColour = Palette.Axis, LineWidth = 1 }));
            items.Add(new LegendItem("Process limits", "legend-limits", new LegendSwatch { LineColour = Palette.Axis, LineWidth = 1, Dash = LimitDash }));
            if (hasBand)
            {
                items.Add(new LegendItem("Near the limits (beyond 2σ)", "legend-band", new LegendSwatch { BoxFill = Palette.Band }));
            }
        }

        return items;
    }

    /// <summary>Circle for an ordinary or common-cause point; triangle up (improvement), down (concern), diamond (neutral).</summary>
    internal static MarkerStyle PointMarker(SpcPointType? type, double r) => type switch
    {
        null => new MarkerStyle(MarkerShape.Circle, Palette.Series, "#ffffff", 0.75, r),
        SpcPointType.Improvement => new MarkerStyle(MarkerShape.TriangleUp, Palette.Improvement, Palette.Text, 0.6, r * 1.25),
        SpcPointType.Concern => new MarkerStyle(MarkerShape.TriangleDown, Palette.Concern, Palette.Text, 0.6, r * 1.25),
        SpcPointType.NeutralHigh or SpcPointType.NeutralLow => new MarkerStyle(MarkerShape.Diamond, Palette.Neutral, Palette.Text, 0.6, r * 1.2),
        _ => new MarkerStyle(MarkerShape.Circle, Palette.CommonCause, "#ffffff", 0.75, r),
    };

    internal static string PointClass(SpcPointType? type) => type switch
    {
        null => "point",
        SpcPointType.Improvement => "point special-improvement",
        SpcPointType.Concern => "point special-concern",
        SpcPointType.NeutralHigh => "point special-neutral neutral-high",
        SpcPointType.NeutralLow => "point special-neutral neutral-low",
        _ => "point common-cause",
    };

    private static MarkerStyle ComparatorMarker(double r) => new(MarkerShape.Square, "#ffffff", Palette.Comparator, 1.1, r);

    private static bool IsSpecial(SpcPointType type) =>
        type is SpcPointType.Improvement or SpcPointType.Concern or SpcPointType.NeutralHigh or SpcPointType.NeutralLow;

    private static (double? Lo, double? Hi) DataRange(TrendChartSpec spec, List<double?> values, List<double?>? comparator, List<double?>? target)
    {
        IEnumerable<double?> all = values;
        all = all.Concat(spec.Points.SelectMany(p => new[] { p.Lower, p.Upper }));
        if (comparator is not null)
        {
            all = all.Concat(comparator);
        }

        if (target is not null)
        {
            all = all.Concat(target);
        }

        if (spec.Spc is { } spc)
        {
            all = all.Concat(spc.Mean).Concat(spc.Lower).Concat(spc.Upper);
        }

        var finite = all.Select(ChartText.Finite).Where(v => v is not null).Select(v => v!.Value).ToList();
        if (finite.Count == 0)
        {
            return (null, null);
        }

        var (lo, hi) = NiceScale.Headroom(finite.Min(), finite.Max());
        return (lo, hi);
    }

    private static int TickCount(double plotHeight, double fontSize) => Math.Clamp((int)Math.Floor(plotHeight / (fontSize * 2.4)) + 1, 2, 8);

    private static void CheckLength<T>(IReadOnlyList<T>? list, int n, string name)
    {
        if (list is not null && list.Count != n)
        {
            throw new ArgumentException($"{name} has {list.Count} values for {n} periods; give one per period.", name);
        }
    }

    private static string Num(double v) => SvgWriter.Num(v);
}
