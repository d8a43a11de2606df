using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Targets;

namespace Outcomes.Scoring.Rag;

/// <summary>The five-level scheme (see <see cref="FiveLevelStatus"/> for the bands).</summary>
public static partial class RagRater
{
    /// <summary>
    /// Rates a value under the five-level scheme: blue (meets stretch), green (meets target), amber-green (short by
    /// at most half the tolerance), amber-red (short by at most the tolerance), red. Grey cases are as <see cref="Rate(Measure, decimal?, string?, Target?, RagScheme)"/>.
    /// </summary>
    public static FiveLevelRating RateFiveLevel(Measure measure, decimal? actual, string? suppressionReason, Target? target)
    {
        if (Grey(measure, actual, suppressionReason, target) is { } grey)
        {
            return new FiveLevelRating(FiveLevelStatus.Grey, grey.Status, grey.Explanation);
        }

        var g = new Gauge(measure, target!, actual!.Value);
        var shortfall = g.Shortfall(g.Actual);
        if (shortfall <= 0)
        {
            return g.MeetsStretch(g.Actual)
                ? FiveLevel(FiveLevelStatus.Blue, BlueSentence(g, "Blue"))
                : FiveLevel(FiveLevelStatus.Green, GreenSentence(g, shortfall));
        }

        var tolerance = g.ToleranceAmount;
        if (shortfall <= tolerance / 2m)
        {
            return FiveLevel(FiveLevelStatus.AmberGreen,
                $"Amber-green: {g.Shown} is {g.Gap(shortfall)} {g.Side} the {g.TargetText} target, within half the tolerance of {g.ToleranceText}.");
        }

        return shortfall <= tolerance
            ? FiveLevel(FiveLevelStatus.AmberRed,
                $"Amber-red: {g.Shown} is {g.Gap(shortfall)} {g.Side} the {g.TargetText} target, within the tolerance of {g.ToleranceText} but not within half of it.")
            : FiveLevel(FiveLevelStatus.Red, RedSentence(g, shortfall));
    }

    private static FiveLevelRating FiveLevel(FiveLevelStatus status, string explanation) => new(status, status.ToRagStatus(), explanation);
}
