using System.Runtime.InteropServices;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Scoring.RollUps;

namespace Outcomes.Scoring.Engine;

/// <summary>
/// The effective observations (returned, else rolled up) grouped once into series: org unit × measure code × period
/// type, each an array over that type's <see cref="PeriodAxis"/>. Org units and measure codes are interned to
/// integers (compared without case, as everywhere in the product), so the scoring pass never hashes a string.
/// Roll-ups are computed into the same structure, level by level up the tree, with exactly the rules, order and
/// flags of <see cref="RollUpCalculator.RollUp"/>. Read-only once built, so any number of threads may score from it.
/// </summary>
internal sealed class SeriesStore
{
    private const int Types = 6;

    private readonly Dictionary<string, int> _unitIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _unitCodes = [];
    private readonly List<OrgUnit?> _units = [];
    private readonly Dictionary<string, int> _codeIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Measure?> _codeMeasures = [];
    private readonly PeriodAxis?[] _axes = new PeriodAxis?[Types];
    private readonly List<int> _seriesUnit = [];
    private readonly List<int> _seriesCode = [];
    private readonly List<int> _seriesType = [];
    private readonly Dictionary<(int Unit, int Period), string> _unknownUnitSpelling = [];
    private int[] _seriesOf = [];
    private int[] _seriesStart = [];
    private Observation?[] _slots = [];
    private bool[] _rolledUp = [];
    private int[] _sequence = [];
    private int[][] _rollUpChildren = [];
    private List<int>[][] _unitsWithData = [];
    private string[][][] _unitCodesWithData = [];

    public SeriesStore(FrameworkVersion version, OrgUnitHierarchy hierarchy, IReadOnlyCollection<Observation> observations, DateOnly asOf)
    {
        foreach (var unit in hierarchy.Units)
        {
            InternUnit(unit.Code, unit);
        }

        foreach (var measure in version.Measures)
        {
            InternCode(measure.Code, version);
        }

        // One pass to intern every code and collect each type's periods.
        var count = observations.Count;
        var obsUnit = new int[count];
        var obsCode = new int[count];
        var periodsByType = new HashSet<Period>?[Types];
        string? lastUnit = null, lastCode = null;
        int lastU = -1, lastC = -1, i = 0;
        foreach (var o in observations)
        {
            lastU = obsUnit[i] = ReferenceEquals(o.OrgUnitCode, lastUnit) ? lastU : InternUnit(o.OrgUnitCode, null);
            lastC = obsCode[i] = ReferenceEquals(o.MeasureCode, lastCode) ? lastC : InternCode(o.MeasureCode, version);
            (lastUnit, lastCode) = (o.OrgUnitCode, o.MeasureCode);
            (periodsByType[(int)o.Period.Type] ??= []).Add(o.Period);
            i++;
        }

        for (var type = 0; type < Types; type++)
        {
            _axes[type] = periodsByType[type] is { } periods ? new PeriodAxis((PeriodType)type, periods) : null;
        }

        var tree = new Tree(this, hierarchy, asOf);
        tree.ThrowForUnitsOutsideTheHierarchy(observations, obsUnit);
        var legacyRollUps = tree.NeedsLegacyRollUp ? RollUpCalculator.RollUp(version, hierarchy, observations, asOf) : null;

        // Series: every (unit, code, type) with an observation, then (bottom-up) every parent one could roll up into.
        _seriesOf = new int[UnitCount * CodeCount * Types];
        Array.Fill(_seriesOf, -1);
        i = 0;
        foreach (var o in observations)
        {
            EnsureSeries(obsUnit[i], obsCode[i], (int)o.Period.Type);
            i++;
        }

        if (legacyRollUps is not null)
        {
            foreach (var o in legacyRollUps)
            {
                EnsureSeries(UnitOf(o.OrgUnitCode), CodeOf(o.MeasureCode), (int)o.Period.Type);
            }
        }
        else
        {
            tree.AddParentSeries();
        }

        _seriesStart = new int[SeriesCount + 1];
        for (var s = 0; s < SeriesCount; s++)
        {
            _seriesStart[s + 1] = _seriesStart[s] + _axes[_seriesType[s]]!.Count;
        }

        _slots = new Observation?[_seriesStart[SeriesCount]];
        _rolledUp = new bool[_slots.Length];
        _sequence = new int[_slots.Length];
        var hasData = new bool[UnitCount];

        // Last value for a key wins; its place in the order is where the key first appeared (as in a dictionary).
        i = 0;
        foreach (var o in observations)
        {
            var (u, type) = (obsUnit[i], (int)o.Period.Type);
            var t = _axes[type]!.IndexOf(o.Period);
            var slot = _seriesStart[SeriesOf(u, obsCode[i], type)] + t;
            if (_slots[slot] is null)
            {
                _sequence[slot] = i;
                if (_units[u] is null)
                {
                    // A unit the hierarchy lacks is listed as the period's first observation of it spells it.
                    _unknownUnitSpelling.TryAdd((u, PeriodKey(type, t)), o.OrgUnitCode);
                }
            }

            _slots[slot] = o;
            hasData[u] = true;
            i++;
        }

        if (legacyRollUps is not null)
        {
            foreach (var o in legacyRollUps)
            {
                var type = (int)o.Period.Type;
                var slot = _seriesStart[SeriesOf(UnitOf(o.OrgUnitCode), CodeOf(o.MeasureCode), type)] + _axes[type]!.IndexOf(o.Period);
                _slots[slot] = o;
                _rolledUp[slot] = true;
            }
        }
        else
        {
            tree.RollUp(count, hasData);
        }

        _rollUpChildren = tree.Children;
        IndexUnitsWithData();
    }

    public int UnitCount => _unitCodes.Count;

    public int CodeCount => _codeMeasures.Count;

    public int SeriesCount => _seriesUnit.Count;

    /// <summary>Slots over all series: <see cref="SlotOf"/> numbers each series × period from 0 to this.</summary>
    public int SlotCount => _slots.Length;

    /// <summary>The unit's code as the hierarchy spells it (or as first returned, for a unit the hierarchy lacks).</summary>
    public string UnitCode(int unit) => _unitCodes[unit];

    public PeriodAxis? Axis(PeriodType type) => _axes[(int)type];

    public PeriodAxis? Axis(int type) => _axes[type];

    /// <summary>Units whose data rolls up directly into this one as of the roll-up date, in the hierarchy's order.</summary>
    public int[] RollUpChildren(int unit) => unit < _rollUpChildren.Length ? _rollUpChildren[unit] : [];

    public int UnitOf(string code) => _unitIndex.TryGetValue(code, out var u) ? u : -1;

    public int CodeOf(string measureCode) => _codeIndex.TryGetValue(measureCode, out var c) ? c : -1;

    public int SeriesOf(int unit, int code, int type) => _seriesOf[(((unit * CodeCount) + code) * Types) + type];

    public int SeriesUnit(int series) => _seriesUnit[series];

    /// <summary>The series' observations over its axis, null where nothing was returned or rolled up.</summary>
    public ReadOnlySpan<Observation?> Slots(int series) =>
        _slots.AsSpan(_seriesStart[series], _seriesStart[series + 1] - _seriesStart[series]);

    /// <summary>Points a view at the unit's series for a measure (an empty one where the unit has none).</summary>
    public void Point(SeriesView view, int series, string unitCode, Measure measure, PeriodAxis axis) =>
        view.Reset(unitCode, measure, axis, series < 0 ? null : _slots, series < 0 ? 0 : _seriesStart[series]);

    public int SlotOf(int series, int period) => _seriesStart[series] + period;

    public Observation? At(int series, int period) => series < 0 ? null : _slots[_seriesStart[series] + period];

    public bool RolledUpAt(int series, int period) => series >= 0 && _rolledUp[_seriesStart[series] + period];

    /// <summary>Units with a returned or rolled-up value in the period, in ordinal order of their codes.</summary>
    public IReadOnlyList<int> UnitsWithData(int type, int period) => _unitsWithData[type][period];

    public IReadOnlyList<string> UnitCodesWithData(int type, int period) => _unitCodesWithData[type][period];

    /// <summary>
    /// The observation for a unit, code and period given as values (the period-by-period path), or null.
    /// </summary>
    public Observation? Find(string unitCode, string measureCode, Period period)
    {
        var (u, c, axis) = (UnitOf(unitCode), CodeOf(measureCode), _axes[(int)period.Type]);
        if (u < 0 || c < 0 || axis is null)
        {
            return null;
        }

        var t = axis.IndexOf(period);
        return t < 0 ? null : At(SeriesOf(u, c, (int)period.Type), t);
    }

    private static int PeriodKey(int type, int period) => (period * Types) + type;

    private int InternUnit(string code, OrgUnit? unit)
    {
        if (_unitIndex.TryGetValue(code, out var u))
        {
            return u;
        }

        _unitIndex[code] = u = _unitCodes.Count;
        _unitCodes.Add(unit?.Code ?? code);
        _units.Add(unit);
        return u;
    }

    private int InternCode(string code, FrameworkVersion version)
    {
        if (_codeIndex.TryGetValue(code, out var c))
        {
            return c;
        }

        _codeIndex[code] = c = _codeMeasures.Count;
        _codeMeasures.Add(version.Find(code));
        return c;
    }

    private int EnsureSeries(int unit, int code, int type)
    {
        ref var series = ref _seriesOf[(((unit * CodeCount) + code) * Types) + type];
        if (series < 0)
        {
            series = _seriesUnit.Count;
            _seriesUnit.Add(unit);
            _seriesCode.Add(code);
            _seriesType.Add(type);
        }

        return series;
    }

    private void IndexUnitsWithData()
    {
        _unitsWithData = new List<int>[Types][];
        _unitCodesWithData = new string[Types][][];
        for (var type = 0; type < Types; type++)
        {
            var n = _axes[type]?.Count ?? 0;
            var flags = new bool[n * UnitCount];
            for (var s = 0; s < SeriesCount; s++)
            {
                if (_seriesType[s] != type)
                {
                    continue;
                }

                var slots = Slots(s);
                for (var t = 0; t < slots.Length; t++)
                {
                    if (slots[t] is not null)
                    {
                        flags[(t * UnitCount) + _seriesUnit[s]] = true;
                    }
                }
            }

            _unitsWithData[type] = new List<int>[n];
            _unitCodesWithData[type] = new string[n][];
            for (var t = 0; t < n; t++)
            {
                var units = new List<(string Code, int Unit)>();
                for (var u = 0; u < UnitCount; u++)
                {
                    if (flags[(t * UnitCount) + u])
                    {
                        units.Add((_unknownUnitSpelling.TryGetValue((u, PeriodKey(type, t)), out var spelt) ? spelt : _unitCodes[u], u));
                    }
                }

                units.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
                _unitsWithData[type][t] = units.ConvertAll(x => x.Unit);
                _unitCodesWithData[type][t] = [.. units.Select(x => x.Code)];
            }
        }
    }

    /// <summary>The org-unit tree as of the roll-up date, and the roll-ups computed over it.</summary>
    private sealed class Tree
    {
        private const int MaxDepth = 32;

        private readonly SeriesStore _store;
        private readonly OrgUnitHierarchy _hierarchy;
        private readonly int[] _parent;
        private readonly int[] _depth;
        private readonly int _hierarchyUnits;

        public Tree(SeriesStore store, OrgUnitHierarchy hierarchy, DateOnly asOf)
        {
            _store = store;
            _hierarchy = hierarchy;
            _hierarchyUnits = hierarchy.Units.Count;

            // RollUpParent once per unit, in the order RollUpCalculator asks (each unit's depth, walking up), so a
            // broken hierarchy fails here exactly as it did there.
            var parentOf = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            string? Parent(string code) =>
                parentOf.TryGetValue(code, out var p) ? p : parentOf[code] = hierarchy.RollUpParent(code, asOf);

            _parent = new int[store.UnitCount];
            _depth = new int[store.UnitCount];
            Array.Fill(_parent, -1);
            for (var u = 0; u < _hierarchyUnits; u++)
            {
                var depth = 0;
                for (var p = Parent(store._unitCodes[u]); p is not null && depth < MaxDepth; p = Parent(p))
                {
                    depth++;
                }

                _depth[u] = depth;
                NeedsLegacyRollUp |= depth >= MaxDepth;
            }

            for (var u = 0; u < _hierarchyUnits; u++)
            {
                if (Parent(store._unitCodes[u]) is { } parent)
                {
                    _parent[u] = store.UnitOf(parent);
                }
            }

            var children = new List<int>[store.UnitCount];
            for (var u = 0; u < _hierarchyUnits; u++)
            {
                if (_parent[u] >= 0)
                {
                    (children[_parent[u]] ??= []).Add(u);
                }
            }

            Children = [.. children.Select(c => c is null ? [] : c.ToArray())];
        }

        /// <summary>A cycle (or a tree deeper than 32): leave it to <see cref="RollUpCalculator.RollUp"/> itself.</summary>
        public bool NeedsLegacyRollUp { get; }

        public int[][] Children { get; }

        /// <summary>RollUpCalculator asks every observation's unit for its parent, so one outside the tree fails.</summary>
        public void ThrowForUnitsOutsideTheHierarchy(IReadOnlyCollection<Observation> observations, int[] obsUnit)
        {
            if (_hierarchyUnits == 0)
            {
                return;
            }

            var i = 0;
            foreach (var o in observations)
            {
                if (obsUnit[i++] >= _hierarchyUnits)
                {
                    _hierarchy.RollUpParent(o.OrgUnitCode, DateOnly.MinValue);
                }
            }
        }

        public void AddParentSeries()
        {
            foreach (var depth in Levels())
            {
                for (var s = 0; s < _store.SeriesCount; s++)
                {
                    var parent = _parent[_store._seriesUnit[s]];
                    if (parent >= 0 && _depth[parent] == depth && Rolls(_store._codeMeasures[_store._seriesCode[s]]))
                    {
                        _store.EnsureSeries(parent, _store._seriesCode[s], _store._seriesType[s]);
                    }
                }
            }
        }

        /// <summary>
        /// RollUpCalculator.RollUp over the series: deepest parents first; a parent's own value wins; a group's
        /// children are summed in the order they were added; each level's results join in the order of their groups.
        /// </summary>
        public void RollUp(int sequence, bool[] hasData)
        {
            var group = new List<(int Sequence, Observation Observation)>();
            var children = new List<Observation>();
            var rolled = new List<(int Sequence, int Slot, int Parent)>();
            foreach (var depth in Levels())
            {
                rolled.Clear();
                for (var parent = 0; parent < _hierarchyUnits; parent++)
                {
                    if (_depth[parent] != depth || Children[parent].Length == 0)
                    {
                        continue;
                    }

                    var expected = new int[Types][];
                    for (var code = 0; code < _store.CodeCount; code++)
                    {
                        var measure = _store._codeMeasures[code];
                        for (var type = 0; type < Types; type++)
                        {
                            var target = _store.SeriesOf(parent, code, type);
                            if (target < 0 || !Rolls(measure))
                            {
                                continue;
                            }

                            var axis = _store._axes[type]!;
                            for (var t = 0; t < axis.Count; t++)
                            {
                                group.Clear();
                                foreach (var child in Children[parent])
                                {
                                    var s = _store.SeriesOf(child, code, type);
                                    if (s >= 0 && _store._slots[_store._seriesStart[s] + t] is { } o)
                                    {
                                        group.Add((_store._sequence[_store._seriesStart[s] + t], o));
                                    }
                                }

                                var slot = _store._seriesStart[target] + t;
                                if (group.Count == 0 || _store._slots[slot] is not null)
                                {
                                    continue;
                                }

                                group.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                                children.Clear();
                                foreach (var (_, o) in group)
                                {
                                    children.Add(o);
                                }

                                var expectedHere = expected[type] ??= Expected(parent, axis, hasData);
                                var observation = RollUpCalculator.AggregateChildren(
                                    measure!, _store._unitCodes[parent], axis.Periods[t], CollectionsMarshal.AsSpan(children), expectedHere[t]);
                                if (observation is not null)
                                {
                                    _store._slots[slot] = observation;
                                    _store._rolledUp[slot] = true;
                                    rolled.Add((group[0].Sequence, slot, parent));
                                }
                            }
                        }
                    }
                }

                // Parents at one level are never each other's children, so marking them now changes no count above.
                rolled.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                foreach (var (_, slot, parent) in rolled)
                {
                    _store._sequence[slot] = sequence++;
                    hasData[parent] = true;
                }
            }
        }

        private static bool Rolls(Measure? measure) => measure is not null && measure.Aggregation != Aggregation.None;

        private static bool OpenDuring(OrgUnit unit, Period period) =>
            (unit.OpenedOn is null || unit.OpenedOn <= period.End) && (unit.ClosedOn is null || unit.ClosedOn >= period.Start);

        private IEnumerable<int> Levels() => _depth.Take(_hierarchyUnits).Distinct().OrderDescending();

        /// <summary>Children that have any data and were open during each period: how many should have reported.</summary>
        private int[] Expected(int parent, PeriodAxis axis, bool[] hasData)
        {
            var expected = new int[axis.Count];
            foreach (var child in Children[parent])
            {
                if (!hasData[child])
                {
                    continue;
                }

                for (var t = 0; t < axis.Count; t++)
                {
                    if (OpenDuring(_store._units[child]!, axis.Periods[t]))
                    {
                        expected[t]++;
                    }
                }
            }

            return expected;
        }
    }
}
