using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Exceptions;

/// <summary>One exception for a board: what, where, and a sentence saying why it is listed.</summary>
/// <param name="MeasureCode">Null for a return as a whole (missing or late).</param>
public sealed record ScoreException(ExceptionKind Kind, string OrgUnitCode, string? MeasureCode, Period Period, string Explanation);
