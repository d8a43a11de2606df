using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Application.Accounts;
using Outcomes.Domain.Access;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Accounts;

/// <summary>
/// What the users and account pages share: the signed-in account, the access policy, and the problems a post found
/// (shown in the GOV.UK error summary, each linked to its field by id). Every response is marked no-store, since these
/// pages may show a password or token once.
/// </summary>
public abstract class AccountPageModel(AccessPolicies policies) : PageModel
{
    public List<AccountProblem> Problems { get; } = [];

    protected UserAccount Acting => SignedInUser.Get(HttpContext)!;

    public string? ErrorFor(string field) => Problems.FirstOrDefault(p => p.Field == field)?.Message;

    /// <summary>The access policy when the signed-in user administers anything; null (the page answers 404) when not.</summary>
    protected async Task<AccessPolicy?> AdministratorPolicyAsync(CancellationToken cancellationToken)
    {
        NoStore();
        return SignedInUser.Get(HttpContext) is { } user && user.Roles.Any(r => RolePermissions.Grants(r.Role, Permission.ManageUsers))
            ? await policies.CurrentAsync(cancellationToken)
            : null;
    }

    protected Task<AccessPolicy> PolicyAsync(CancellationToken cancellationToken) => policies.CurrentAsync(cancellationToken);

    protected void NoStore() => Response.Headers.CacheControl = "no-store";

    /// <summary>"Error: " before the title when there are problems, as the GOV.UK pattern asks.</summary>
    public string Title(string title) => (Problems.Count > 0 ? "Error: " : string.Empty) + title;
}
