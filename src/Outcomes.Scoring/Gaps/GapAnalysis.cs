namespace Outcomes.Scoring.Gaps;

/// <summary>
/// The gap between two groups: every period's gap, the current one, its change since the base period and since the
/// latest earlier period with both values, and the sentence to print (the change since the base when it can be given,
/// else since the previous period, else the current gap alone).
/// </summary>
public sealed record GapAnalysis(
    IReadOnlyList<GapPoint> Points, GapPoint Current, GapChange SinceBase, GapChange SincePrevious, string Explanation);
