using Outcomes.Domain.Frameworks;

namespace Outcomes.Scoring.Spc;

/// <summary>
/// What an SPC sentence needs from a chart, and no more (scoring keeps one per point of every series): the latest
/// segment's centre line, limits and size, the icons, the last value and the rules it broke, the length of the run
/// that made it special (for a shift or a trend), and the target and direction the assurance clause names.
/// </summary>
public readonly record struct SpcSentenceFacts
{
    /// <summary>Some point has a value.</summary>
    public bool HasValues { get; init; }

    /// <summary>The latest segment has process limits.</summary>
    public bool HasLimits { get; init; }

    /// <summary>Non-missing points in the latest segment.</summary>
    public int Points { get; init; }

    public SpcVariation Variation { get; init; }

    public SpcAssurance Assurance { get; init; }

    public double Mean { get; init; }

    public double Lower { get; init; }

    public double Upper { get; init; }

    /// <summary>The last non-missing value, or NaN.</summary>
    public double LastValue { get; init; }

    /// <summary>The special-cause rules the last point broke.</summary>
    public SpcRules LastRules { get; init; }

    /// <summary>Points in the shift (one side of the mean) or trend (each higher or lower) ending at the last point; 0 when neither.</summary>
    public int Run { get; init; }

    /// <summary>For a trend, whether it rises.</summary>
    public bool Rising { get; init; }

    /// <summary>The target assurance was judged against.</summary>
    public double? Target { get; init; }

    /// <summary>The improvement direction.</summary>
    public Polarity Direction { get; init; }

    /// <summary>The latest segment's limits are trial limits.</summary>
    public bool IsTrial => Points < SpcOptions.TrialBelow;

    /// <summary>Reads the facts from a charted series (the spans <see cref="XmrChart"/> filled).</summary>
    public static SpcSentenceFacts Of(ReadOnlySpan<double> values, ReadOnlySpan<SpcPoint> points, in SpcSummary summary, SpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var segment = summary.Latest;
        var facts = new SpcSentenceFacts
        {
            HasValues = summary.LastPointIndex >= 0,
            HasLimits = segment.HasLimits,
            Points = segment.Points,
            Variation = summary.Variation,
            Assurance = summary.Assurance,
            Mean = segment.Mean,
            Lower = segment.Lower,
            Upper = segment.Upper,
            LastValue = double.NaN,
            Target = options.Target,
            Direction = options.ImprovementDirection,
        };
        var last = summary.LastPointIndex;
        if (last < 0)
        {
            return facts;
        }

        var x = values[last];
        var rules = points[last].Rules;
        if ((rules & SpcRules.OutsideLimits) == 0 && (rules & SpcRules.Shift) != 0)
        {
            var above = x > segment.Mean;
            var run = 1;
            for (var j = last - 1; j >= segment.Start && !double.IsNaN(values[j]) && (above ? values[j] > segment.Mean : values[j] < segment.Mean); j--)
            {
                run++;
            }

            return facts with { LastValue = x, LastRules = rules, Run = run };
        }

        if ((rules & (SpcRules.OutsideLimits | SpcRules.Shift)) == 0 && (rules & SpcRules.Trend) != 0)
        {
            var rising = x > values[last - 1];
            var run = 2;
            for (var j = last - 1; j > segment.Start && !double.IsNaN(values[j - 1]) && (rising ? values[j] > values[j - 1] : values[j] < values[j - 1]); j--)
            {
                run++;
            }

            return facts with { LastValue = x, LastRules = rules, Run = run, Rising = rising };
        }

        return facts with { LastValue = x, LastRules = rules };
    }
}
