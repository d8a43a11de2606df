using Microsoft.AspNetCore.Mvc;
using Outcomes.Application.Accounts;
using Outcomes.Domain.OrgUnits;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Pages.Users;

/// <summary>
/// Add a user with one role over an org unit in the administrator's scope. Leave the password empty and one is made
/// and shown once on the response to the post (never stored in clear, never shown again).
/// </summary>
public sealed class NewModel(AccessPolicies policies, UserManagement management) : AccountPageModel(policies)
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Scope { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public IReadOnlyList<OrgUnit> Scopes { get; private set; } = [];

    /// <summary>Set once the user is added: their id and, when it was generated, the password to pass on.</summary>
    public AccountChangeResult? Added { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await AdministratorPolicyAsync(cancellationToken) is not { } policy)
        {
            return NotFound();
        }

        Scopes = UserManagement.GrantableScopes(policy, Acting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await AdministratorPolicyAsync(cancellationToken) is not { } policy)
        {
            return NotFound();
        }

        Scopes = UserManagement.GrantableScopes(policy, Acting);
        var result = await management.AddAsync(policy, Acting, UserName, DisplayName, Role, Scope, Password, cancellationToken);
        Password = null;
        if (!result.Succeeded)
        {
            Problems.AddRange(result.Problems);
            return Page();
        }

        if (result.GeneratedPassword is null)
        {
            return Redirect($"/users/{result.UserId}?done=added");
        }

        Added = result;
        return Page();
    }
}
