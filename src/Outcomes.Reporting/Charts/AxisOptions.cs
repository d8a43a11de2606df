namespace Outcomes.Reporting.Charts;

/// <summary>How a value axis chooses its range and ticks.</summary>
public sealed record AxisOptions
{
    public static AxisOptions Default { get; } = new();

    /// <summary>Fixed lower end; null: from the data, widened to a nice number.</summary>
    public double? Min { get; init; }

    /// <summary>Fixed upper end; null: from the data, widened to a nice number.</summary>
    public double? Max { get; init; }

    /// <summary>Stretch the range to include zero.</summary>
    public bool IncludeZero { get; init; }

    /// <summary>Never go below 0 or above 100 (for percentages whose nice range would otherwise reach 110%).</summary>
    public bool ClampPercent { get; init; }

    /// <summary>Most ticks to aim for; fewer are used when the axis is short.</summary>
    public int MaxTicks { get; init; } = 6;

    /// <summary>Optional axis title, drawn horizontally above the axis (not rotated, so it reads in print).</summary>
    public string? Title { get; init; }
}
