namespace Outcomes.Domain.OrgUnits;

/// <summary>
/// An authority, cluster, centre or hub. Codes are unique across a deployment (e.g. "BRD", "BRD-C1", "BRD-C1-03").
/// A unit that closed or merged keeps its history; <see cref="SuccessorCode"/> names where that history now belongs.
/// </summary>
public sealed record OrgUnit(
    string Code,
    string Name,
    OrgUnitType Type,
    string AuthorityCode,
    string? GssCode = null,
    DateOnly? OpenedOn = null,
    DateOnly? ClosedOn = null,
    string? SuccessorCode = null)
{
    public bool IsOpenOn(DateOnly date) =>
        (OpenedOn is null || OpenedOn <= date) && (ClosedOn is null || ClosedOn >= date);
}

/// <summary>Which parent a unit had over a span of dates (open-ended when <see cref="To"/> is null).</summary>
public sealed record OrgUnitLink(string ChildCode, string ParentCode, DateOnly? From = null, DateOnly? To = null)
{
    public bool Covers(DateOnly date) => (From is null || From <= date) && (To is null || To >= date);
}
