using System.Globalization;
using Outcomes.Application.Packs;
using Outcomes.Domain.Access;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Returns;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Caching;

namespace Outcomes.Web.Dashboard;

/// <summary>
/// Builds the dashboard for a user's roles: only units their scopes name, only their authorities' frameworks. Kept in
/// <see cref="DashboardCache"/> until the store's data generation moves on (any change to scores, returns, frameworks,
/// targets or org units, by anyone) or the day changes.
/// </summary>
public sealed class DashboardQuery(OutcomesStore store, StoredReferenceData reference, ScoreRepository scores, DashboardCache cache, TimeProvider clock)
{
    public async Task<DashboardModel> BuildAsync(IReadOnlyList<RoleAssignment> roles, CancellationToken cancellationToken)
    {
        var snapshot = await reference.CurrentAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // A shared build runs to the end even if the request that started it goes away: others may be waiting for it.
        return await cache.GetOrBuildAsync(snapshot.Generation, today, roles, () => BuildAsync(roles, snapshot, today, CancellationToken.None));
    }

    private async Task<DashboardModel> BuildAsync(IReadOnlyList<RoleAssignment> roles, ReferenceSnapshot snapshot, DateOnly today, CancellationToken cancellationToken)
    {
        var policy = new AccessPolicy(snapshot.Hierarchy, today);
        var all = snapshot.Frameworks;
        var returns = new ReturnRepository(store);
        var units = new List<DashboardUnit>();
        foreach (var unit in policy.ScopeUnits(roles))
        {
            var panels = new List<DashboardFramework>();
            foreach (var framework in all.Where(f => string.Equals(f.AuthorityCode, unit.AuthorityCode, StringComparison.OrdinalIgnoreCase)))
            {
                panels.Add(await FrameworkAsync(framework, unit, policy, returns, today, cancellationToken));
            }

            units.Add(new DashboardUnit(unit, panels));
        }

        return new DashboardModel(units, today);
    }

    private async Task<DashboardFramework> FrameworkAsync(
        Framework framework, Domain.OrgUnits.OrgUnit unit, AccessPolicy policy, ReturnRepository returns, DateOnly today, CancellationToken cancellationToken)
    {
        var unitScores = await scores.ListAsync(framework.Code, null, unit.Code, cancellationToken);
        if (unitScores.Count == 0)
        {
            return new DashboardFramework(framework.Code, framework.Name, null, [], null);
        }

        var latest = unitScores.MaxBy(s => s.Period.End)!.Period;

        var measures = framework.VersionOn(latest.Start)?.Measures ?? [];
        var order = measures.Select((m, i) => (m.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);
        var rows = unitScores
            .Where(s => s.Period == latest)
            .OrderBy(s => order.GetValueOrDefault(s.MeasureCode, int.MaxValue))
            .Select(s =>
            {
                var measure = measures.FirstOrDefault(m => string.Equals(m.Code, s.MeasureCode, StringComparison.OrdinalIgnoreCase));
                return new DashboardMeasure(s.MeasureCode, measure?.Title ?? s.MeasureCode, Format(s.Actual, s.SuppressionReason, measure), s.Status, s.StatusLetter, s.DirectionFromPrevious);
            })
            .ToList();

        var owed = await ReturnsOwed.ListAsync(store, framework, policy.Hierarchy, unit, latest, cancellationToken);
        var owing = owed.Select(o => o.OrgUnitCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var awaiting = (await returns.ListAsync(framework.Code, latest, null, cancellationToken))
            .Where(r => r.Status == ReturnStatus.Submitted && owing.Contains(r.OrgUnitCode))
            .OrderBy(r => r.OrgUnitCode, StringComparer.Ordinal)
            .ToList();
        var panel = new ReturnsPanel(
            latest,
            framework.ReturnDeadline(latest),
            owed.Count,
            owed.Count(o => o.FirstSubmittedAt is not null),
            owed.Where(o => o.FirstSubmittedAt is null && o.Deadline < today).ToList(),
            owed.Where(o => o.FirstSubmittedAt is null && o.Deadline >= today).ToList(),
            awaiting);
        return new DashboardFramework(framework.Code, framework.Name, latest, rows, panel);
    }

    private static string Format(decimal? value, string? suppression, Measure? measure)
    {
        if (value is not { } v)
        {
            return suppression is null ? "No data" : "Suppressed";
        }

        var text = v.ToString("N" + (measure?.Decimals ?? 0).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return measure?.Unit == MeasureUnit.Percentage ? text + "%" : text;
    }
}
