using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Exceptions;

/// <summary>
/// A return an org unit owed for a period: its deadline and, if it came, when it was first submitted. With a name, the
/// exception says "Keighley cluster (BRD-CL1)" rather than the code alone.
/// </summary>
public sealed record ReturnExpectation(string OrgUnitCode, Period Period, DateOnly Deadline, DateTimeOffset? FirstSubmittedAt, string? OrgUnitName = null)
{
    /// <summary>"Keighley cluster (BRD-CL1)", or the code when there is no name.</summary>
    public string Who => string.IsNullOrWhiteSpace(OrgUnitName) ? OrgUnitCode : $"{OrgUnitName} ({OrgUnitCode})";
}
