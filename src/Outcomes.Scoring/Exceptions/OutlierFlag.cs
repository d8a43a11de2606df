using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Exceptions;

/// <summary>A value flagged against its own history when it was imported (modified z-score, METHODS §5), with the finding's words.</summary>
public sealed record OutlierFlag(string OrgUnitCode, string MeasureCode, Period Period, string Detail, bool HasCommentary);
