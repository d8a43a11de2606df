using Outcomes.Domain.Frameworks;

namespace Outcomes.Scoring.Spc;

/// <summary>
/// Plain-English sentences for an XmR chart (METHODS §3), e.g. "Special cause of concern: the last 7 quarters are all
/// below the average of 64.2%." or "Common cause variation; the target of 70% lies inside the process limits (hit and
/// miss)." followed, for trial limits, by "Trial limits: only 9 quarters.". Built only when asked for, so charting a
/// national data set costs no strings.
/// </summary>
public static class SpcDescriber
{
    /// <summary>The variation (and assurance) sentence, then the trial-limits note when there is one.</summary>
    public static string Describe(ReadOnlySpan<double> values, ReadOnlySpan<SpcPoint> points, in SpcSummary summary, SpcOptions options, SpcTextStyle style)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(style);
        var main = Variation(values, points, summary, options, style);
        return TrialNote(summary, style) is { } note ? main + " " + note : main;
    }

    /// <summary>"Trial limits: only 9 quarters." when the latest segment has 2–12 points; otherwise null.</summary>
    public static string? TrialNote(in SpcSummary summary, SpcTextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return summary.Latest.HasLimits && summary.IsTrial ? $"Trial limits: only {style.Count(summary.Latest.Points)}." : null;
    }

    private static string Variation(ReadOnlySpan<double> values, ReadOnlySpan<SpcPoint> points, in SpcSummary summary, SpcOptions options, SpcTextStyle style)
    {
        var segment = summary.Latest;
        var last = summary.LastPointIndex;
        if (last < 0)
        {
            return "No values to chart.";
        }

        if (!segment.HasLimits)
        {
            return segment.Points < 2
                ? $"Not enough data for process limits: only {style.Count(segment.Points)}."
                : $"Not enough data for process limits: no two consecutive {style.Plural} without a gap.";
        }

        var assurance = AssuranceClause(summary.Assurance, options, style);
        if (summary.Variation == SpcVariation.CommonCause)
        {
            return assurance is null
                ? $"Common cause variation: the latest value of {style.Format(values[last])} lies within the process limits of {style.Format(segment.Lower)} to {style.Format(segment.Upper)}."
                : $"Common cause variation; {assurance}.";
        }

        var reason = Reason(values, points[last].Rules, last, segment, style);
        var head = summary.Variation switch
        {
            SpcVariation.SpecialCauseImprovement => "Special cause of improvement",
            SpcVariation.SpecialCauseConcern => "Special cause of concern",
            SpcVariation.SpecialCauseNeutralHigh => "Special cause variation (high)",
            _ => "Special cause variation (low)",
        };
        return assurance is null ? $"{head}: {reason}." : $"{head}: {reason}; {assurance}.";
    }

    private static string Reason(ReadOnlySpan<double> values, SpcRules rules, int last, in SpcSegment segment, SpcTextStyle style)
    {
        var x = values[last];
        if ((rules & SpcRules.OutsideLimits) != 0)
        {
            return x > segment.Upper
                ? $"the latest value of {style.Format(x)} is above the upper process limit of {style.Format(segment.Upper)}"
                : $"the latest value of {style.Format(x)} is below the lower process limit of {style.Format(segment.Lower)}";
        }

        if ((rules & SpcRules.Shift) != 0)
        {
            var above = x > segment.Mean;
            var run = 1;
            for (var j = last - 1; j >= segment.Start && !double.IsNaN(values[j]) && (above ? values[j] > segment.Mean : values[j] < segment.Mean); j--)
            {
                run++;
            }

            return $"the last {style.Count(run)} are all {(above ? "above" : "below")} the average of {style.Format(segment.Mean)}";
        }

        if ((rules & SpcRules.Trend) != 0)
        {
            var rising = x > values[last - 1];
            var run = 2;
            for (var j = last - 1; j > segment.Start && !double.IsNaN(values[j - 1]) && (rising ? values[j] > values[j - 1] : values[j] < values[j - 1]); j--)
            {
                run++;
            }

            return $"each of the last {style.Count(run)} has been {(rising ? "higher" : "lower")} than the one before";
        }

        return x > segment.Mean
            ? $"two of the last three {style.Plural} are close to the upper process limit of {style.Format(segment.Upper)}"
            : $"two of the last three {style.Plural} are close to the lower process limit of {style.Format(segment.Lower)}";
    }

    private static string? AssuranceClause(SpcAssurance assurance, SpcOptions options, SpcTextStyle style)
    {
        if (assurance == SpcAssurance.None || options.Target is not { } target)
        {
            return null;
        }

        var t = style.Format(target);
        var lowerIsBetter = options.ImprovementDirection == Polarity.LowerIsBetter;
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
