using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.RollUps;

/// <summary>
/// Rolls observations up the org-unit tree by each measure's aggregation rule (METHODS §6): counts add,
/// ratios are recomputed from summed numerators and denominators at every level, never averaged. History
/// follows <see cref="OrgUnitHierarchy.RollUpParent"/>, so a closed or merged centre counts where it belongs
/// on <c>asOf</c>. A value a unit returned itself (e.g. an authority's published DfE figure) wins over the
/// computed one. Units that did not report are named in the data-quality flag, never counted as zero.
/// </summary>
public static class RollUpCalculator
{
    public static IReadOnlyList<Observation> RollUp(
        FrameworkVersion version, OrgUnitHierarchy hierarchy, IReadOnlyCollection<Observation> observations, DateOnly asOf)
    {
        var effective = new Dictionary<(string Unit, string Measure, Period Period), Observation>(Engine.ObservationKeyComparer.Instance);
        foreach (var o in observations)
        {
            effective[(o.OrgUnitCode, o.MeasureCode, o.Period)] = o;
        }

        var hasData = observations.Select(o => o.OrgUnitCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var childrenOf = new Dictionary<string, IReadOnlyList<OrgUnit>>(StringComparer.OrdinalIgnoreCase);
        var parentOf = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? Parent(string code) =>
            parentOf.TryGetValue(code, out var p) ? p : parentOf[code] = hierarchy.RollUpParent(code, asOf);

        var depth = hierarchy.Units.ToDictionary(u => u.Code, u => Depth(u.Code, Parent), StringComparer.OrdinalIgnoreCase);
        var computed = new List<Observation>();
        foreach (var level in depth.GroupBy(d => d.Value).OrderByDescending(g => g.Key))
        {
            var parentsAtLevel = level.Select(l => l.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var childGroups = effective.Values
                .Select(o => (Obs: o, Parent: Parent(o.OrgUnitCode)))
                .Where(x => x.Parent is not null && parentsAtLevel.Contains(x.Parent))
                .GroupBy(x => (Unit: x.Parent!, Measure: x.Obs.MeasureCode, x.Obs.Period), Engine.ObservationKeyComparer.Instance)
                .ToList();
            foreach (var group in childGroups)
            {
                if (effective.ContainsKey(group.Key) || version.Find(group.Key.Measure) is not { } measure || measure.Aggregation == Aggregation.None)
                {
                    continue;
                }

                var parentCode = hierarchy.Get(group.Key.Unit).Code;
                if (!childrenOf.TryGetValue(parentCode, out var kids))
                {
                    kids = childrenOf[parentCode] = hierarchy.RollUpChildren(parentCode, asOf);
                }

                var expected = kids.Count(u => hasData.Contains(u.Code) && OpenDuring(u, group.Key.Period));
                var rolled = Aggregate(measure, parentCode, group.Key.Period, group.Select(g => g.Obs).ToList(), expected);
                if (rolled is not null)
                {
                    effective[group.Key] = rolled;
                    hasData.Add(parentCode);
                    computed.Add(rolled);
                }
            }
        }

        return computed;
    }

    public static Observation? Aggregate(Measure measure, string parentCode, Period period, IReadOnlyList<Observation> children, int expectedChildren)
    {
        var usable = children.Where(c => measure.Aggregation == Aggregation.Ratio
            ? c.Numerator is not null && c.Denominator is not null
            : c.HasValue).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        decimal? value, numerator = null, denominator = null;
        if (measure.Aggregation == Aggregation.Ratio || usable.All(c => c.Numerator is not null && c.Denominator is not null))
        {
            numerator = usable.Sum(c => c.Numerator!.Value);
            denominator = usable.Sum(c => c.Denominator!.Value);
            value = denominator == 0 ? null : numerator / denominator * measure.Multiplier;
            if (measure.Aggregation != Aggregation.Ratio && measure.Unit == MeasureUnit.Count)
            {
                value = usable.Sum(c => c.Value ?? 0m);
            }
        }
        else
        {
            value = usable.Sum(c => c.Value!.Value);
        }

        var missing = Math.Max(expectedChildren, children.Count) - usable.Count;
        return new Observation
        {
            OrgUnitCode = parentCode,
            Period = period,
            MeasureCode = measure.Code,
            Value = value,
            Numerator = numerator,
            Denominator = denominator,
            DataQualityFlag = missing > 0
                ? $"incomplete: {usable.Count} of {usable.Count + missing} units reported a usable value"
                : null,
        };
    }

    /// <summary>
    /// <see cref="Aggregate"/> without the LINQ: the same usable children, the same sums in the same order and the
    /// same flag, for the scoring engine's series roll-up, which calls it about once per parent × measure × period.
    /// </summary>
    internal static Observation? AggregateChildren(Measure measure, string parentCode, Period period, ReadOnlySpan<Observation> children, int expectedChildren)
    {
        var ratio = measure.Aggregation == Aggregation.Ratio;
        int usable = 0;
        var allWithParts = true;
        foreach (var c in children)
        {
            if (ratio ? c.Numerator is not null && c.Denominator is not null : c.HasValue)
            {
                usable++;
                allWithParts &= c.Numerator is not null && c.Denominator is not null;
            }
        }

        if (usable == 0)
        {
            return null;
        }

        decimal? value, numerator = null, denominator = null;
        if (ratio || allWithParts)
        {
            decimal num = 0m, den = 0m, counted = 0m;
            var counting = !ratio && measure.Unit == MeasureUnit.Count;
            foreach (var c in children)
            {
                if (ratio ? c.Numerator is not null && c.Denominator is not null : c.HasValue)
                {
                    num += c.Numerator!.Value;
                    den += c.Denominator!.Value;
                    if (counting)
                    {
                        counted += c.Value ?? 0m;
                    }
                }
            }

            numerator = num;
            denominator = den;
            value = denominator == 0 ? null : numerator / denominator * measure.Multiplier;
            if (counting)
            {
                value = counted;
            }
        }
        else
        {
            decimal sum = 0m;
            foreach (var c in children)
            {
                if (c.HasValue)
                {
                    sum += c.Value!.Value;
                }
            }

            value = sum;
        }

        var missing = Math.Max(expectedChildren, children.Length) - usable;
        return new Observation
        {
            OrgUnitCode = parentCode,
            Period = period,
            MeasureCode = measure.Code,
            Value = value,
            Numerator = numerator,
            Denominator = denominator,
            DataQualityFlag = missing > 0
                ? $"incomplete: {usable} of {usable + missing} units reported a usable value"
                : null,
        };
    }

    private static bool OpenDuring(OrgUnit unit, Period period) =>
        (unit.OpenedOn is null || unit.OpenedOn <= period.End) && (unit.ClosedOn is null || unit.ClosedOn >= period.Start);

    private static int Depth(string code, Func<string, string?> parent)
    {
        var depth = 0;
        for (var p = parent(code); p is not null && depth < 32; p = parent(p))
        {
            depth++;
        }

        return depth;
    }
}
