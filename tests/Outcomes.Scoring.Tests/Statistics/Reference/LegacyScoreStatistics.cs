using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.Rag;
using Outcomes.Scoring.Spc;
using Outcomes.Scoring.Trend;

namespace Outcomes.Scoring.Tests.Statistics.Reference;

/// <summary>
/// The series statistics as they were before their indexing was rewritten for speed (commit 15b4080, sentences written
/// at once), kept for the equivalence test.
/// <para>Adds to scored values what needs the whole series or the unit's peers: the SPC reading of each point (XmR over the
/// unit's series for the measure up to that period, so a past quarter's reading never uses later data), the recent
/// trend of a proportion, the two-level England comparison, the quintile among units under the same parent, and the
/// position on a funnel around the parent's proportion. Pure: the same scores give the same readings.</para>
/// <para>An annual measure carried into later quarters' scores (GLD returned once a year) counts as one point per
/// value, not four.</para>
/// </summary>
public static class LegacyScoreStatistics
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
        var measures = new Measure?[scores.Count];
        var versions = new Dictionary<Period, FrameworkVersion?>();
        for (var i = 0; i < scores.Count; i++)
        {
            var period = scores[i].Period;
            if (!versions.TryGetValue(period, out var version))
            {
                version = versions[period] = framework.VersionOn(period.Start);
            }

            measures[i] = version?.Find(scores[i].MeasureCode);
        }

        var result = scores.ToArray();
        var parents = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? ParentOf(string unit)
        {
            if (!parents.TryGetValue(unit, out var parent))
            {
                parent = parents[unit] = hierarchy.TryGet(unit, out _) ? hierarchy.RollUpParent(unit, rollUpAsOf) : null;
            }

            return parent;
        }

        // Peers first, into arrays, so each score is copied once (by the series pass) however many readings it gets.
        foreach (var unit in scores.Select(s => s.OrgUnitCode).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            ParentOf(unit);
        }

        var quintiles = new int?[scores.Count];
        var funnels = new FunnelPosition[scores.Count];
        var groups = Enumerable.Range(0, scores.Count)
            .Where(i => measures[i] is not null && result[i].Actual is not null)
            .GroupBy(i => (Measure: scores[i].MeasureCode, scores[i].Period), PeerKeyComparer.Instance)
            .Select(g => g.ToArray())
            .ToArray();
        Parallel.ForEach(groups, group => PeerReadings.Apply(result, group, measures, u => parents[u], hierarchy, quintiles, funnels));

        // Series are independent, so they are read in parallel; each writes only its own scores' slots.
        var series = Enumerable.Range(0, scores.Count)
            .Where(i => measures[i] is not null)
            .GroupBy(i => (Unit: scores[i].OrgUnitCode, Measure: scores[i].MeasureCode), SeriesKeyComparer.Instance)
            .Select(g => g.OrderBy(i => scores[i].Period).ToArray())
            .ToArray();
        Parallel.ForEach(series, ordered => SeriesReadings.Apply(result, ordered, measures[ordered[0]]!, spc, quintiles, funnels));

        return result;
    }

    /// <summary>SPC, recent trend and the two-level England comparison along one unit's series for one measure.</summary>
    private static class SeriesReadings
    {
        public static void Apply(Score[] scores, int[] ordered, Measure measure, SpcOptions spc, int?[] quintiles, FunnelPosition[] funnels)
        {
            // One point per distinct value; an annual value carried into the next quarters stays one point.
            var pointOf = new int[ordered.Length];
            var values = new List<double>(ordered.Length);
            var counts = new List<double>(ordered.Length);
            var denominators = new List<double>(ordered.Length);
            for (var k = 0; k < ordered.Length; k++)
            {
                var s = scores[ordered[k]];
                var carried = measure.Frequency == Frequency.Annual && k > 0 && scores[ordered[k - 1]].HasSameFiguresAs(s);
                if (!carried)
                {
                    values.Add(s.Actual is { } a ? (double)a : double.NaN);
                    counts.Add(s.Numerator is { } n ? (double)n : double.NaN);
                    denominators.Add(s.Denominator is { } d ? (double)d : double.NaN);
                }

                pointOf[k] = values.Count - 1;
            }

            var valueArray = values.ToArray();
            var buffers = new SpcBuffers(valueArray.Length, spc.Rebases.Count + 1);
            SpcOptions? options = null;
            var countArray = counts.ToArray();
            var denominatorArray = denominators.ToArray();
            var style = new SpcTextStyle { Format = v => double.IsFinite(v) ? MeasureValueFormatter.Value(measure, (decimal)v) : v.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            var proportion = measure.HasRatio && measure.Unit == MeasureUnit.Percentage;
            for (var k = 0; k < ordered.Length; k++)
            {
                var s = scores[ordered[k]];
                if (s.Actual is null)
                {
                    continue;
                }

                var upTo = pointOf[k] + 1;
                var trend = proportion ? RecentTrend.Assess(countArray.AsSpan(0, upTo), denominatorArray.AsSpan(0, upTo), measure.Polarity) : default;
                scores[ordered[k]] = s with
                {
                    Spc = SpcFor(valueArray.AsSpan(0, upTo), measure, s.Target, spc, style, buffers, ref options),
                    RecentTrend = proportion ? trend.Outcome : RecentTrendOutcome.NotCalculable,
                    RecentTrendExplanation = proportion ? trend.Description : null,
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
                Explanation = SpcDescriber.Describe(values, points, summary, options, style),
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

    /// <summary>Quintile among units of the same type under the same parent, and the funnel position against that parent.</summary>
    private static class PeerReadings
    {
        public static void Apply(
            Score[] scores, int[] group, Measure?[] measures, Func<string, string?> parentOf, OrgUnitHierarchy hierarchy, int?[] quintiles, FunnelPosition[] funnels)
        {
            var byUnit = group.ToDictionary(i => scores[i].OrgUnitCode, i => i, StringComparer.OrdinalIgnoreCase);
            foreach (var peers in group.GroupBy(i => (Parent: parentOf(scores[i].OrgUnitCode) ?? string.Empty, Type: TypeOf(hierarchy, scores[i].OrgUnitCode))))
            {
                var members = peers.ToArray();
                var sorted = members.Select(i => (double)scores[i].Actual!.Value).Order().ToArray();
                foreach (var i in members)
                {
                    var s = scores[i];
                    var measure = measures[i]!;
                    var band = members.Length >= PeerBands.MinimumAreas && peers.Key.Parent.Length > 0
                        ? PeerBands.BandOfSorted(sorted, (double)s.Actual!.Value, 5)
                        : default;
                    quintiles[i] = band.IsCalculable ? band.Band : null;
                    funnels[i] = FunnelAgainstParent(s, measure, peers.Key.Parent, byUnit, scores);
                }
            }
        }

        private static FunnelPosition FunnelAgainstParent(Score s, Measure measure, string parent, Dictionary<string, int> byUnit, Score[] scores)
        {
            if (!(measure.HasRatio && measure.Unit == MeasureUnit.Percentage) || s.Numerator is not { } n || s.Denominator is not { } d || d <= 0
                || parent.Length == 0 || !byUnit.TryGetValue(parent, out var p)
                || scores[p].Numerator is not { } pn || scores[p].Denominator is not { } pd || pd <= 0)
            {
                return FunnelPosition.NotCalculable;
            }

            return Funnel.Classify((double)n, (double)d, (double)(pn / pd));
        }

        private static string TypeOf(OrgUnitHierarchy hierarchy, string unit) =>
            hierarchy.TryGet(unit, out var found) ? found.Type.ToString() : string.Empty;
    }

    private sealed class SpcBuffers(int points, int segments)
    {
        public SpcPoint[] Points { get; } = new SpcPoint[Math.Max(points, 1)];

        public SpcSegment[] Segments { get; } = new SpcSegment[segments];
    }

    private sealed class SeriesKeyComparer : IEqualityComparer<(string Unit, string Measure)>
    {
        public static readonly SeriesKeyComparer Instance = new();

        public bool Equals((string Unit, string Measure) x, (string Unit, string Measure) y) =>
            string.Equals(x.Unit, y.Unit, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Measure, y.Measure, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Unit, string Measure) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Unit), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Measure));
    }

    private sealed class PeerKeyComparer : IEqualityComparer<(string Measure, Period Period)>
    {
        public static readonly PeerKeyComparer Instance = new();

        public bool Equals((string Measure, Period Period) x, (string Measure, Period Period) y) =>
            x.Period == y.Period && string.Equals(x.Measure, y.Measure, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Measure, Period Period) obj) => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Measure), obj.Period);
    }
}
