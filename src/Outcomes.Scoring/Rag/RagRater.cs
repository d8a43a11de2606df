using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Scores;
using Outcomes.Domain.Targets;

namespace Outcomes.Scoring.Rag;

/// <summary>
/// Rates an actual value against its target, polarity-aware, with an amber tolerance that is either
/// absolute (percentage points for a percentage) or relative (% of the target). Under BRAG a value that
/// meets the stretch target is blue. Comparison uses values rounded to the measure's decimals, as printed.
/// </summary>
public static class RagRater
{
    public static RagRating Rate(Measure measure, decimal? actual, string? suppressionReason, Target? target, RagScheme scheme)
    {
        if (suppressionReason is not null)
        {
            return new RagRating(RagStatus.Grey, $"Grey: no value ({SuppressionText(suppressionReason)}).");
        }

        if (actual is null)
        {
            return new RagRating(RagStatus.Grey, "Grey: no value was returned.");
        }

        var shown = MeasureValueFormatter.Value(measure, actual.Value);
        if (measure.Polarity == Polarity.NoJudgement)
        {
            return new RagRating(RagStatus.Grey, $"Grey: {shown}; this measure is monitored without a judgement of better or worse.");
        }

        if (target is null)
        {
            return new RagRating(RagStatus.Grey, $"Grey: {shown}; no target is set.");
        }

        var a = OfficialRounding.Round(actual.Value, measure.Decimals);
        var t = target.Value;
        var higher = measure.Polarity == Polarity.HigherIsBetter;
        var shortfall = higher ? t - a : a - t;
        var targetText = MeasureValueFormatter.Value(measure, t);
        var toleranceAmount = target.ToleranceKind == ToleranceKind.Absolute ? target.Tolerance : Math.Abs(t) * target.Tolerance / 100m;
        var toleranceText = target.ToleranceKind == ToleranceKind.Absolute
            ? MeasureValueFormatter.Difference(measure, target.Tolerance)
            : $"{OfficialRounding.Format(target.Tolerance, 1)}% of target";

        if (shortfall <= 0)
        {
            if (scheme == RagScheme.Brag && target.Stretch is { } stretch && (higher ? a >= stretch : a <= stretch))
            {
                return new RagRating(RagStatus.Blue, $"Blue: {shown} meets the stretch target of {MeasureValueFormatter.Value(measure, stretch)} (target {targetText}).");
            }

            var margin = shortfall == 0 ? "meets" : $"is {MeasureValueFormatter.Difference(measure, shortfall)} {(higher ? "above" : "below")}";
            return new RagRating(RagStatus.Green, $"Green: {shown} {margin} the {targetText} target.");
        }

        var side = higher ? "below" : "above";
        var gap = MeasureValueFormatter.Difference(measure, shortfall);
        return shortfall <= toleranceAmount
            ? new RagRating(RagStatus.Amber, $"Amber: {shown} is {gap} {side} the {targetText} target, within the tolerance of {toleranceText}.")
            : new RagRating(RagStatus.Red, $"Red: {shown} is {gap} {side} the {targetText} target (amber within {toleranceText}).");
    }

    public static string SuppressionText(string reason) => reason.Trim().ToLowerInvariant() switch
    {
        "c" => "c: suppressed to protect confidentiality",
        "x" => "x: not available",
        "z" => "z: not applicable",
        "u" => "u: low reliability",
        "low" => "low: rounds to zero",
        ":" => ": not available",
        ".." => "..: not available",
        var other => other,
    };
}
