namespace Outcomes.Scoring.Baselines;

/// <summary>
/// The change from a baseline: <see cref="Absolute"/> in the measure's units (percentage points for a percentage),
/// <see cref="Percent"/> relative to the baseline (null when the baseline is zero, or there is no current value), the
/// polarity-aware <see cref="Outcome"/> and the sentence.
/// </summary>
public sealed record BaselineChange(decimal? Absolute, decimal? Percent, BaselineOutcome Outcome, string Explanation);
