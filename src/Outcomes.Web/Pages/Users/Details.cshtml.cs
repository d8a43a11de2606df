using Microsoft.AspNetCore.Mvc;
using Outcomes.Application.Accounts;
using Outcomes.Domain.Access;
using Outcomes.Domain.OrgUnits;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Pages.Users;

/// <summary>
/// One user as an administrator sees them: grant and remove roles within reach, unlock, reset the password, disable or
/// enable. A user holding no role within the administrator's reach (another authority's, say) is a 404.
/// </summary>
public sealed class DetailsModel(AccessPolicies policies, UserManagement management, TimeProvider clock) : AccountPageModel(policies)
{
    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["added"] = "User added",
        ["granted"] = "Role given",
        ["revoked"] = "Role removed",
        ["unlocked"] = "Account unlocked",
        ["reset"] = "Password changed",
        ["disabled"] = "Account disabled: they can no longer sign in or use their API tokens",
        ["enabled"] = "Account enabled",
    };

    [FromRoute]
    public long Id { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Scope { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public ManagedUser Managed { get; private set; } = null!;

    public IReadOnlyList<OrgUnit> Scopes { get; private set; } = [];

    public string? Success { get; private set; }

    public string? GeneratedPassword { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public bool IsSelf => Managed.Account.Id == Acting.Id;

    public Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken) =>
        WithUserAsync((_, _) =>
        {
            Success = done is not null && Done.TryGetValue(done, out var message) ? message : null;
            return Task.FromResult<AccountChangeResult?>(null);
        }, null, cancellationToken);

    public Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken) =>
        WithUserAsync((policy, user) => management.GrantAsync(policy, Acting, user, Role, Scope, cancellationToken)!, "granted", cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken) =>
        WithUserAsync((policy, user) => management.RevokeAsync(policy, Acting, user, Role, Scope, cancellationToken)!, "revoked", cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) =>
        WithUserAsync((_, user) => management.UnlockAsync(Acting, user, cancellationToken)!, "unlocked", cancellationToken);

    public Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken) =>
        WithUserAsync((_, user) => management.ResetPasswordAsync(Acting, user, NewPassword, cancellationToken)!, "reset", cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        WithUserAsync((_, user) => management.SetDisabledAsync(Acting, user, disabled: true, cancellationToken)!, "disabled", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        WithUserAsync((_, user) => management.SetDisabledAsync(Acting, user, disabled: false, cancellationToken)!, "enabled", cancellationToken);

    private async Task<IActionResult> WithUserAsync(Func<AccessPolicy, ManagedUser, Task<AccountChangeResult?>> change, string? done, CancellationToken cancellationToken)
    {
        if (await AdministratorPolicyAsync(cancellationToken) is not { } policy
            || await management.FindAsync(policy, Acting, Id, cancellationToken) is not { } user)
        {
            return NotFound();
        }

        Managed = user;
        Scopes = UserManagement.GrantableScopes(policy, Acting);
        var result = await change(policy, user);
        NewPassword = null;
        if (result is null)
        {
            return Page();
        }

        if (!result.Succeeded)
        {
            Problems.AddRange(result.Problems);
            return Page();
        }

        if (result.GeneratedPassword is not null)
        {
            GeneratedPassword = result.GeneratedPassword;
            Success = Done[done!];
            Managed = (await management.FindAsync(policy, Acting, Id, cancellationToken))!;
            return Page();
        }

        return Redirect($"/users/{Id}?done={done}");
    }
}
