namespace Outcomes.Reporting.Charts;

/// <summary>What a legend entry shows beside its label: a line sample (with its dash), a marker, a box or a whisker.</summary>
internal sealed record LegendSwatch
{
    public string? LineColour { get; init; }

    public double LineWidth { get; init; } = 1.5;

    public string? Dash { get; init; }

    public MarkerStyle? Marker { get; init; }

    public string? BoxFill { get; init; }

    public string? WhiskerColour { get; init; }
}

internal sealed record LegendItem(string Label, string CssClass, LegendSwatch Swatch);

/// <summary>Legend entries placed in rows that wrap to the chart's width.</summary>
internal sealed record LegendLayout(IReadOnlyList<(LegendItem Item, double X, int Row)> Placed, int Rows, double RowHeight)
{
    public double Height => Rows * RowHeight;
}

internal static class Legend
{
    private const double SwatchWidth = 26;
    private const double SwatchGap = 5;

    public static LegendLayout Layout(IReadOnlyList<LegendItem> items, double width, double fontSize)
    {
        var spacing = fontSize * 1.4;
        var placed = new List<(LegendItem, double, int)>();
        double x = 0;
        var row = 0;
        foreach (var item in items)
        {
            var itemWidth = SwatchWidth + SwatchGap + TextMetrics.Width(item.Label, fontSize);
            if (x > 0 && x + itemWidth > width)
            {
                row++;
                x = 0;
            }

            placed.Add((item, x, row));
            x += itemWidth + spacing;
        }

        return new LegendLayout(placed, items.Count == 0 ? 0 : row + 1, fontSize * 1.55);
    }

    public static void Draw(SvgWriter svg, LegendLayout layout, double left, double top, double fontSize)
    {
        if (layout.Rows == 0)
        {
            return;
        }

        svg.BeginGroup("legend");
        foreach (var (item, dx, row) in layout.Placed)
        {
            var x = left + dx;
            var cy = top + (row * layout.RowHeight) + (layout.RowHeight / 2);
            svg.BeginGroup("legend-item " + item.CssClass);
            var s = item.Swatch;
            if (s.BoxFill is not null)
            {
                svg.Rect(x, cy - (fontSize * 0.4), SwatchWidth, fontSize * 0.8, "legend-swatch", s.BoxFill, Palette.Axis, 0.5);
            }

            if (s.LineColour is not null)
            {
                svg.Line(x, cy, x + SwatchWidth, cy, "legend-swatch", s.LineColour, s.LineWidth, s.Dash);
            }

            if (s.WhiskerColour is not null)
            {
                var mid = x + (SwatchWidth / 2);
                var h = fontSize * 0.45;
                svg.Path(
                    $"M{SvgWriter.Num(mid)},{SvgWriter.Num(cy - h)}V{SvgWriter.Num(cy + h)}M{SvgWriter.Num(mid - 3)},{SvgWriter.Num(cy - h)}H{SvgWriter.Num(mid + 3)}M{SvgWriter.Num(mid - 3)},{SvgWriter.Num(cy + h)}H{SvgWriter.Num(mid + 3)}",
                    "legend-swatch",
                    null,
                    s.WhiskerColour);
            }

            if (s.Marker is not null)
            {
                svg.Marker(s.Marker, x + (SwatchWidth / 2), cy, "legend-marker");
            }

            svg.Text(x + SwatchWidth + SwatchGap, cy, item.Label, "legend-label", dy: "0.35em");
            svg.EndGroup();
        }

        svg.EndGroup();
    }
}
