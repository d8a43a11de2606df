using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;

namespace Outcomes.Scoring.Targets;

/// <summary>
/// Finds the target in force for a measure, org unit and period: the unit's own, else its nearest
/// ancestor's, else the framework default. Among several at one level the one starting latest wins.
/// </summary>
public sealed class TargetResolver
{
    private readonly OrgUnitHierarchy _hierarchy;
    private readonly ILookup<string, Target> _byMeasure;

    public TargetResolver(OrgUnitHierarchy hierarchy, IEnumerable<Target> targets)
    {
        _hierarchy = hierarchy;
        _byMeasure = targets.ToLookup(t => t.MeasureCode, StringComparer.OrdinalIgnoreCase);
    }

    public Target? Resolve(string measureCode, string orgUnitCode, Period period)
    {
        var candidates = _byMeasure[measureCode].Where(t => t.AppliesOn(period.Start)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (string? unit = orgUnitCode; unit is not null && seen.Add(unit); unit = _hierarchy.RollUpParent(unit, period.End))
        {
            var own = Latest(candidates.Where(t => string.Equals(t.OrgUnitCode, unit, StringComparison.OrdinalIgnoreCase)));
            if (own is not null)
            {
                return own;
            }
        }

        return Latest(candidates.Where(t => t.OrgUnitCode is null));
    }

    /// <summary>A target set for this unit itself (not inherited), or null.</summary>
    public Target? ResolveOwn(string measureCode, string orgUnitCode, Period period) =>
        Latest(_byMeasure[measureCode].Where(t => t.AppliesOn(period.Start) && string.Equals(t.OrgUnitCode, orgUnitCode, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// The target in force (<see cref="Resolve"/>) as it applies to <paramref name="period"/>: along its trajectory and phased
    /// into the quarter or month (<see cref="EffectiveTargets"/>), with the note that explains it; null when there is none.
    /// </summary>
    public EffectiveTarget? ResolveEffective(Measure measure, string orgUnitCode, Period period)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return Resolve(measure.Code, orgUnitCode, period) is { } target ? EffectiveTargets.For(measure, target, period) : null;
    }

    /// <summary>The unit's own target (<see cref="ResolveOwn"/>) as it applies to <paramref name="period"/>; null when it has none.</summary>
    public EffectiveTarget? ResolveOwnEffective(Measure measure, string orgUnitCode, Period period)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return ResolveOwn(measure.Code, orgUnitCode, period) is { } target ? EffectiveTargets.For(measure, target, period) : null;
    }

    private static Target? Latest(IEnumerable<Target> targets) =>
        targets.OrderByDescending(t => t.From ?? DateOnly.MinValue).FirstOrDefault();
}
