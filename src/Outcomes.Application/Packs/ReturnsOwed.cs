using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Scoring.Exceptions;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Packs;

/// <summary>
/// The returns an org unit's subtree owed for a period: every unit at the framework's returning level (the unit itself,
/// or those rolling up into it) that was open during the period, with the framework's deadline and when, if ever, each
/// return was first submitted.
/// </summary>
public static class ReturnsOwed
{
    public static async Task<IReadOnlyList<ReturnExpectation>> ListAsync(
        OutcomesStore store, Framework framework, OrgUnitHierarchy hierarchy, OrgUnit unit, Period period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(unit);
        if (!Enum.TryParse<OrgUnitType>(framework.ReturningLevel.Replace(" ", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var level))
        {
            return [];
        }

        var owing = new[] { unit }
            .Concat(hierarchy.RollUpDescendants(unit.Code, period.End))
            .Where(u => u.Type == level && (u.IsOpenOn(period.Start) || u.IsOpenOn(period.End)))
            .DistinctBy(u => u.Code, StringComparer.OrdinalIgnoreCase)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        if (owing.Count == 0)
        {
            return [];
        }

        var firsts = await new ReturnRepository(store).FirstSubmissionsAsync(framework.Code, period, cancellationToken);
        var deadline = framework.ReturnDeadline(period);
        return owing
            .Select(u => new ReturnExpectation(u.Code, period, deadline, firsts.TryGetValue(u.Code, out var at) ? at : null, u.Name))
            .ToList();
    }
}
