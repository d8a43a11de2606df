namespace Outcomes.Reporting.BoardPack;

/// <summary>
/// One measure's page in a pack: its trend chart (target, England, SPC limits and special causes, confidence
/// intervals) as SVG with a text alternative, the sentences scoring wrote, and the values behind the chart.
/// </summary>
public sealed record MeasureDetail
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>The chart as an SVG element, or empty when there are fewer than two values to draw.</summary>
    public required string ChartSvg { get; init; }

    /// <summary>What the chart shows, in a sentence (also the SVG's own description).</summary>
    public required string ChartAlt { get; init; }

    public required string Explanation { get; init; }

    public required string SpcExplanation { get; init; }

    public required string RecentTrendText { get; init; }

    public required IReadOnlyList<MeasureDetailRow> Rows { get; init; }
}

/// <summary>A period's line in a measure's values table.</summary>
public sealed record MeasureDetailRow(string PeriodKey, string ActualText, string TargetText, string StatusLetter, string StatusClass, string EnglandText);
