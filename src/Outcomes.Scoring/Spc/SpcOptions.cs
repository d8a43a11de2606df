using Outcomes.Domain.Frameworks;

namespace Outcomes.Scoring.Spc;

/// <summary>
/// Settings for an XmR chart (METHODS §3, NHS England "Making Data Count"). The defaults follow the R package
/// NHSRplotthedots: screening on, shift and trend of 7, limits from every point, no rebasing.
/// </summary>
public sealed record SpcOptions
{
    /// <summary>The smallest number of points limits may be fixed after (METHODS §3: N ≥ 12).</summary>
    public const int MinimumBaseline = 12;

    /// <summary>Limits from fewer points than this are "trial limits" (METHODS §3: fewer than 13 points).</summary>
    public const int TrialBelow = 13;

    /// <summary>Mean ± this × MR̄ gives the process limits.</summary>
    public const double LimitFactor = 2.66;

    /// <summary>Moving ranges at or above this × MR̄ are screened out before MR̄ is recomputed once.</summary>
    public const double ScreeningFactor = 3.267;

    /// <summary>Options with every default.</summary>
    public static SpcOptions Default { get; } = new();

    /// <summary>
    /// Which way is better: a high-side special cause is "improvement" for <see cref="Polarity.HigherIsBetter"/>, "concern"
    /// for <see cref="Polarity.LowerIsBetter"/>, and "neutral high" for <see cref="Polarity.NoJudgement"/>.
    /// </summary>
    public Polarity ImprovementDirection { get; init; } = Polarity.NoJudgement;

    /// <summary>The target for assurance (on the values' own scale), or null for none.</summary>
    public double? Target { get; init; }

    /// <summary>Drop moving ranges ≥ 3.267·MR̄ and recompute MR̄ once (on in NHSRplotthedots, off in the MDC Excel tool).</summary>
    public bool Screening { get; init; } = true;

    /// <summary>Points needed on one side of the mean for a shift (rule 2). At least 2.</summary>
    public int ShiftLength { get; init; } = 7;

    /// <summary>Points needed, each strictly above (or below) the one before, for a trend (rule 3). At least 2.</summary>
    public int TrendLength { get; init; } = 7;

    /// <summary>
    /// Fix each segment's mean and MR̄ on its first N non-missing points (N ≥ 12); null uses every point.
    /// </summary>
    public int? BaselinePoints { get; init; }

    /// <summary>
    /// Indexes (0-based, ascending, each between 1 and the series length − 1) where a new segment begins: each segment
    /// gets its own mean and limits, moving ranges and runs never cross a rebase.
    /// </summary>
    public IReadOnlyList<int> Rebases { get; init; } = [];

    /// <summary>Throws <see cref="ArgumentException"/> when the options cannot chart a series of this length.</summary>
    public void Validate(int length)
    {
        if (ShiftLength < 2 || TrendLength < 2)
        {
            throw new ArgumentException($"Shift and trend lengths must be at least 2 (shift {ShiftLength}, trend {TrendLength}).");
        }

        if (BaselinePoints is < MinimumBaseline)
        {
            throw new ArgumentException($"Limits can only be fixed after at least {MinimumBaseline} points (baseline {BaselinePoints}).");
        }

        var previous = 0;
        for (var i = 0; i < Rebases.Count; i++)
        {
            var at = Rebases[i];
            if (at <= previous || at >= length)
            {
                throw new ArgumentException($"Rebase indexes must ascend strictly between 1 and {length - 1} (got {at}).");
            }

            previous = at;
        }
    }
}
