using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Statistics;

/// <summary>
/// The scores of a run numbered for the series and peer passes of <see cref="ScoreStatistics"/>: each score's measure
/// (under the version in force for its period), its series (unit × measure, in period order) and its peer group's
/// bucket (measure × period), and each unit's roll-up parent and type. Built with integer keys and counting sorts, so
/// millions of scores are grouped without hashing a string per score.
/// </summary>
internal sealed class ScoreIndex
{
    private ScoreIndex(Measure?[] measures, int[] units, Buckets series, Buckets peers, int[] parents, int[] types, int unitCount)
    {
        Measures = measures;
        Units = units;
        Series = series;
        Peers = peers;
        Parents = parents;
        Types = types;
        UnitCount = unitCount;
    }

    /// <summary>Each score's measure, or null when no version in force for its period has it.</summary>
    public Measure?[] Measures { get; }

    /// <summary>Each score's unit number.</summary>
    public int[] Units { get; }

    /// <summary>Scores with a measure, by unit × measure, each group in period order.</summary>
    public Buckets Series { get; }

    /// <summary>Scores with a measure and a value that may be published, by measure × period.</summary>
    public Buckets Peers { get; }

    /// <summary>Each unit's roll-up parent's number, or −1 (no parent, or not in the hierarchy).</summary>
    public int[] Parents { get; }

    /// <summary>Each unit's type number (0 when the unit is not in the hierarchy).</summary>
    public int[] Types { get; }

    /// <summary>Units numbered, parents included.</summary>
    public int UnitCount { get; }

    public static ScoreIndex Build(Framework framework, OrgUnitHierarchy hierarchy, DateOnly rollUpAsOf, IReadOnlyList<Score> scores)
    {
        var n = scores.Count;
        var unitCodes = new CodeTable();
        var measureCodes = new CodeTable();
        var periodNumbers = new Dictionary<Period, int>();
        var units = new int[n];
        var measureIds = new int[n];
        var periodIds = new int[n];
        for (var i = 0; i < n; i++)
        {
            var s = scores[i];
            units[i] = unitCodes.Id(s.OrgUnitCode);
            measureIds[i] = measureCodes.Id(s.MeasureCode);
            if (!periodNumbers.TryGetValue(s.Period, out var p))
            {
                p = periodNumbers[s.Period] = periodNumbers.Count;
            }

            periodIds[i] = p;
        }

        // Periods renumbered in time order, so a stable sort by period puts every series in order.
        var periods = periodNumbers.Keys.Order().ToArray();
        var rank = new int[periods.Length];
        for (var r = 0; r < periods.Length; r++)
        {
            rank[periodNumbers[periods[r]]] = r;
        }

        for (var i = 0; i < n; i++)
        {
            periodIds[i] = rank[periodIds[i]];
        }

        var measures = MeasuresOf(framework, periods, measureCodes, measureIds, periodIds);
        var scoredUnits = unitCodes.Count;
        var types = new int[scoredUnits];
        var parents = new int[scoredUnits];
        for (var u = 0; u < scoredUnits; u++)
        {
            var known = hierarchy.TryGet(unitCodes.Codes[u], out var unit);
            types[u] = known ? (int)unit.Type + 1 : 0;
            parents[u] = known && hierarchy.RollUpParent(unit.Code, rollUpAsOf) is { } parent ? unitCodes.Id(parent) : -1;
        }

        var all = new int[n];
        for (var i = 0; i < n; i++)
        {
            all[i] = i;
        }

        var byPeriod = Buckets.By(all, periodIds, periods.Length).Order;
        var measured = byPeriod.Where(i => measures[i] is not null).ToArray();
        var seriesKey = new int[n];
        var peerKey = new int[n];
        foreach (var i in measured)
        {
            seriesKey[i] = checked((units[i] * measureCodes.Count) + measureIds[i]);
            peerKey[i] = checked((measureIds[i] * periods.Length) + periodIds[i]);
        }

        var series = Buckets.By(measured, seriesKey, checked(scoredUnits * measureCodes.Count));
        var shown = measured.Where(i => scores[i].Actual is not null && !ScoreStatistics.IsHidden(scores[i], measures[i]!)).ToArray();
        var peers = Buckets.By(shown, peerKey, checked(measureCodes.Count * periods.Length));
        return new ScoreIndex(measures, units, series, peers, parents, types, unitCodes.Count);
    }

    private static Measure?[] MeasuresOf(Framework framework, Period[] periods, CodeTable measureCodes, int[] measureIds, int[] periodIds)
    {
        var table = new Measure?[periods.Length, measureCodes.Count];
        for (var p = 0; p < periods.Length; p++)
        {
            var version = framework.VersionOn(periods[p].Start);
            for (var m = 0; m < measureCodes.Count; m++)
            {
                table[p, m] = version?.Find(measureCodes.Codes[m]);
            }
        }

        var measures = new Measure?[measureIds.Length];
        for (var i = 0; i < measures.Length; i++)
        {
            measures[i] = table[periodIds[i], measureIds[i]];
        }

        return measures;
    }
}
