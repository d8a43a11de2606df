using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Exceptions;

/// <summary>A value flagged against its own history when it was imported (modified z-score, METHODS §5), with the finding's words.</summary>
/// <param name="Withheld">True when the finding's words quote a figure withheld by disclosure control (the value, or one it was judged against).</param>
public sealed record OutlierFlag(string OrgUnitCode, string MeasureCode, Period Period, string Detail, bool HasCommentary, bool Withheld = false);
