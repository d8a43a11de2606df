using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.Rag;
using Outcomes.Scoring.Spc;
using Outcomes.Scoring.Trend;

namespace Outcomes.Scoring.Statistics;

/// <summary>
/// Adds to scored values what needs the whole series or the unit's peers: the SPC reading of each point (XmR over the
/// unit's series for the measure up to that period, so a past quarter's reading never uses later data), the recent
/// trend of a proportion, the two-level England comparison, the quintile among units under the same parent, and the
/// position on a funnel around the parent's proportion. Pure: the same scores give the same readings.
/// <para>An annual measure carried into later quarters' scores (GLD returned once a year) counts as one point per
/// value, not four.</para>
/// </summary>
public static class ScoreStatistics
{
    /// <param name="framework">Supplies each score's measure, under the version in force for its period.</param>
    /// <param name="hierarchy">Decides peers (same type, same roll-up parent) and the parent a funnel compares with.</param>
    /// <param name="rollUpAsOf">The structure date roll-ups followed when the scores were made.</param>
    /// <param name="scores">Every period's scores for the framework: history is what SPC and trends read.</param>
    /// <param name="spc">Screening and run lengths; polarity and target are taken from each measure and score.</param>
    public static IReadOnlyList<Score> Enrich(Framework framework, OrgUnitHierarchy hierarchy, DateOnly rollUpAsOf, IReadOnlyList<Score> scores, SpcOptions? spc = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(scores);
        spc ??= SpcOptions.Default;
        var index = ScoreIndex.Build(framework, hierarchy, rollUpAsOf, scores);
        var result = scores.ToArray();

        // Peers first, into arrays, so each score is copied once (by the series pass) however many readings it gets.
        var quintiles = new int?[scores.Count];
        var funnels = new FunnelPosition[scores.Count];
        Parallel.For(
            0,
            index.Peers.Count,
            () => new PeerReadings(index),
            (group, _, peers) => peers.Apply(result, index.Peers[group], quintiles, funnels),
            _ => { });

        // Series are independent, so they are read in parallel; each writes only its own scores' slots.
        Parallel.For(0, index.Series.Count, group =>
        {
            var ordered = index.Series[group];
            SeriesReadings.Apply(result, ordered, index.Measures[ordered[0]]!, spc, quintiles, funnels);
        });

        return result;
    }

    /// <summary>SPC, recent trend and the two-level England comparison along one unit's series for one measure.</summary>
    private static class SeriesReadings
    {
        public static void Apply(Score[] scores, ReadOnlySpan<int> ordered, Measure measure, SpcOptions spc, int?[] quintiles, FunnelPosition[] funnels)
        {
            // One point per distinct value; an annual value carried into the next quarters stays one point.
            var pointOf = new int[ordered.Length];
            var valueArray = new double[ordered.Length];
            var countArray = new double[ordered.Length];
            var denominatorArray = new double[ordered.Length];
            var points = 0;
            for (var k = 0; k < ordered.Length; k++)
            {
                var s = scores[ordered[k]];
                var carried = measure.Frequency == Frequency.Annual && k > 0 && scores[ordered[k - 1]].HasSameFiguresAs(s);
                if (!carried)
                {
                    var hidden = IsHidden(s, measure);
                    valueArray[points] = !hidden && s.Actual is { } a ? (double)a : double.NaN;
                    countArray[points] = !hidden && s.Numerator is { } n ? (double)n : double.NaN;
                    denominatorArray[points] = !hidden && s.Denominator is { } d ? (double)d : double.NaN;
                    points++;
                }

                pointOf[k] = points - 1;
            }

            var buffers = new SpcBuffers(points, spc.Rebases.Count + 1);
            SpcOptions? options = null;
            var style = new SpcTextStyle { Format = v => double.IsFinite(v) ? MeasureValueFormatter.Value(measure, (decimal)v) : v.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            var proportion = measure.HasRatio && measure.Unit == MeasureUnit.Percentage;
            for (var k = 0; k < ordered.Length; k++)
            {
                var s = scores[ordered[k]];
                if (s.Actual is null || IsHidden(s, measure))
                {
                    continue;
                }

                var upTo = pointOf[k] + 1;
                var trend = proportion ? RecentTrend.Assess(countArray.AsSpan(0, upTo), denominatorArray.AsSpan(0, upTo), measure.Polarity) : default;
                scores[ordered[k]] = s with
                {
                    Spc = SpcFor(valueArray.AsSpan(0, upTo), measure, s.Target, spc, style, buffers, ref options),
                    RecentTrend = proportion ? trend.Outcome : RecentTrendOutcome.NotCalculable,
                    DeferredRecentTrendExplanation = proportion ? new RecentTrendSentence(trend) : null,
                    EnglandSignificance = EnglandSignificance(s, measure),
                    PeerQuintile = quintiles[ordered[k]],
                    FunnelPosition = funnels[ordered[k]],
                };
            }
        }

        private static SpcAtPoint? SpcFor(
            ReadOnlySpan<double> values, Measure measure, decimal? target, SpcOptions defaults, SpcTextStyle style, SpcBuffers buffers, ref SpcOptions? options)
        {
            var present = 0;
            foreach (var v in values)
            {
                present += double.IsNaN(v) ? 0 : 1;
            }

            if (present < 2)
            {
                return null;
            }

            double? wanted = target is { } t ? (double)t : null;
            if (options is null || options.Target != wanted)
            {
                options = defaults with { ImprovementDirection = measure.Polarity, Target = wanted };
            }

            var points = buffers.Points.AsSpan(0, values.Length);
            var summary = XmrChart.Analyse(values, options, points, buffers.Segments);
            var latest = summary.Latest;
            return new SpcAtPoint
            {
                Variation = summary.Variation,
                Assurance = summary.Assurance,
                IsSpecialCause = points[^1].IsSpecialCause,
                Mean = ToDecimal(latest.Mean),
                Lower = ToDecimal(latest.Lower),
                Upper = ToDecimal(latest.Upper),
                Points = present,
                IsTrial = summary.IsTrial,
                DeferredExplanation = SpcDescriber.Defer(values, points, summary, options, style),
            };
        }

        private static BenchmarkSignificance EnglandSignificance(Score s, Measure measure)
        {
            if (s.ComparedWithEngland == BenchmarkComparison.NotCompared || measure.CiMethod != ConfidenceIntervalMethod.Wilson
                || s.Numerator is not { } n || s.Denominator is not { } d || d <= 0 || s.Comparator is not { } england)
            {
                return BenchmarkSignificance.NotCompared;
            }

            return BenchmarkComparer.CompareTwoLevel((double)n, (double)d, (double)(england / measure.Multiplier), measure.Polarity).Significance;
        }

        private static decimal ToDecimal(double v) => double.IsFinite(v) ? Math.Round((decimal)v, 6) : 0m;
    }

    /// <summary>
    /// Quintile among units of the same type under the same parent, and the funnel position against that parent, for
    /// one measure and period. One per worker thread: it keeps a slot per unit to find a parent's score.
    /// </summary>
    private sealed class PeerReadings(ScoreIndex index)
    {
        private readonly int[] _slotOfUnit = CreateSlots(index.UnitCount);
        private readonly int _typeCount = index.Types.Length == 0 ? 1 : index.Types.Max() + 1;
        private int[] _keys = new int[64];
        private int[] _members = new int[64];
        private double[] _values = new double[64];

        public PeerReadings Apply(Score[] scores, ReadOnlySpan<int> group, int?[] quintiles, FunnelPosition[] funnels)
        {
            if (_keys.Length < group.Length)
            {
                (_keys, _members, _values) = (new int[group.Length], new int[group.Length], new double[group.Length]);
            }

            var keys = _keys.AsSpan(0, group.Length);
            var members = _members.AsSpan(0, group.Length);
            for (var k = 0; k < group.Length; k++)
            {
                var unit = index.Units[group[k]];
                _slotOfUnit[unit] = group[k];
                keys[k] = ((index.Parents[unit] + 1) * _typeCount) + index.Types[unit];
                members[k] = group[k];
            }

            keys.Sort(members);
            for (var start = 0; start < members.Length;)
            {
                var end = start + 1;
                while (end < members.Length && keys[end] == keys[start])
                {
                    end++;
                }

                Place(scores, members[start..end], quintiles, funnels);
                start = end;
            }

            foreach (var i in group)
            {
                _slotOfUnit[index.Units[i]] = -1;
            }

            return this;
        }

        private static int[] CreateSlots(int units)
        {
            var slots = new int[units];
            Array.Fill(slots, -1);
            return slots;
        }

        private void Place(Score[] scores, ReadOnlySpan<int> peers, int?[] quintiles, FunnelPosition[] funnels)
        {
            var parent = index.Parents[index.Units[peers[0]]];
            var sorted = _values.AsSpan(0, peers.Length);
            for (var k = 0; k < peers.Length; k++)
            {
                sorted[k] = (double)scores[peers[k]].Actual!.Value;
            }

            sorted.Sort();
            var parentScore = parent >= 0 ? _slotOfUnit[parent] : -1;
            foreach (var i in peers)
            {
                var s = scores[i];
                var band = peers.Length >= PeerBands.MinimumAreas && parent >= 0
                    ? PeerBands.BandOfSorted(sorted, (double)s.Actual!.Value, 5)
                    : default;
                quintiles[i] = band.IsCalculable ? band.Band : null;
                funnels[i] = FunnelAgainstParent(s, index.Measures[i]!, parentScore < 0 ? null : scores[parentScore]);
            }
        }

        private static FunnelPosition FunnelAgainstParent(Score s, Measure measure, Score? parent)
        {
            if (!(measure.HasRatio && measure.Unit == MeasureUnit.Percentage) || s.Numerator is not { } n || s.Denominator is not { } d || d <= 0
                || parent is null || parent.Numerator is not { } pn || parent.Denominator is not { } pd || pd <= 0)
            {
                return FunnelPosition.NotCalculable;
            }

            return Funnel.Classify((double)n, (double)d, (double)(pn / pd));
        }
    }

    /// <summary>
    /// A figure withheld from publication (suppressed, or disclosive under the measure's threshold) is left out of every
    /// reading, its own and its neighbours': prefix means and limits published period by period would otherwise give
    /// it away (the mean of k points times k, less that of k − 1 points times k − 1, is the k-th value).
    /// </summary>
    internal static bool IsHidden(Score s, Measure measure) => s.SuppressionReason is not null || measure.IsDisclosive(s.Actual, s.Numerator, s.Denominator);

    private sealed class SpcBuffers(int points, int segments)
    {
        public SpcPoint[] Points { get; } = new SpcPoint[Math.Max(points, 1)];

        public SpcSegment[] Segments { get; } = new SpcSegment[segments];
    }
}
