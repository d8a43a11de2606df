using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Targets;

namespace Outcomes.Scoring.Rag;

/// <summary>
/// Judging the whole confidence interval against the target, for targets with <see cref="Target.UseConfidenceInterval"/>.
/// With "shortfall" measured in the good direction (below the target for higher-is-better, above it for lower):
/// <list type="bullet">
/// <item>green: the whole interval meets the target (higher-is-better: lower bound ≥ target; lower-is-better: upper bound ≤ target);</item>
/// <item>red: the whole interval misses by more than the tolerance (higher: upper bound &lt; target − tolerance; lower: lower bound &gt; target + tolerance);</item>
/// <item>amber otherwise; the five-level scheme calls it amber-green when the interval includes the target (it may
/// have been met) and amber-red when the whole interval falls short but reaches within the tolerance;</item>
/// <item>blue (BRAG and five-level): the whole interval meets the stretch target.</item>
/// </list>
/// Bounds are compared as printed (rounded to the measure's decimals), as values are.
/// </summary>
public static partial class RagRater
{
    /// <summary>
    /// Rates with the confidence interval when the target asks for it (<see cref="Target.UseConfidenceInterval"/>) and both
    /// bounds are known; otherwise exactly as <see cref="Rate(Measure, decimal?, string?, Target?, RagScheme)"/>, saying so
    /// when the target asked for an interval that could not be had. Under <see cref="RagScheme.FiveLevel"/> the status is the
    /// five-level one mapped to RAG.
    /// </summary>
    public static RagRating Rate(
        Measure measure, decimal? actual, decimal? lowerCi, decimal? upperCi, string? suppressionReason, Target? target, RagScheme scheme)
    {
        if (scheme == RagScheme.FiveLevel)
        {
            return RateFiveLevel(measure, actual, lowerCi, upperCi, suppressionReason, target).ToRagRating();
        }

        if (target?.UseConfidenceInterval != true || Grey(measure, actual, suppressionReason, target) is not null)
        {
            return Rate(measure, actual, suppressionReason, target, scheme);
        }

        if (lowerCi is null || upperCi is null)
        {
            var point = Rate(measure, actual, suppressionReason, target, scheme);
            return point with { Explanation = point.Explanation + NoIntervalNote };
        }

        var five = RateInterval(measure, actual!.Value, lowerCi.Value, upperCi.Value, target, scheme == RagScheme.Brag, fiveLevel: false);
        return five.ToRagRating();
    }

    /// <summary>
    /// The five-level scheme judged on the whole confidence interval when the target asks for it and both bounds are known;
    /// otherwise exactly as <see cref="RateFiveLevel(Measure, decimal?, string?, Target?)"/>.
    /// </summary>
    public static FiveLevelRating RateFiveLevel(
        Measure measure, decimal? actual, decimal? lowerCi, decimal? upperCi, string? suppressionReason, Target? target)
    {
        if (target?.UseConfidenceInterval != true || Grey(measure, actual, suppressionReason, target) is not null)
        {
            return RateFiveLevel(measure, actual, suppressionReason, target);
        }

        if (lowerCi is null || upperCi is null)
        {
            var point = RateFiveLevel(measure, actual, suppressionReason, target);
            return point with { Explanation = point.Explanation + NoIntervalNote };
        }

        return RateInterval(measure, actual!.Value, lowerCi.Value, upperCi.Value, target, blue: true, fiveLevel: true);
    }

    private const string NoIntervalNote = " The target is judged on the confidence interval, but none could be calculated, so the value alone was judged.";

    private static FiveLevelRating RateInterval(Measure measure, decimal actual, decimal lowerCi, decimal upperCi, Target target, bool blue, bool fiveLevel)
    {
        var g = new Gauge(measure, target, actual);
        var lower = OfficialRounding.Round(Math.Min(lowerCi, upperCi), measure.Decimals);
        var upper = OfficialRounding.Round(Math.Max(lowerCi, upperCi), measure.Decimals);

        // The bound nearest the target's bad side decides "whole interval meets"; the other decides "whole interval misses".
        var (nearGood, nearBad) = g.Higher ? (lower, upper) : (upper, lower);
        var worstShortfall = g.Shortfall(nearGood);
        var bestShortfall = g.Shortfall(nearBad);
        var shortfall = g.Shortfall(g.Actual);
        var shown = $"{g.Shown} (confidence interval {g.Value(lower)} to {g.Value(upper)})";

        if (worstShortfall <= 0)
        {
            if (blue && g.MeetsStretch(nearGood))
            {
                return FiveLevel(FiveLevelStatus.Blue,
                    $"Blue: {shown} meets the stretch target of {g.StretchText} across the whole interval (target {g.TargetText}).");
            }

            return FiveLevel(FiveLevelStatus.Green, $"Green: {shown} {g.Relation(shortfall)} the {g.TargetText} target, and so does the whole interval.");
        }

        if (bestShortfall > g.ToleranceAmount)
        {
            return FiveLevel(FiveLevelStatus.Red,
                $"Red: {shown} {g.Relation(shortfall)} the {g.TargetText} target, and the whole interval is more than {g.ToleranceText} {g.Side} it.");
        }

        if (bestShortfall <= 0)
        {
            var label = fiveLevel ? FiveLevelStatus.AmberGreen.Label() : "Amber";
            return FiveLevel(FiveLevelStatus.AmberGreen,
                $"{label}: {shown} {g.Relation(shortfall)} the {g.TargetText} target, but the interval includes the target, so it cannot be said whether it was met.");
        }

        var amberRed = fiveLevel ? FiveLevelStatus.AmberRed.Label() : "Amber";
        return FiveLevel(FiveLevelStatus.AmberRed,
            $"{amberRed}: {shown} {g.Relation(shortfall)} the {g.TargetText} target; the whole interval is {g.Side} it, but reaches within the tolerance of {g.ToleranceText}.");
    }
}
