namespace Outcomes.Scoring.Gaps;

/// <summary>
/// A group's values of one measure through time: "boys", "the 30% most disadvantaged areas". The label is written as it
/// should read inside a sentence (lower case unless a name).
/// </summary>
public sealed record GroupSeries(string Label, IReadOnlyList<PeriodValue> Values);
