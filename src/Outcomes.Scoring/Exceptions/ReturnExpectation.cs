using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Exceptions;

/// <summary>A return an org unit owed for a period: its deadline and, if it came, when it was first submitted.</summary>
public sealed record ReturnExpectation(string OrgUnitCode, Period Period, DateOnly Deadline, DateTimeOffset? FirstSubmittedAt);
