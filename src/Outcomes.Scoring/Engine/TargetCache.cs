using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Targets;

namespace Outcomes.Scoring.Engine;

/// <summary>
/// <see cref="TargetResolver"/>'s answers, asked once per measure × org unit × range of periods instead of once per score.
/// A resolver answer depends on the period only through (a) which targets apply on its start and (b) each unit's
/// roll-up parent on its end; periods that agree on both form one range and share every answer. Both are worked out
/// from the targets and the hierarchy themselves, so the ranges follow whatever dates targets and links carry.
/// If <see cref="TargetResolver"/> ever reads the period in another way (e.g. phased targets), extend <see cref="Ranges"/>.
/// Thread-safe: entries are filled on first use, and a race only computes the same answer twice.
/// </summary>
internal sealed class TargetCache
{
    private static readonly object NotYet = new();

    private readonly TargetResolver _resolver;
    private readonly SeriesStore _store;
    private readonly bool _anyTargets;
    private readonly int[][] _ownRange;
    private readonly int[][] _inheritedRange;
    private readonly int _ownRanges;
    private readonly int _inheritedRanges;
    private readonly object?[] _own;
    private readonly object?[] _inherited;
    private readonly ConcurrentDictionary<(Measure, Target), EffectiveTarget?[]> _effective = new(ByReference.Instance);
    private readonly int[] _periodOffset = new int[7];

    public TargetCache(SeriesStore store, OrgUnitHierarchy hierarchy, IReadOnlyCollection<Target> targets)
    {
        _store = store;
        _resolver = new TargetResolver(hierarchy, targets);
        _anyTargets = targets.Count > 0;
        for (var type = 0; type < 6; type++)
        {
            _periodOffset[type + 1] = _periodOffset[type] + (store.Axis(type)?.Count ?? 0);
        }

        _ownRange = new int[6][];
        _inheritedRange = new int[6][];
        if (!_anyTargets)
        {
            // Without targets both resolver calls answer null for any period; nothing to cache.
            _own = _inherited = [];
            return;
        }

        (_ownRanges, _inheritedRanges) = Ranges(hierarchy, targets);
        _own = new object?[store.CodeCount * store.UnitCount * _ownRanges];
        _inherited = new object?[store.CodeCount * store.UnitCount * _inheritedRanges];
        Array.Fill(_own, NotYet);
        Array.Fill(_inherited, NotYet);
    }

    /// <summary><see cref="TargetResolver.ResolveOwn"/>, for a unit, code and period the store knows (index ≥ 0) or not.</summary>
    public Target? ResolveOwn(string measureCode, int code, string unitCode, int unit, Period period, int t)
    {
        if (!_anyTargets)
        {
            return null;
        }

        if (code < 0 || unit < 0 || t < 0)
        {
            return _resolver.ResolveOwn(measureCode, unitCode, period);
        }

        ref var entry = ref _own[(((code * _store.UnitCount) + unit) * _ownRanges) + _ownRange[(int)period.Type][t]];
        if (ReferenceEquals(entry, NotYet))
        {
            entry = _resolver.ResolveOwn(measureCode, unitCode, period);
        }

        return (Target?)entry;
    }

    /// <summary><see cref="TargetResolver.Resolve"/>: the unit's own target, else the nearest ancestor's, else the default.</summary>
    public Target? Resolve(string measureCode, int code, string unitCode, int unit, Period period, int t)
    {
        if (!_anyTargets)
        {
            return null;
        }

        if (code < 0 || unit < 0 || t < 0)
        {
            return _resolver.Resolve(measureCode, unitCode, period);
        }

        ref var entry = ref _inherited[(((code * _store.UnitCount) + unit) * _inheritedRanges) + _inheritedRange[(int)period.Type][t]];
        if (ReferenceEquals(entry, NotYet))
        {
            entry = _resolver.Resolve(measureCode, unitCode, period);
        }

        return (Target?)entry;
    }

    /// <summary>
    /// <see cref="TargetResolver.ResolveOwnEffective"/>: the unit's own target as it applies to the period (phased, along its
    /// trajectory), with its note. The raw target comes from <see cref="ResolveOwn"/>; the effective one is worked out once
    /// per measure, target and period (<see cref="EffectiveTargets.For"/> is pure), so every score that shares it gets the
    /// same object.
    /// </summary>
    public EffectiveTarget? ResolveOwnEffective(Measure measure, int code, string unitCode, int unit, Period period, int t) =>
        code < 0 || unit < 0 || t < 0
            ? _resolver.ResolveOwnEffective(measure, unitCode, period)
            : ResolveOwn(measure.Code, code, unitCode, unit, period, t) is { } target ? Effective(measure, target, period, t) : null;

    /// <summary><see cref="TargetResolver.ResolveEffective"/>: the target in force (own, inherited or default) as it applies to the period.</summary>
    public EffectiveTarget? ResolveEffective(Measure measure, int code, string unitCode, int unit, Period period, int t) =>
        code < 0 || unit < 0 || t < 0
            ? _resolver.ResolveEffective(measure, unitCode, period)
            : Resolve(measure.Code, code, unitCode, unit, period, t) is { } target ? Effective(measure, target, period, t) : null;

    /// <summary>
    /// The effective target for one period. Where it comes out exactly as in the first period asked (a plain target
    /// does every quarter), the first object is handed back, so that ratings remembered by target object are shared.
    /// </summary>
    private EffectiveTarget Effective(Measure measure, Target target, Period period, int t)
    {
        var periods = _effective.GetOrAdd((measure, target), _ => new EffectiveTarget?[_periodOffset[6] + 1]);
        ref var entry = ref periods[_periodOffset[(int)period.Type] + t];
        if (entry is null)
        {
            var made = EffectiveTargets.For(measure, target, period);
            ref var first = ref periods[^1];
            first ??= made;
            entry = Identical(made, first) ? first : made;
        }

        return entry;
    }

    /// <summary>Equal as records, and the decimals equal bit for bit too (records compare 1.0 and 1.00 as equal).</summary>
    private static bool Identical(EffectiveTarget a, EffectiveTarget b) =>
        a.Equals(b) && Bits(a.Target.Value) == Bits(b.Target.Value) && Bits(a.Target.Tolerance) == Bits(b.Target.Tolerance)
        && Bits(a.Target.Stretch ?? 0m) == Bits(b.Target.Stretch ?? 0m) && Bits(a.Target.BaselineValue ?? 0m) == Bits(b.Target.BaselineValue ?? 0m);

    private static (long, long) Bits(decimal d) => Unsafe.As<decimal, (long, long)>(ref d);

    /// <summary>
    /// Numbers every period of every axis by (targets applying on its start) for own targets, and by that and (every
    /// unit's roll-up parent on its end) for inherited ones. Returns how many distinct ranges of each there are.
    /// </summary>
    private (int Own, int Inherited) Ranges(OrgUnitHierarchy hierarchy, IReadOnlyCollection<Target> targets)
    {
        var units = hierarchy.Units.Select(u => u.Code).ToArray();
        var byApplying = new Dictionary<int[], int>(SequenceComparer<int>.Instance);
        var byTree = new Dictionary<string?[], int>(SequenceComparer<string?>.Instance);
        var byBoth = new Dictionary<(int, int), int>();
        var treeOn = new Dictionary<DateOnly, int>();
        for (var type = 0; type < 6; type++)
        {
            if (_store.Axis(type) is not { } axis)
            {
                continue;
            }

            _ownRange[type] = new int[axis.Count];
            _inheritedRange[type] = new int[axis.Count];
            for (var t = 0; t < axis.Count; t++)
            {
                var period = axis.Periods[t];
                var applying = targets.Select((target, i) => target.AppliesOn(period.Start) ? i : -1).Where(i => i >= 0).ToArray();
                var own = _ownRange[type][t] = Number(byApplying, applying);
                if (!treeOn.TryGetValue(period.End, out var tree))
                {
                    tree = treeOn[period.End] = Number(byTree, units.Select(u => ParentOn(hierarchy, u, period.End)).ToArray());
                }

                _inheritedRange[type][t] = Number(byBoth, (own, tree));
            }
        }

        return (byApplying.Count, byBoth.Count);
    }

    private static int Number<TKey>(Dictionary<TKey, int> numbers, TKey key)
        where TKey : notnull =>
        numbers.TryGetValue(key, out var n) ? n : numbers[key] = numbers.Count;

    /// <summary>The roll-up parent on a date, or a marker where the hierarchy cannot say (the resolver would throw there too).</summary>
    private static string? ParentOn(OrgUnitHierarchy hierarchy, string unit, DateOnly date)
    {
        try
        {
            return hierarchy.RollUpParent(unit, date);
        }
        catch (KeyNotFoundException)
        {
            return "\0unknown org unit";
        }
    }

    /// <summary>A measure and a target compared as objects, not as records.</summary>
    private sealed class ByReference : IEqualityComparer<(Measure, Target)>
    {
        public static readonly ByReference Instance = new();

        public bool Equals((Measure, Target) x, (Measure, Target) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((Measure, Target) obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
    }

    private sealed class SequenceComparer<T> : IEqualityComparer<T[]>
    {
        public static readonly SequenceComparer<T> Instance = new();

        public bool Equals(T[]? x, T[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(T[] obj)
        {
            var hash = default(HashCode);
            foreach (var item in obj)
            {
                hash.Add(item);
            }

            return hash.ToHashCode();
        }
    }
}
