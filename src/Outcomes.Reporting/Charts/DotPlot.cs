using Outcomes.Domain.Scores;

namespace Outcomes.Reporting.Charts;

/// <summary>One area on a dot plot: its value, interval and comparison with the benchmark.</summary>
/// <param name="Label">Area name.</param>
/// <param name="Value">The value (null: no dot, "no value" in the value column).</param>
/// <param name="Lower">Lower confidence limit.</param>
/// <param name="Upper">Upper confidence limit.</param>
/// <param name="Status">Better, Similar, Worse (or Higher, Lower) than the benchmark; printed beside the name.</param>
/// <param name="IsAreaOfInterest">The area the pack is about: a blue diamond, bold label and tinted row.</param>
public sealed record DotPlotRow(
    string Label,
    double? Value,
    double? Lower = null,
    double? Upper = null,
    BenchmarkComparison Status = BenchmarkComparison.NotCompared,
    bool IsAreaOfInterest = false);

/// <summary>What a dot plot draws: rows of areas against a benchmark line.</summary>
public sealed record DotPlotSpec
{
    public required string Title { get; init; }

    public required IReadOnlyList<DotPlotRow> Rows { get; init; }

    /// <summary>The vertical benchmark line (null: none).</summary>
    public double? Benchmark { get; init; }

    public string BenchmarkName { get; init; } = "England";

    public ValueFormat Format { get; init; } = ValueFormat.Percent(1);

    public AxisOptions XAxis { get; init; } = AxisOptions.Default;

    /// <summary>Print each value at the right-hand end of its row.</summary>
    public bool ShowValues { get; init; } = true;

    /// <summary>Heading of the status column; null: "Compared with {BenchmarkName}".</summary>
    public string? StatusHeading { get; init; }

    public string IntervalLabel { get; init; } = "95% confidence interval";

    /// <summary>Legend name for the rows that are not the area of interest.</summary>
    public string OthersName { get; init; } = "Comparator areas";

    public bool ShowLegend { get; init; } = true;
}

/// <summary>
/// Areas as rows, each a dot with its confidence interval, against a vertical benchmark line. The status word
/// (Better/Similar/Worse) is printed in each row, and the area of interest differs by shape and weight as well as colour.
/// </summary>
public static class DotPlot
{
    /// <summary>A height that gives each row room for its label: header, rows, axis and legend.</summary>
    public static double SuggestedHeightPx(int rows, ChartStyle? style = null)
    {
        var f = (style ?? ChartStyle.Default).FontSize;
        return Math.Ceiling((f * 2.2) + (Math.Max(1, rows) * f * 1.8) + (f * 2.2) + (f * 2));
    }

    public static ChartSvg Render(DotPlotSpec spec, ChartSize size, ChartStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        style ??= ChartStyle.Default;
        if (spec.Rows.Count == 0)
        {
            throw new ArgumentException("A dot plot needs at least one row.", nameof(spec));
        }

        var alt = Describe(spec);
        var f = style.FontSize;
        var width = size.WidthPx;
        var height = size.HeightPx;
        var rows = spec.Rows;
        var hasCi = rows.Any(r => ChartText.Finite(r.Lower) is not null && ChartText.Finite(r.Upper) is not null);

        var legend = Legend.Layout(spec.ShowLegend ? LegendItems(spec, hasCi) : [], width - f, f);
        var legendTop = height - legend.Height - (f * 0.3);
        var axisBottom = legendTop - (legend.Rows > 0 ? f * 0.5 : 0);
        var bottom = axisBottom - (f * 1.9);
        var top = f * 2.2;
        var rowHeight = (bottom - top) / rows.Count;
        if (rowHeight < f * 1.1)
        {
            throw new ArgumentException(
                $"{rows.Count} rows need about {Num(SuggestedHeightPx(rows.Count, style))} px of height; the chart has {Num(height)}.",
                nameof(size));
        }

        // Columns: name | status | plot | value.
        var nameWidth = rows.Max(r => TextMetrics.Width(r.Label, f, r.IsAreaOfInterest));
        var statusHeading = spec.StatusHeading ?? $"Compared with {spec.BenchmarkName}";
        var statusWidth = Math.Max(TextMetrics.Width(statusHeading, f * 0.9), rows.Max(r => TextMetrics.Width(StatusWord(r.Status), f)));
        var values = rows.Select(r => ChartText.Finite(r.Value) is { } v ? spec.Format.Format(v) : "no value").ToList();
        var valueWidth = spec.ShowValues ? values.Max(v => TextMetrics.Width(v, f)) : 0;
        var nameX = f * 0.5;
        var statusX = nameX + nameWidth + f;
        var left = statusX + statusWidth + (f * 1.2);
        var right = width - (f * 0.5) - (spec.ShowValues ? valueWidth + f : 0);
        if (right - left < f * 6)
        {
            throw new ArgumentException($"A {Num(width)} px wide dot plot has no room between its labels; make it wider or the names shorter.", nameof(size));
        }

        var all = rows.SelectMany(r => new[] { r.Value, r.Lower, r.Upper }).Append(spec.Benchmark)
            .Select(ChartText.Finite).Where(v => v is not null).Select(v => v!.Value).ToList();
        var ticks = all.Count == 0
            ? NiceScale.ForAxis(spec.XAxis, 0, spec.XAxis.ClampPercent ? 100 : 1, 5)
            : NiceScale.ForAxis(spec.XAxis, all.Min(), all.Max(), Math.Clamp((int)((right - left) / (f * 5)), 2, 8));
        var x = new LinearScale(ticks.Min, ticks.Max, left, right);
        var id = style.Id ?? SvgWriter.StableId("dotplot", $"{spec.Title}|{alt}|{Num(width)}x{Num(height)}");
        var svg = new SvgWriter();
        svg.Begin("chart dot-plot", size, id, spec.Title, alt, f);

        svg.BeginGroup("headings");
        svg.Text(statusX, f * 1.1, statusHeading, "column-heading", fill: Palette.Axis, fontSize: f * 0.9);
        if (spec.ShowValues)
        {
            svg.Text(width - (f * 0.5), f * 1.1, "Value", "column-heading", "end", fill: Palette.Axis, fontSize: f * 0.9);
        }

        svg.EndGroup();

        svg.BeginGroup("x-axis");
        var tickLabels = ticks.Values.Select(t => spec.Format.Format(t, ticks.Decimals)).ToList();
        var room = tickLabels.Max(l => TextMetrics.Width(l, f)) + (f * 0.8);
        var every = Math.Max(1, (int)Math.Ceiling(room / Math.Max(1, x.Map(ticks.Min + ticks.Step) - x.Map(ticks.Min))));
        for (var i = 0; i < ticks.Values.Count; i++)
        {
            var tx = x.Map(ticks.Values[i]);
            svg.Line(tx, top, tx, bottom, "grid-line", Palette.Grid, 0.75);
            svg.Line(tx, bottom, tx, bottom + 4, "x-tick", Palette.Axis, 1);
            if (i % every == 0)
            {
                svg.Text(tx, bottom + 4 + f, tickLabels[i], "x-label", "middle");
            }
        }

        svg.Line(left, bottom, right, bottom, "axis-line", Palette.Axis, 1);
        svg.EndGroup();

        var r0 = Math.Min(f * 0.34, rowHeight * 0.3);
        svg.BeginGroup("rows");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var cy = top + (rowHeight * (i + 0.5));
            svg.BeginGroup(row.IsAreaOfInterest ? "row area-of-interest" : "row");
            if (row.IsAreaOfInterest)
            {
                svg.Rect(0, cy - (rowHeight / 2), width, rowHeight, "row-highlight", "#e8f1f8");
            }

            svg.Text(nameX, cy, row.Label, "row-label", bold: row.IsAreaOfInterest, dy: "0.35em");
            svg.Text(statusX, cy, StatusWord(row.Status), "row-status status-" + row.Status.ToString().ToLowerInvariant(), bold: row.IsAreaOfInterest, dy: "0.35em");
            if (ChartText.Finite(row.Lower) is { } lo && ChartText.Finite(row.Upper) is { } hi)
            {
                var cap = Math.Min(4, rowHeight * 0.25);
                var xl = x.MapClamped(lo);
                var xh = x.MapClamped(hi);
                svg.Path($"M{Num(xl)},{Num(cy)}H{Num(xh)}M{Num(xl)},{Num(cy - cap)}V{Num(cy + cap)}M{Num(xh)},{Num(cy - cap)}V{Num(cy + cap)}", "ci", null, row.IsAreaOfInterest ? Palette.Text : Palette.Axis, row.IsAreaOfInterest ? 1.5 : 1);
            }

            if (ChartText.Finite(row.Value) is { } v)
            {
                svg.Marker(Marker(row.IsAreaOfInterest, r0), x.MapClamped(v), cy, row.IsAreaOfInterest ? "point area-of-interest" : "point");
            }

            if (spec.ShowValues)
            {
                svg.Text(width - (f * 0.5), cy, values[i], "row-value", "end", bold: row.IsAreaOfInterest, dy: "0.35em");
            }

            svg.EndGroup();
        }

        svg.EndGroup();

        if (ChartText.Finite(spec.Benchmark) is { } benchmark)
        {
            var bx = x.MapClamped(benchmark);
            svg.BeginGroup("benchmark");
            svg.Line(bx, top - (f * 0.3), bx, bottom, "benchmark-line", Palette.Text, 1.25, "5 2");
            var label = $"{spec.BenchmarkName} {spec.Format.Format(benchmark)}";
            var half = TextMetrics.Width(label, f) / 2;
            svg.Text(Math.Clamp(bx, left + half, width - (f * 0.5) - half), f * 1.1, label, "benchmark-label", "middle");
            svg.EndGroup();
        }

        Legend.Draw(svg, legend, f * 0.5, legendTop, f);
        return new ChartSvg(svg.End(), alt);
    }

    /// <summary>"{Title}: Bradford 58.1% (95% CI 55.0% to 61.2%), worse than England 71.8%; of 10 other areas, 2 better, 5 similar and 3 worse."</summary>
    internal static string Describe(DotPlotSpec spec)
    {
        var fmt = spec.Format;
        var benchmark = ChartText.Finite(spec.Benchmark);
        var benchmarkText = benchmark is null ? spec.BenchmarkName : $"{spec.BenchmarkName} {fmt.Format(benchmark.Value)}";
        var clauses = new List<string>();
        var focus = spec.Rows.Where(r => r.IsAreaOfInterest).ToList();
        foreach (var row in focus)
        {
            var value = ChartText.Finite(row.Value) is { } v ? fmt.Format(v) : "no value";
            var ci = ChartText.Finite(row.Lower) is { } lo && ChartText.Finite(row.Upper) is { } hi
                ? $" ({spec.IntervalLabel.Replace(" confidence interval", " CI", StringComparison.Ordinal)} {fmt.Format(lo)} to {fmt.Format(hi)})"
                : string.Empty;
            clauses.Add($"{row.Label} {value}{ci}, {Relation(row.Status)} {benchmarkText}");
        }

        if (focus.Count == 0)
        {
            clauses.Add(benchmarkText);
        }

        var others = spec.Rows.Where(r => !r.IsAreaOfInterest).ToList();
        if (others.Count > 0)
        {
            var counts = new[] { BenchmarkComparison.Better, BenchmarkComparison.Similar, BenchmarkComparison.Worse, BenchmarkComparison.Higher, BenchmarkComparison.Lower, BenchmarkComparison.NotCompared }
                .Select(s => (Status: s, Count: others.Count(r => r.Status == s)))
                .Where(c => c.Count > 0)
                .Select(c => $"{c.Count} {StatusWord(c.Status).ToLowerInvariant()}")
                .ToList();
            var noun = focus.Count > 0 ? "other area" : "area";
            clauses.Add($"of {ChartText.Count(others.Count, noun)}, {ChartText.List(counts, 6)}");
        }

        return ChartText.Sentence($"{spec.Title}: ", clauses);
    }

    /// <summary>The word printed in the row, so the comparison never rests on colour.</summary>
    public static string StatusWord(BenchmarkComparison status) => status switch
    {
        BenchmarkComparison.Better => "Better",
        BenchmarkComparison.Similar => "Similar",
        BenchmarkComparison.Worse => "Worse",
        BenchmarkComparison.Higher => "Higher",
        BenchmarkComparison.Lower => "Lower",
        _ => "Not compared",
    };

    private static string Relation(BenchmarkComparison status) => status switch
    {
        BenchmarkComparison.Better => "better than",
        BenchmarkComparison.Similar => "similar to",
        BenchmarkComparison.Worse => "worse than",
        BenchmarkComparison.Higher => "higher than",
        BenchmarkComparison.Lower => "lower than",
        _ => "not compared with",
    };

    private static MarkerStyle Marker(bool areaOfInterest, double r) => areaOfInterest
        ? new MarkerStyle(MarkerShape.Diamond, Palette.Highlight, Palette.Text, 0.75, r * 1.3)
        : new MarkerStyle(MarkerShape.Circle, Palette.Muted, "#ffffff", 0.75, r);

    private static List<LegendItem> LegendItems(DotPlotSpec spec, bool hasCi)
    {
        var items = new List<LegendItem>();
        foreach (var row in spec.Rows.Where(r => r.IsAreaOfInterest).Take(1))
        {
            items.Add(new LegendItem(row.Label, "legend-area-of-interest", new LegendSwatch { Marker = Marker(true, 3.6) }));
        }

        if (spec.Rows.Any(r => !r.IsAreaOfInterest))
        {
            items.Add(new LegendItem(spec.OthersName, "legend-others", new LegendSwatch { Marker = Marker(false, 3.6) }));
        }

        if (hasCi)
        {
            items.Add(new LegendItem(spec.IntervalLabel, "legend-ci", new LegendSwatch { LineColour = Palette.Axis, LineWidth = 1 }));
        }

        if (ChartText.Finite(spec.Benchmark) is not null)
        {
            items.Add(new LegendItem(spec.BenchmarkName, "legend-benchmark", new LegendSwatch { LineColour = Palette.Text, LineWidth = 1.25, Dash = "5 2" }));
        }

        return items;
    }

    private static string Num(double v) => SvgWriter.Num(v);
}
