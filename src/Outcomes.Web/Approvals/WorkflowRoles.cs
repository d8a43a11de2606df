using Outcomes.Domain.Access;
using Outcomes.Storage.Returns;

namespace Outcomes.Web.Approvals;

/// <summary>
/// The workflow role a signed-in user acts in for one org unit, read from the permissions their roles grant over that
/// unit: reopening is the administrator's alone, so a role covering the unit that may reopen makes an
/// <see cref="WorkflowRole.Administrator"/>; one that may approve or lock an <see cref="WorkflowRole.Approver"/>; one
/// that may submit a <see cref="WorkflowRole.PerformanceOfficer"/> (whom <see cref="ReturnWorkflow"/> itself refuses).
/// Board and scrutiny members only read: they have no workflow role and are refused before the workflow is asked.
/// </summary>
public static class WorkflowRoles
{
    public static WorkflowRole? For(AccessPolicy policy, IReadOnlyList<RoleAssignment> roles, string orgUnitCode)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.May(roles, Permission.ReopenReturn, orgUnitCode))
        {
            return WorkflowRole.Administrator;
        }

        if (policy.May(roles, Permission.ApproveReturn, orgUnitCode) || policy.May(roles, Permission.LockReturn, orgUnitCode))
        {
            return WorkflowRole.Approver;
        }

        return policy.May(roles, Permission.SubmitReturn, orgUnitCode) ? WorkflowRole.PerformanceOfficer : null;
    }

    /// <summary>"board member and scrutiny member": the roles that reach the unit, as a sentence says them.</summary>
    public static string Words(AccessPolicy policy, IReadOnlyList<RoleAssignment> roles, string orgUnitCode)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(roles);
        var names = policy.Hierarchy.TryGet(orgUnitCode, out var unit)
            ? roles.Where(r => policy.Covers(r, unit)).Select(r => RoleNames.Words(r.Role)).Distinct().ToList()
            : [];
        return names.Count == 0 ? "no role here" : string.Join(" and ", names);
    }
}
