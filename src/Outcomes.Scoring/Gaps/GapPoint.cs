using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Gaps;

/// <summary>
/// Both groups' values in one period, rounded as printed, and the gap <see cref="Gap"/> = A − B (null when either is
/// missing); <see cref="Size"/> is its magnitude. <see cref="Explanation"/> says who is ahead and by how much.
/// </summary>
public sealed record GapPoint(Period Period, decimal? A, decimal? B, string Explanation)
{
    public decimal? Gap => A is { } a && B is { } b ? a - b : null;

    public decimal? Size => Gap is { } g ? Math.Abs(g) : null;
}
