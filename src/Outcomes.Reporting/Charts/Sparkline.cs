namespace Outcomes.Reporting.Charts;

/// <summary>What a sparkline draws.</summary>
public sealed record SparklineSpec
{
    /// <summary>What the line is of, e.g. "Re-referrals"; the SVG's title and the start of its text alternative.</summary>
    public required string Title { get; init; }

    /// <summary>Values oldest first; null is a gap.</summary>
    public required IReadOnlyList<double?> Values { get; init; }

    /// <summary>Period labels (one per value) for the text alternative; optional.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    public ValueFormat Format { get; init; } = ValueFormat.Number(1);

    /// <summary>Line colour; null: currentColor, so the line takes the surrounding text's colour.</summary>
    public string? Colour { get; init; }
}

/// <summary>A word-sized trend line with the latest value marked by a dot; no axes. Gaps break the line.</summary>
public static class Sparkline
{
    public static ChartSvg Render(SparklineSpec spec, ChartSize size, ChartStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Labels is not null && spec.Labels.Count != spec.Values.Count)
        {
            throw new ArgumentException($"Labels has {spec.Labels.Count} entries for {spec.Values.Count} values; give one per value.", nameof(spec));
        }

        style ??= ChartStyle.Default;
        var values = spec.Values.Select(ChartText.Finite).ToList();
        var alt = Describe(spec, values);
        var width = size.WidthPx;
        var height = size.HeightPx;
        var colour = spec.Colour ?? "currentColor";
        var r = Math.Clamp(height / 7, 1.2, 2.5);
        var pad = r + 0.75;
        var n = values.Count;
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var x = n <= 1 ? new LinearScale(0, 0, pad, width - pad) : new LinearScale(0, n - 1, pad, width - pad);
        var y = present.Count == 0 ? new LinearScale(0, 0, height - pad, pad) : new LinearScale(present.Min(), present.Max(), height - pad, pad);

        var id = style.Id ?? SvgWriter.StableId("sparkline", $"{spec.Title}|{alt}|{SvgWriter.Num(width)}x{SvgWriter.Num(height)}");
        var svg = new SvgWriter();
        svg.Begin("chart sparkline", size, id, spec.Title, alt, style.FontSize);
        foreach (var run in Runs.Of(values).Where(run => run.Last > run.First))
        {
            svg.Polyline(Enumerable.Range(run.First, run.Last - run.First + 1).Select(i => (x.Map(i), y.Map(values[i]!.Value))), "sparkline-line", colour, 1.5);
        }

        var last = values.FindLastIndex(v => v is not null);
        for (var i = 0; i < n; i++)
        {
            // A value with no neighbour would be invisible without a mark; the latest value is always marked.
            var isolated = values[i] is not null && (i == 0 || values[i - 1] is null) && (i == n - 1 || values[i + 1] is null);
            if (i == last || isolated)
            {
                svg.Marker(
                    new MarkerStyle(MarkerShape.Circle, colour, "none", 0, i == last ? r : r * 0.7),
                    x.Map(i),
                    y.Map(values[i]!.Value),
                    i == last ? "last-point" : "isolated-point");
            }
        }

        return new ChartSvg(svg.End(), alt);
    }

    internal static string Describe(SparklineSpec spec, List<double?> values)
    {
        var present = Enumerable.Range(0, values.Count).Where(i => values[i] is not null).ToList();
        if (present.Count == 0)
        {
            return ChartText.Sentence($"{spec.Title}: no values", []);
        }

        var first = present[0];
        var last = present[^1];
        var labels = spec.Labels;
        if (first == last)
        {
            return ChartText.Sentence(labels is null ? $"{spec.Title}: {spec.Format.Format(values[last]!.Value)}" : $"{spec.Title}, {labels[last]}: {spec.Format.Format(values[last]!.Value)}", []);
        }

        var change = ChartText.Change(values[first]!.Value, values[last]!.Value, spec.Format);
        return labels is null
            ? ChartText.Sentence($"{spec.Title}: {change} over {values.Count} periods", [])
            : ChartText.Sentence($"{spec.Title}, {labels[first]} to {labels[last]}: {change}", []);
    }
}
