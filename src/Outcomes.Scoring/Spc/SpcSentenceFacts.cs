using Outcomes.Domain.Frameworks;

namespace Outcomes.Scoring.Spc;

/// <summary>
/// What an SPC sentence needs from a chart: the summary, the last value and the rules it broke, the length of the run
/// that made it special (for a shift or a trend) and the target and direction the assurance clause names.
/// </summary>
/// <param name="Summary">The chart's summary (latest segment, variation, assurance).</param>
/// <param name="LastValue">The last non-missing value, or NaN.</param>
/// <param name="LastRules">The special-cause rules the last point broke.</param>
/// <param name="Run">Points in the shift (on one side of the mean) or the trend (each higher or lower) ending at the last point; 0 when neither.</param>
/// <param name="Rising">For a trend, whether it rises.</param>
/// <param name="Target">The target assurance was judged against.</param>
/// <param name="Direction">The improvement direction.</param>
public readonly record struct SpcSentenceFacts(SpcSummary Summary, double LastValue, SpcRules LastRules, int Run, bool Rising, double? Target, Polarity Direction)
{
    /// <summary>Reads the facts from a charted series (the spans <see cref="XmrChart"/> filled).</summary>
    public static SpcSentenceFacts Of(ReadOnlySpan<double> values, ReadOnlySpan<SpcPoint> points, in SpcSummary summary, SpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var last = summary.LastPointIndex;
        if (last < 0)
        {
            return new SpcSentenceFacts(summary, double.NaN, SpcRules.None, 0, false, options.Target, options.ImprovementDirection);
        }

        var x = values[last];
        var rules = points[last].Rules;
        var segment = summary.Latest;
        int run = 0;
        var rising = false;
        if ((rules & SpcRules.OutsideLimits) == 0 && (rules & SpcRules.Shift) != 0)
        {
            var above = x > segment.Mean;
            run = 1;
            for (var j = last - 1; j >= segment.Start && !double.IsNaN(values[j]) && (above ? values[j] > segment.Mean : values[j] < segment.Mean); j--)
            {
                run++;
            }
        }
        else if ((rules & (SpcRules.OutsideLimits | SpcRules.Shift)) == 0 && (rules & SpcRules.Trend) != 0)
        {
            rising = x > values[last - 1];
            run = 2;
            for (var j = last - 1; j > segment.Start && !double.IsNaN(values[j - 1]) && (rising ? values[j] > values[j - 1] : values[j] < values[j - 1]); j--)
            {
                run++;
            }
        }

        return new SpcSentenceFacts(summary, x, rules, run, rising, options.Target, options.ImprovementDirection);
    }
}
