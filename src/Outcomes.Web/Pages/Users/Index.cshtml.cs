using Microsoft.AspNetCore.Mvc;
using Outcomes.Application.Accounts;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Pages.Users;

/// <summary>The users an administrator may manage: those holding a role within the administrator's reach.</summary>
public sealed class IndexModel(AccessPolicies policies, UserManagement management, TimeProvider clock) : AccountPageModel(policies)
{
    public IReadOnlyList<ManagedUser> Users { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await AdministratorPolicyAsync(cancellationToken) is not { } policy)
        {
            return NotFound();
        }

        Users = await management.ListAsync(policy, Acting, cancellationToken);
        return Page();
    }
}
