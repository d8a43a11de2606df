using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Scores;
using Outcomes.Domain.Targets;

namespace Outcomes.Scoring.Rag;

/// <summary>
/// Rates an actual value against its target, polarity-aware, with an amber tolerance that is either
/// absolute (percentage points for a percentage) or relative (% of the target). Under BRAG a value that
/// meets the stretch target is blue. Comparison uses values rounded to the measure's decimals, as printed.
/// The five-level scheme is <see cref="RateFiveLevel(Measure, decimal?, string?, Target?)"/>; judging a whole
/// confidence interval is the overload that takes the interval's bounds.
/// </summary>
public static partial class RagRater
{
    /// <summary>
    /// Rates the point value under RAG or BRAG. <see cref="RagScheme.FiveLevel"/> is rated here as plain RAG, as it always
    /// was; the five-level judgement is <see cref="RateFiveLevel(Measure, decimal?, string?, Target?)"/>, and the overload
    /// that takes confidence-interval bounds honours every scheme.
    /// </summary>
    public static RagRating Rate(Measure measure, decimal? actual, string? suppressionReason, Target? target, RagScheme scheme)
    {
        if (Grey(measure, actual, suppressionReason, target) is { } grey)
        {
            return grey;
        }

        var g = new Gauge(measure, target!, actual!.Value);
        var shortfall = g.Shortfall(g.Actual);
        if (shortfall <= 0)
        {
            if (scheme == RagScheme.Brag && g.MeetsStretch(g.Actual))
            {
                return new RagRating(RagStatus.Blue, BlueSentence(g, "Blue"));
            }

            return new RagRating(RagStatus.Green, GreenSentence(g, shortfall));
        }

        return shortfall <= g.ToleranceAmount
            ? new RagRating(RagStatus.Amber, $"Amber: {g.Shown} is {g.Gap(shortfall)} {g.Side} the {g.TargetText} target, within the tolerance of {g.ToleranceText}.")
            : new RagRating(RagStatus.Red, RedSentence(g, shortfall));
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

    /// <summary>The grey rating when there is nothing to judge (suppressed, missing, no judgement, no target); else null.</summary>
    private static RagRating? Grey(Measure measure, decimal? actual, string? suppressionReason, Target? target)
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

        return target is null ? new RagRating(RagStatus.Grey, $"Grey: {shown}; no target is set.") : null;
    }

    private static string BlueSentence(Gauge g, string label) =>
        $"{label}: {g.Shown} meets the stretch target of {g.StretchText} (target {g.TargetText}).";

    private static string GreenSentence(Gauge g, decimal shortfall) =>
        $"Green: {g.Shown} {g.Relation(shortfall)} the {g.TargetText} target.";

    private static string RedSentence(Gauge g, decimal shortfall) =>
        $"Red: {g.Shown} is {g.Gap(shortfall)} {g.Side} the {g.TargetText} target (amber within {g.ToleranceText}).";

    /// <summary>
    /// A value (rounded as printed) held against a target, with the words every scheme's sentence uses.
    /// "Shortfall" is how far a value falls short of the target in the measure's good direction (negative: beyond it).
    /// </summary>
    private readonly record struct Gauge(Measure Measure, Target Target, decimal RawActual)
    {
        public decimal Actual => OfficialRounding.Round(RawActual, Measure.Decimals);

        public string Shown => MeasureValueFormatter.Value(Measure, RawActual);

        public bool Higher => Measure.Polarity == Polarity.HigherIsBetter;

        /// <summary>"below" for higher-is-better (a shortfall lies below the target), "above" for lower-is-better.</summary>
        public string Side => Higher ? "below" : "above";

        public string TargetText => MeasureValueFormatter.Value(Measure, Target.Value);

        public string StretchText => Target.Stretch is { } s ? MeasureValueFormatter.Value(Measure, s) : string.Empty;

        /// <summary>The tolerance in the measure's units: as written when absolute, else that percentage of the target.</summary>
        public decimal ToleranceAmount => Target.ToleranceKind == ToleranceKind.Absolute ? Target.Tolerance : Math.Abs(Target.Value) * Target.Tolerance / 100m;

        public string ToleranceText => Target.ToleranceKind == ToleranceKind.Absolute
            ? MeasureValueFormatter.Difference(Measure, Target.Tolerance)
            : $"{OfficialRounding.Format(Target.Tolerance, 1)}% of target";

        public decimal Shortfall(decimal value) => Higher ? Target.Value - value : value - Target.Value;

        public bool MeetsStretch(decimal value) => Target.Stretch is { } s && (Higher ? value >= s : value <= s);

        public string Gap(decimal shortfall) => MeasureValueFormatter.Difference(Measure, shortfall);

        /// <summary>"meets", "is 2.0 points above" or "is 2.0 points below": the value's place beside the target.</summary>
        public string Relation(decimal shortfall) => shortfall == 0
            ? "meets"
            : $"is {Gap(shortfall)} {((shortfall < 0) == Higher ? "above" : "below")}";

        public string Value(decimal value) => MeasureValueFormatter.Value(Measure, value);
    }
}
