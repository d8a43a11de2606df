using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Gaps;

/// <summary>One value of a series; null when there is none (not returned, suppressed).</summary>
public readonly record struct PeriodValue(Period Period, decimal? Value);
