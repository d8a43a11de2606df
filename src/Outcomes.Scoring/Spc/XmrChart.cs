using Outcomes.Domain.Frameworks;

namespace Outcomes.Scoring.Spc;

/// <summary>
/// XmR statistical process control chart (METHODS §3, NHS England "Making Data Count"; NHSRplotthedots conventions).
/// Built to run over national data (hundreds of thousands of short series): it reads a span, writes two-byte point
/// results into a caller's span and allocates nothing on the span overload.
/// </summary>
/// <remarks>
/// <para>
/// Missing values are NaN. A missing point is left out of the mean and MR̄; no moving range spans it (the change across a
/// gap mixes two periods' variation), and it breaks shifts, trends and two-of-three windows, because METHODS counts
/// consecutive periods. A missing point is <see cref="SpcPointType.Missing"/>; the variation icon comes from the last
/// non-missing point.
/// </para>
/// <para>
/// The mean is computed as first + Σ(x − first)/n, so a run of equal values has a mean exactly equal to them and a point
/// exactly on the mean is recognised as such (it breaks a shift). When MR̄ is 0 the limits equal the mean and screening
/// is skipped (it would drop every moving range).
/// </para>
/// <para>
/// Rule 4 counts points strictly beyond the 2σ line but not outside the process limits (as NHSRplotthedots; points
/// outside are rule 1) and needs three consecutive points; the two band points must be on the same side of the mean.
/// A point flagged only by a trend takes the trend's direction as its side (a peak in a rising then falling trend takes
/// the later trend's); any other special cause takes the side of the mean it lies on.
/// </para>
/// </remarks>
public static class XmrChart
{
    /// <summary>Charts a series and keeps copies of everything needed to describe it.</summary>
    public static SpcResult Analyse(ReadOnlySpan<double> values, SpcOptions? options = null)
    {
        options ??= SpcOptions.Default;
        var points = new SpcPoint[values.Length];
        var segments = new SpcSegment[options.Rebases.Count + 1];
        var summary = Analyse(values, options, points, segments);
        return new SpcResult(values.ToArray(), points, segments, summary, options);
    }

    /// <summary>
    /// Charts a series without allocating: point results go into <paramref name="points"/> (at least as long as the
    /// series) and each segment's limits into <paramref name="segments"/> (at least rebases + 1 long).
    /// </summary>
    public static SpcSummary Analyse(ReadOnlySpan<double> values, SpcOptions options, Span<SpcPoint> points, Span<SpcSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(values.Length);
        var segmentCount = options.Rebases.Count + 1;
        if (points.Length < values.Length || segments.Length < segmentCount)
        {
            throw new ArgumentException($"Need room for {values.Length} points and {segmentCount} segments (got {points.Length} and {segments.Length}).");
        }

        var last = values.Length - 1;
        while (last >= 0 && double.IsNaN(values[last]))
        {
            last--;
        }

        var latest = segmentCount - 1;
        for (var s = 0; s < segmentCount; s++)
        {
            var start = s == 0 ? 0 : options.Rebases[s - 1];
            var end = s == segmentCount - 1 ? values.Length : options.Rebases[s];
            var segment = Limits(values, start, end, options);
            segments[s] = segment;
            Flag(values, segment, options, points);
            Classify(values, segment, options.ImprovementDirection, points);
            if (last >= start && last < end)
            {
                latest = s;
            }
        }

        var current = segments[latest];
        var variation = last < 0 || !current.HasLimits ? SpcVariation.NotCalculable : Variation(points[last].Type);
        return new SpcSummary(current, latest, last, variation, Assure(current, options));
    }

    /// <summary>Assurance (METHODS §3): where the target lies against the segment's process limits.</summary>
    public static SpcAssurance Assure(in SpcSegment segment, SpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Target is not { } target || double.IsNaN(target) || options.ImprovementDirection == Polarity.NoJudgement || !segment.HasLimits)
        {
            return SpcAssurance.None;
        }

        var higherIsBetter = options.ImprovementDirection == Polarity.HigherIsBetter;
        if (target > segment.Upper)
        {
            return higherIsBetter ? SpcAssurance.ConsistentlyFail : SpcAssurance.ConsistentlyPass;
        }

        if (target < segment.Lower)
        {
            return higherIsBetter ? SpcAssurance.ConsistentlyPass : SpcAssurance.ConsistentlyFail;
        }

        return SpcAssurance.HitAndMiss;
    }

    private static SpcSegment Limits(ReadOnlySpan<double> values, int start, int end, SpcOptions options)
    {
        var baseline = options.BaselinePoints ?? int.MaxValue;
        int points = 0, used = 0, baselineEnd = start;
        double origin = double.NaN, deviations = 0;
        for (var i = start; i < end; i++)
        {
            var x = values[i];
            if (double.IsNaN(x))
            {
                continue;
            }

            points++;
            if (used < baseline)
            {
                if (used == 0)
                {
                    origin = x;
                }

                deviations += x - origin;
                used++;
                baselineEnd = i + 1;
            }
        }

        var mean = used == 0 ? double.NaN : origin + (deviations / used);
        double sum = 0;
        var count = 0;
        for (var i = start + 1; i < baselineEnd; i++)
        {
            var range = Math.Abs(values[i] - values[i - 1]);
            if (!double.IsNaN(range))
            {
                sum += range;
                count++;
            }
        }

        var rangeMean = count == 0 ? double.NaN : sum / count;
        var screened = 0;
        if (options.Screening && count > 0 && rangeMean > 0)
        {
            var threshold = SpcOptions.ScreeningFactor * rangeMean;
            double kept = 0;
            var keptCount = 0;
            for (var i = start + 1; i < baselineEnd; i++)
            {
                var range = Math.Abs(values[i] - values[i - 1]);
                if (double.IsNaN(range))
                {
                    continue;
                }

                if (range < threshold)
                {
                    kept += range;
                    keptCount++;
                }
                else
                {
                    screened++;
                }
            }

            rangeMean = kept / keptCount;
            count = keptCount;
        }

        var spread = SpcOptions.LimitFactor * rangeMean;
        var near = spread * 2 / 3;
        return new SpcSegment
        {
            Start = start,
            Length = end - start,
            Points = points,
            BaselinePoints = used,
            MovingRanges = count,
            ScreenedOut = screened,
            Mean = mean,
            MovingRangeMean = rangeMean,
            Lower = mean - spread,
            Upper = mean + spread,
            LowerNear = mean - near,
            UpperNear = mean + near,
        };
    }

    private static void Flag(ReadOnlySpan<double> values, in SpcSegment segment, SpcOptions options, Span<SpcPoint> points)
    {
        int shiftSide = 0, shiftRun = 0, trendDirection = 0, trendRun = 0, block = 0, band1 = 0, band2 = 0;
        var previous = double.NaN;
        var end = segment.Start + segment.Length;
        for (var i = segment.Start; i < end; i++)
        {
            var x = values[i];
            if (double.IsNaN(x))
            {
                points[i] = new SpcPoint(SpcRules.None, SpcPointType.Missing);
                shiftSide = shiftRun = trendDirection = trendRun = block = band1 = band2 = 0;
                continue;
            }

            points[i] = new SpcPoint(SpcRules.None, SpcPointType.CommonCause);
            block++;

            // Rule 1: outside the process limits (NaN limits compare false).
            var outside = x > segment.Upper || x < segment.Lower;
            if (outside)
            {
                Add(points, i, SpcRules.OutsideLimits);
            }

            // Rule 2: a shift; a point exactly on the mean breaks the run.
            var side = x > segment.Mean ? 1 : x < segment.Mean ? -1 : 0;
            if (side != 0 && side == shiftSide)
            {
                shiftRun++;
            }
            else
            {
                shiftSide = side;
                shiftRun = side == 0 ? 0 : 1;
            }

            if (shiftRun >= options.ShiftLength)
            {
                for (var j = shiftRun == options.ShiftLength ? i - shiftRun + 1 : i; j <= i; j++)
                {
                    Add(points, j, SpcRules.Shift);
                }
            }

            // Rule 3: a trend; an equal value breaks it and starts a new run from itself.
            if (block == 1)
            {
                trendDirection = 0;
                trendRun = 1;
            }
            else
            {
                var step = x > previous ? 1 : x < previous ? -1 : 0;
                if (step != 0 && step == trendDirection)
                {
                    trendRun++;
                }
                else
                {
                    trendDirection = step;
                    trendRun = step == 0 ? 1 : 2;
                }
            }

            if (trendDirection != 0 && trendRun >= options.TrendLength)
            {
                // The trend's side is parked in Type until Classify; a later trend overwrites an earlier one.
                var parked = trendDirection > 0 ? SpcPointType.NeutralHigh : SpcPointType.NeutralLow;
                for (var j = trendRun == options.TrendLength ? i - trendRun + 1 : i; j <= i; j++)
                {
                    points[j] = new SpcPoint(points[j].Rules | SpcRules.Trend, parked);
                }
            }

            // Rule 4: two of three consecutive points beyond 2σ (inside the limits) on the same side.
            var band = outside ? 0 : x > segment.UpperNear ? 1 : x < segment.LowerNear ? -1 : 0;
            if (block >= 3 && band != 0 && (band1 == band || band2 == band))
            {
                Add(points, i, SpcRules.TwoOfThree);
                if (band1 == band)
                {
                    Add(points, i - 1, SpcRules.TwoOfThree);
                }

                if (band2 == band)
                {
                    Add(points, i - 2, SpcRules.TwoOfThree);
                }
            }
            else if (block >= 3 && band1 != 0 && band1 == band2)
            {
                Add(points, i - 1, SpcRules.TwoOfThree);
                Add(points, i - 2, SpcRules.TwoOfThree);
            }

            band2 = band1;
            band1 = band;
            previous = x;
        }
    }

    private static void Classify(ReadOnlySpan<double> values, in SpcSegment segment, Polarity direction, Span<SpcPoint> points)
    {
        var end = segment.Start + segment.Length;
        for (var i = segment.Start; i < end; i++)
        {
            var point = points[i];
            if (point.Rules == SpcRules.None)
            {
                continue;
            }

            var side = (point.Rules & ~SpcRules.Trend) != 0 ? Math.Sign(values[i] - segment.Mean) : 0;
            if (side == 0)
            {
                side = point.Type == SpcPointType.NeutralLow ? -1 : 1;
            }

            var type = direction switch
            {
                Polarity.HigherIsBetter => side > 0 ? SpcPointType.Improvement : SpcPointType.Concern,
                Polarity.LowerIsBetter => side > 0 ? SpcPointType.Concern : SpcPointType.Improvement,
                _ => side > 0 ? SpcPointType.NeutralHigh : SpcPointType.NeutralLow,
            };
            points[i] = new SpcPoint(point.Rules, type);
        }
    }

    private static SpcVariation Variation(SpcPointType type) => type switch
    {
        SpcPointType.Improvement => SpcVariation.SpecialCauseImprovement,
        SpcPointType.Concern => SpcVariation.SpecialCauseConcern,
        SpcPointType.NeutralHigh => SpcVariation.SpecialCauseNeutralHigh,
        SpcPointType.NeutralLow => SpcVariation.SpecialCauseNeutralLow,
        _ => SpcVariation.CommonCause,
    };

    private static void Add(Span<SpcPoint> points, int index, SpcRules rule) =>
        points[index] = new SpcPoint(points[index].Rules | rule, points[index].Type);
}
