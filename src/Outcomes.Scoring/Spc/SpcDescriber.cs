using Outcomes.Domain.Frameworks;

namespace Outcomes.Scoring.Spc;

/// <summary>
/// Plain-English sentences for an XmR chart (METHODS §3), e.g. "Special cause of concern: the last 7 quarters are all
/// below the average of 64.2%." or "Common cause variation; the target of 70% lies inside the process limits (hit and
/// miss)." followed, for trial limits, by "Trial limits: only 9 quarters.". <see cref="Defer"/> keeps only the facts a
/// sentence needs and words it when read, so charting a national data set costs no strings.
/// </summary>
public static class SpcDescriber
{
    /// <summary>The variation (and assurance) sentence, then the trial-limits note when there is one.</summary>
    public static string Describe(ReadOnlySpan<double> values, ReadOnlySpan<SpcPoint> points, in SpcSummary summary, SpcOptions options, SpcTextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return Describe(SpcSentenceFacts.Of(values, points, summary, options), style);
    }

    /// <summary>The same sentence from the facts it needs, so it can be worded long after the chart's buffers are reused.</summary>
    public static string Describe(in SpcSentenceFacts facts, SpcTextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var main = Variation(facts, style);
        return facts.HasLimits && facts.IsTrial ? $"{main} Trial limits: only {style.Count(facts.Points)}." : main;
    }

    /// <summary>The sentence, worded the first time it is read.</summary>
    public static DeferredText Defer(ReadOnlySpan<double> values, ReadOnlySpan<SpcPoint> points, in SpcSummary summary, SpcOptions options, SpcTextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return new SpcSentence(SpcSentenceFacts.Of(values, points, summary, options), style);
    }

    /// <summary>"Trial limits: only 9 quarters." when the latest segment has 2–12 points; otherwise null.</summary>
    public static string? TrialNote(in SpcSummary summary, SpcTextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return summary.Latest.HasLimits && summary.IsTrial ? $"Trial limits: only {style.Count(summary.Latest.Points)}." : null;
    }

    private static string Variation(in SpcSentenceFacts facts, SpcTextStyle style)
    {
        if (!facts.HasValues)
        {
            return "No values to chart.";
        }

        if (!facts.HasLimits)
        {
            return facts.Points < 2
                ? $"Not enough data for process limits: only {style.Count(facts.Points)}."
                : $"Not enough data for process limits: no two consecutive {style.Plural} without a gap.";
        }

        var assurance = AssuranceClause(facts.Assurance, facts.Target, facts.Direction, style);
        if (facts.Variation == SpcVariation.CommonCause)
        {
            return assurance is null
                ? $"Common cause variation: the latest value of {style.Format(facts.LastValue)} lies within the process limits of {style.Format(facts.Lower)} to {style.Format(facts.Upper)}."
                : $"Common cause variation; {assurance}.";
        }

        var reason = Reason(facts, style);
        var head = facts.Variation switch
        {
            SpcVariation.SpecialCauseImprovement => "Special cause of improvement",
            SpcVariation.SpecialCauseConcern => "Special cause of concern",
            SpcVariation.SpecialCauseNeutralHigh => "Special cause variation (high)",
            _ => "Special cause variation (low)",
        };
        return assurance is null ? $"{head}: {reason}." : $"{head}: {reason}; {assurance}.";
    }

    private static string Reason(in SpcSentenceFacts facts, SpcTextStyle style)
    {
        var x = facts.LastValue;
        var rules = facts.LastRules;
        if ((rules & SpcRules.OutsideLimits) != 0)
        {
            return x > facts.Upper
                ? $"the latest value of {style.Format(x)} is above the upper process limit of {style.Format(facts.Upper)}"
                : $"the latest value of {style.Format(x)} is below the lower process limit of {style.Format(facts.Lower)}";
        }

        if ((rules & SpcRules.Shift) != 0)
        {
            return $"the last {style.Count(facts.Run)} are all {(x > facts.Mean ? "above" : "below")} the average of {style.Format(facts.Mean)}";
        }

        if ((rules & SpcRules.Trend) != 0)
        {
            return $"each of the last {style.Count(facts.Run)} has been {(facts.Rising ? "higher" : "lower")} than the one before";
        }

        return x > facts.Mean
            ? $"two of the last three {style.Plural} are close to the upper process limit of {style.Format(facts.Upper)}"
            : $"two of the last three {style.Plural} are close to the lower process limit of {style.Format(facts.Lower)}";
    }

    private static string? AssuranceClause(SpcAssurance assurance, double? target, Polarity direction, SpcTextStyle style)
    {
        if (assurance == SpcAssurance.None || target is not { } value)
        {
            return null;
        }

        var t = style.Format(value);
        var lowerIsBetter = direction == Polarity.LowerIsBetter;
        return assurance switch
        {
            SpcAssurance.HitAndMiss => $"the target of {t} lies inside the process limits (hit and miss)",
            SpcAssurance.ConsistentlyPass => lowerIsBetter
                ? $"the target of {t} is above the upper process limit, so it will be met consistently (consistently pass)"
                : $"the target of {t} is below the lower process limit, so it will be met consistently (consistently pass)",
            _ => lowerIsBetter
                ? $"the target of {t} is below the lower process limit, so it will not be met without a change to the process (consistently fail)"
                : $"the target of {t} is above the upper process limit, so it will not be met without a change to the process (consistently fail)",
        };
    }
}
