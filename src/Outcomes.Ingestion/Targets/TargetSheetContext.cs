using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;

namespace Outcomes.Ingestion.Targets;

/// <summary>
/// What a targets sheet may name: the framework's measures (each with the dates of the versions that have it; the latest
/// definition decides unit, polarity and the rest, as for targets.yaml) and the org units of the framework's authority.
/// </summary>
public sealed class TargetSheetContext
{
    private readonly Dictionary<string, List<(DateOnly From, DateOnly To, Measure Measure)>> _measures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, OrgUnit> _units = new(StringComparer.OrdinalIgnoreCase);

    public TargetSheetContext(Framework framework, IEnumerable<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(units);
        Framework = framework;
        foreach (var version in framework.Versions.OrderBy(v => v.Version))
        {
            foreach (var measure in version.Measures)
            {
                if (!_measures.TryGetValue(measure.Code, out var list))
                {
                    _measures[measure.Code] = list = [];
                }

                list.Add((version.EffectiveFrom, version.EffectiveTo ?? DateOnly.MaxValue, measure));
            }
        }

        foreach (var unit in units.Where(u => string.Equals(u.AuthorityCode, framework.AuthorityCode, StringComparison.OrdinalIgnoreCase)))
        {
            _units.TryAdd(unit.Code, unit);
        }
    }

    public Framework Framework { get; }

    /// <summary>The authority's units, by code.</summary>
    public IReadOnlyCollection<OrgUnit> Units => _units.Values;

    /// <summary>Every measure code of any version, each with its latest definition, in the latest version's order.</summary>
    public IReadOnlyList<Measure> Measures =>
        _measures.Values.Select(l => l[^1].Measure).ToList();

    public bool TryUnit(string code, out OrgUnit unit) => _units.TryGetValue(code, out unit!);

    /// <summary>The latest definition of a measure, or null when no version has it.</summary>
    public Measure? Latest(string code) => _measures.TryGetValue(code, out var list) ? list[^1].Measure : null;

    /// <summary>Whether some version that has the measure is in force at some time within [from, to].</summary>
    public bool MeasureExistsWithin(string code, DateOnly from, DateOnly to) =>
        _measures.TryGetValue(code, out var list) && list.Any(v => v.From <= to && from <= v.To);
}
