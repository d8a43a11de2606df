namespace Outcomes.Reporting.Charts;

/// <summary>The unit a chart's width and height are given in.</summary>
public enum ChartUnit
{
    /// <summary>CSS pixels (1/96 inch).</summary>
    Px,

    /// <summary>Millimetres, for print layouts.</summary>
    Mm,
}

/// <summary>
/// How big the caller wants a chart. The SVG's width and height carry the unit; its viewBox is in CSS pixels, so
/// font sizes and strokes mean the same on screen and on paper whatever the chart's size.
/// </summary>
public readonly record struct ChartSize
{
    /// <summary>CSS pixels per millimetre (96 per inch).</summary>
    public const double PxPerMm = 96 / 25.4;

    private ChartSize(double width, double height, ChartUnit unit)
    {
        if (!(double.IsFinite(width) && width > 0) || !(double.IsFinite(height) && height > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A chart needs a positive width and height (got {width} x {height}).");
        }

        Width = width;
        Height = height;
        Unit = unit;
    }

    public double Width { get; }

    public double Height { get; }

    public ChartUnit Unit { get; }

    /// <summary>Width in CSS pixels (the viewBox width).</summary>
    public double WidthPx => Unit == ChartUnit.Mm ? Width * PxPerMm : Width;

    /// <summary>Height in CSS pixels (the viewBox height).</summary>
    public double HeightPx => Unit == ChartUnit.Mm ? Height * PxPerMm : Height;

    public static ChartSize Px(double width, double height) => new(width, height, ChartUnit.Px);

    public static ChartSize Mm(double width, double height) => new(width, height, ChartUnit.Mm);

    /// <summary>The width attribute: "640" (px) or "170mm".</summary>
    internal string WidthAttribute => SvgWriter.Num(Width) + (Unit == ChartUnit.Mm ? "mm" : string.Empty);

    /// <summary>The height attribute: "320" (px) or "85mm".</summary>
    internal string HeightAttribute => SvgWriter.Num(Height) + (Unit == ChartUnit.Mm ? "mm" : string.Empty);
}
