namespace Outcomes.Reporting.Charts;

/// <summary>One period of a trend: its label, its value (null: a gap in the line) and optionally its interval.</summary>
/// <param name="Label">Period label, e.g. "2018/19" or "Q1 2025/26".</param>
/// <param name="Value">The value, or null where there is none (not due, suppressed, missing).</param>
/// <param name="Lower">Lower confidence limit (drawn as a whisker with <paramref name="Upper"/>).</param>
/// <param name="Upper">Upper confidence limit.</param>
public sealed record TrendPoint(string Label, double? Value, double? Lower = null, double? Upper = null);

/// <summary>A target line: one value throughout, or one per period (phased targets, trajectories) drawn as steps.</summary>
public sealed record TargetLine
{
    /// <summary>Legend and alt-text name.</summary>
    public string Name { get; init; } = "Target";

    /// <summary>The value for every period, when <see cref="PerPeriod"/> is null.</summary>
    public double? Constant { get; init; }

    /// <summary>The value per period (null: no target in that period).</summary>
    public IReadOnlyList<double?>? PerPeriod { get; init; }

    public static TargetLine Fixed(double value, string name = "Target") => new() { Constant = value, Name = name };

    public static TargetLine Phased(IReadOnlyList<double?> values, string name = "Target") => new() { PerPeriod = values, Name = name };

    internal double? At(int index) => ChartText.Finite(PerPeriod is null ? Constant : PerPeriod[index]);
}

/// <summary>A comparator series (England, region, statistical neighbours' average), drawn dashed with hollow squares.</summary>
/// <param name="Name">Legend and alt-text name, e.g. "England".</param>
/// <param name="Values">One value per period (null: none).</param>
public sealed record ComparatorSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>What a trend chart draws for one measure.</summary>
public sealed record TrendChartSpec
{
    /// <summary>The measure's name: the SVG's title and the start of the text alternative.</summary>
    public required string Title { get; init; }

    /// <summary>The periods in order, oldest first.</summary>
    public required IReadOnlyList<TrendPoint> Points { get; init; }

    /// <summary>Legend name of the measure's own series, e.g. the council or cluster.</summary>
    public string SeriesName { get; init; } = "Value";

    public ValueFormat Format { get; init; } = ValueFormat.Number(1);

    public TargetLine? Target { get; init; }

    public ComparatorSeries? Comparator { get; init; }

    /// <summary>SPC layer: limits, and points coloured and shaped by special cause.</summary>
    public SpcOverlay? Spc { get; init; }

    /// <summary>Legend label for the whiskers drawn from <see cref="TrendPoint.Lower"/>/<see cref="TrendPoint.Upper"/>.</summary>
    public string IntervalLabel { get; init; } = "95% confidence interval";

    public AxisOptions YAxis { get; init; } = AxisOptions.Default;

    public bool ShowLegend { get; init; } = true;
}
