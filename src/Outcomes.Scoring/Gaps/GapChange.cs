using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Gaps;

/// <summary>
/// How the gap moved from one period to another. <see cref="Change"/> is the change in its size (negative: narrower),
/// null when not comparable. <see cref="From"/> is null when there was no earlier period to compare with.
/// </summary>
public sealed record GapChange(Period? From, Period To, decimal? FromGap, decimal? ToGap, decimal? Change, GapTrend Trend, string Explanation);
