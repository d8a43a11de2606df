namespace Outcomes.Reporting.Charts;

/// <summary>Presentation settings shared by every chart.</summary>
public sealed record ChartStyle
{
    public static ChartStyle Default { get; } = new();

    /// <summary>Text size in CSS pixels (11px is about 8pt on paper). Text is real SVG text in the page's font.</summary>
    public double FontSize { get; init; } = 11;

    /// <summary>
    /// The id the SVG's title and description are named by (for aria-labelledby). Null: derived from the chart's
    /// content, so it is stable from run to run; set it when one page holds two charts with the same content.
    /// </summary>
    public string? Id { get; init; }
}

/// <summary>An SVG chart and its text alternative (the same sentence as the SVG's &lt;desc&gt;), for the HTML around it.</summary>
/// <param name="Svg">The &lt;svg&gt; element, ready to inline in HTML.</param>
/// <param name="AltText">One or two sentences that say what the chart shows.</param>
public sealed record ChartSvg(string Svg, string AltText)
{
    public override string ToString() => Svg;
}
