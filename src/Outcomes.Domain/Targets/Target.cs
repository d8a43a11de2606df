namespace Outcomes.Domain.Targets;

public enum ToleranceKind
{
    /// <summary>Amber within this many units (percentage points for a percentage).</summary>
    Absolute,

    /// <summary>Amber within this percentage of the target.</summary>
    Relative,
}

public enum TargetSource
{
    National,
    Local,
    Stretch,
    AdvisoryBoard,
}

/// <summary>
/// A target for a measure. <see cref="OrgUnitCode"/> null is the framework default; a unit without its own
/// target inherits its nearest ancestor's. Applies to periods starting within [From, To].
/// </summary>
public sealed record Target
{
    public required string FrameworkCode { get; init; }

    public required string MeasureCode { get; init; }

    public string? OrgUnitCode { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public required decimal Value { get; init; }

    /// <summary>Blue (BRAG) when this is met.</summary>
    public decimal? Stretch { get; init; }

    public decimal Tolerance { get; init; }

    public ToleranceKind ToleranceKind { get; init; } = ToleranceKind.Absolute;

    public TargetSource Source { get; init; } = TargetSource.Local;

    public DateOnly? SetOn { get; init; }

    public string? SetBy { get; init; }

    /// <summary>
    /// How <see cref="Value"/> is spread over the year. Phased, the value is an annual total: a quarter's target is its
    /// share, and a cumulative (year-to-date) measure's is the sum of the shares so far. Only counts and money are
    /// phased; a percentage or rate target applies in every quarter as it stands.
    /// </summary>
    public TargetPhasing Phasing { get; init; } = TargetPhasing.None;

    /// <summary>The shares for <see cref="TargetPhasing.Profile"/> (4 quarters or 12 months); null otherwise.</summary>
    public PhasingProfile? Profile { get; init; }

    /// <summary>
    /// Where a trajectory starts: the value measured at <see cref="BaselineDate"/>. With <see cref="BaselineDate"/> and
    /// <see cref="TargetDate"/> it makes the target move in a straight line from this to <see cref="Value"/>.
    /// </summary>
    public decimal? BaselineValue { get; init; }

    /// <summary>When <see cref="BaselineValue"/> was measured (the trajectory's start).</summary>
    public DateOnly? BaselineDate { get; init; }

    /// <summary>When <see cref="Value"/> is to be reached; the target holds at <see cref="Value"/> after it.</summary>
    public DateOnly? TargetDate { get; init; }

    /// <summary>
    /// Judge the whole confidence interval, not only the point value, against the target: green only when the
    /// whole interval meets it, red only when the whole interval misses by more than the tolerance.
    /// </summary>
    public bool UseConfidenceInterval { get; init; }

    /// <summary>True when baseline value, baseline date and target date are all set and the target date is later.</summary>
    public bool HasTrajectory => BaselineValue is not null && BaselineDate is { } from && TargetDate is { } to && to > from;

    public bool AppliesOn(DateOnly date) => (From is null || From <= date) && (To is null || To >= date);
}
