using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Targets;

namespace Outcomes.Ingestion.Frameworks;

/// <summary>
/// Everything one council's framework folder declares: its org units through time, the links between them,
/// the versioned framework and the targets. Built only when the folder loads with no problems.
/// </summary>
public sealed record FrameworkPackage(
    IReadOnlyList<OrgUnit> OrgUnits,
    IReadOnlyList<OrgUnitLink> Links,
    Framework Framework,
    IReadOnlyList<Target> Targets,
    string SourceFolder)
{
    /// <summary>The one unit of type <see cref="OrgUnitType.Authority"/>.</summary>
    public OrgUnit Authority => OrgUnits.First(u => u.Type == OrgUnitType.Authority);

    public OrgUnitHierarchy Hierarchy() => new(OrgUnits, Links);

    /// <summary>Units of the framework's returning level that are open on a date.</summary>
    public IReadOnlyList<OrgUnit> ReturningUnitsOn(DateOnly date) =>
        OrgUnits.Where(u => string.Equals(u.Type.ToString(), Framework.ReturningLevel, StringComparison.OrdinalIgnoreCase) && u.IsOpenOn(date))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
}

/// <summary>
/// One thing wrong with a framework folder, as data: the file (relative, "bradford/framework.v1.yaml"),
/// the line (1-based, when known), the field path within the YAML ("measures[2].polarity"),
/// a stable rule code ("measure.polarity") and a plain-English message.
/// </summary>
public sealed record FrameworkProblem(string File, int? Line, string Field, string Rule, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{File} line {line}: {Message}" : $"{File}: {Message}";
}

/// <summary>The outcome of loading one folder: a package, or the problems that stopped it.</summary>
public sealed record FrameworkLoadResult(string SourceFolder, FrameworkPackage? Package, IReadOnlyList<FrameworkProblem> Problems)
{
    public bool Succeeded => Package is not null && Problems.Count == 0;
}
