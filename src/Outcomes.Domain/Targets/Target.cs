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

    public bool AppliesOn(DateOnly date) => (From is null || From <= date) && (To is null || To >= date);
}
