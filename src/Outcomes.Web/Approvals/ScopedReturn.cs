using Outcomes.Domain.Access;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Storage.Returns;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Approvals;

/// <summary>A stored return the caller may see, with what is needed to judge what else they may do to it.</summary>
public sealed record ScopedReturn(Framework Framework, OrgUnit Unit, Period Period, StoredReturn Stored, AccessPolicy Policy, IReadOnlyList<RoleAssignment> Roles)
{
    public string Label => ReturnWorkflow.Label(Unit.Code, Period);

    public string Url => ReturnUrls.Detail(Framework.Code, Unit.Code, Period);

    public bool May(Permission permission) => Policy.May(Roles, permission, Unit.Code);
}

/// <summary>
/// Finds a return by framework, org unit and period for a caller, or null: no such return, an unknown code, a unit of
/// another authority than the framework's, or a unit outside the caller's scopes all answer alike (a 404).
/// </summary>
public sealed class ReturnScope(OutcomesStore store, FrameworkRepository frameworks, AccessPolicies policies)
{
    public async Task<ScopedReturn?> FindAsync(IReadOnlyList<RoleAssignment> roles, string? framework, string? orgUnit, string? period, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(framework) || string.IsNullOrWhiteSpace(orgUnit) || !PeriodParser.TryParse(period, out var p, out _))
        {
            return null;
        }

        var policy = await policies.CurrentAsync(ct);
        if (await frameworks.GetAsync(framework, ct) is not { } found
            || !policy.Hierarchy.TryGet(orgUnit, out var unit)
            || !string.Equals(found.AuthorityCode, unit.AuthorityCode, StringComparison.OrdinalIgnoreCase)
            || !policy.May(roles, Permission.View, unit.Code))
        {
            return null;
        }

        var stored = await new ReturnRepository(store).FindAsync(found.Code, unit.Code, p, ct);
        return stored is null ? null : new ScopedReturn(found, unit, p, stored, policy, roles);
    }
}

/// <summary>Where a return's pages are.</summary>
public static class ReturnUrls
{
    public static string Detail(string framework, string orgUnit, Period period) =>
        $"/returns/{Uri.EscapeDataString(framework)}/{Uri.EscapeDataString(orgUnit)}/{Uri.EscapeDataString(period.Key)}";

    public static string Api(string framework, string orgUnit, Period period) => "/api/v1" + Detail(framework, orgUnit, period);
}
