using System.Collections.Concurrent;

namespace Outcomes.Domain.OrgUnits;

/// <summary>
/// The tree of org units through time. Roll-ups follow history: a closed or merged centre counts
/// towards the unit its successor belongs to today, or failing a successor, the parent it last had.
/// </summary>
public sealed class OrgUnitHierarchy
{
    private readonly Dictionary<string, OrgUnit> _units;
    private readonly ILookup<string, OrgUnitLink> _linksByChild;

    // The hierarchy never changes once built, so each date's roll-up parents are worked out once (all units in one
    // pass) and kept: a roll-up over a subtree is then a walk down an index, not a scan of every unit per node.
    private readonly ConcurrentDictionary<DateOnly, ILookup<string, OrgUnit>> _rollUpChildrenByDate = new();

    public OrgUnitHierarchy(IEnumerable<OrgUnit> units, IEnumerable<OrgUnitLink> links)
    {
        _units = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        _linksByChild = links.ToLookup(l => l.ChildCode, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<OrgUnit> Units => _units.Values;

    public OrgUnit Get(string code) =>
        _units.TryGetValue(code, out var unit) ? unit : throw new KeyNotFoundException($"Unknown org unit '{code}'.");

    public bool TryGet(string code, out OrgUnit unit) => _units.TryGetValue(code, out unit!);

    /// <summary>The parent on <paramref name="date"/>, or null for an authority or a date outside every link.</summary>
    public string? ParentOn(string code, DateOnly date) =>
        _linksByChild[code].Where(l => l.Covers(date)).Select(l => l.ParentCode).FirstOrDefault();

    /// <summary>The parent a unit had last (used for closed units with no successor).</summary>
    public string? LastParent(string code) =>
        _linksByChild[code].OrderByDescending(l => l.To ?? DateOnly.MaxValue).Select(l => l.ParentCode).FirstOrDefault();

    /// <summary>
    /// The parent a unit's data rolls up to as of <paramref name="asOf"/>: its parent then if it is open,
    /// else its successor's (following chains of merges), else its last parent.
    /// </summary>
    public string? RollUpParent(string code, DateOnly asOf)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var current = Get(code);
        while (!current.IsOpenOn(asOf) && current.SuccessorCode is { } next && seen.Add(current.Code))
        {
            current = Get(next);
        }

        if (!string.Equals(current.Code, code, StringComparison.OrdinalIgnoreCase) && current.IsOpenOn(asOf))
        {
            // A successor of the same type takes the closed unit's place: roll up to the successor's parent.
            // A successor of another type (a centre that became a part-time site, or merged into a hub) takes over
            // the closed unit's history: the successor itself is the parent, and rolls up as it does today.
            return current.Type == Get(code).Type ? ParentOn(current.Code, asOf) ?? LastParent(current.Code) : current.Code;
        }

        return ParentOn(current.Code, asOf) ?? LastParent(current.Code);
    }

    /// <summary>Units (open or closed) whose data rolls up directly into <paramref name="parentCode"/> as of a date.</summary>
    public IReadOnlyList<OrgUnit> RollUpChildren(string parentCode, DateOnly asOf) =>
        [.. RollUpChildrenOn(asOf)[parentCode]];

    private ILookup<string, OrgUnit> RollUpChildrenOn(DateOnly asOf) =>
        _rollUpChildrenByDate.GetOrAdd(asOf, date => _units.Values
            .Select(u => (Unit: u, Parent: RollUpParent(u.Code, date)))
            .Where(x => x.Parent is not null)
            .OrderBy(x => x.Unit.Code, StringComparer.Ordinal)
            .ToLookup(x => x.Parent!, x => x.Unit, StringComparer.OrdinalIgnoreCase));

    /// <summary>Children open on a date, by today's links.</summary>
    public IReadOnlyList<OrgUnit> ChildrenOn(string parentCode, DateOnly date) =>
        _units.Values
            .Where(u => u.IsOpenOn(date) && string.Equals(ParentOn(u.Code, date), parentCode, StringComparison.OrdinalIgnoreCase))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every unit whose roll-up chain reaches <paramref name="ancestorCode"/> as of a date (not including it).</summary>
    public IReadOnlyList<OrgUnit> RollUpDescendants(string ancestorCode, DateOnly asOf)
    {
        var result = new List<OrgUnit>();
        var queue = new Queue<string>([ancestorCode]);
        while (queue.Count > 0)
        {
            foreach (var child in RollUpChildren(queue.Dequeue(), asOf))
            {
                result.Add(child);
                queue.Enqueue(child.Code);
            }
        }

        return result;
    }
}
