using Outcomes.Domain.Access;
using Outcomes.Domain.OrgUnits;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Accounts;

/// <summary>A problem with one field of a request, as data: the page shows it in its error summary, linked to the field.</summary>
public sealed record AccountProblem(string Field, string Message);

/// <summary>
/// A user as an administrator sees them: only the roles within the administrator's reach are shown, and account-wide
/// actions (password, unlock, disable) are allowed only when every role the user holds is within reach.
/// </summary>
public sealed record ManagedUser(UserAccount Account, IReadOnlyList<RoleAssignment> VisibleRoles, bool FullyManaged);

/// <summary>What a change did: every problem (nothing stored when there is one), and a generated password to show once.</summary>
public sealed record AccountChangeResult(IReadOnlyList<AccountProblem> Problems, long UserId = 0, string? GeneratedPassword = null)
{
    public bool Succeeded => Problems.Count == 0;

    public static AccountChangeResult Refused(string field, string message) => new([new AccountProblem(field, message)]);
}

/// <summary>
/// The rules of the users pages. An administrator reaches a role when one of their administrator roles covers the
/// role's whole reach (a scrutiny member's reach is the scope's whole authority), so nobody can grant a scope outside
/// their own or give anyone more than they have. Nobody removes their own last administrator role or disables
/// themselves. Every change is audited by <see cref="AccountChangeRepository"/>.
/// </summary>
public sealed class UserManagement(UserRepository users, AccountChangeRepository changes, PasswordHashing hashing, UserAdministration administration, TimeProvider clock)
{
    /// <summary>Whether the acting user may grant or revoke this role.</summary>
    public static bool Reaches(AccessPolicy policy, UserAccount acting, RoleAssignment role)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(acting);
        ArgumentNullException.ThrowIfNull(role);
        if (!policy.Hierarchy.TryGet(role.ScopeCode, out var scope))
        {
            return false;
        }

        var reach = role.Role == Role.ScrutinyMember && policy.Hierarchy.TryGet(scope.AuthorityCode, out var authority) ? authority : scope;
        return acting.Roles.Any(a => a.Role == Role.Administrator && policy.Covers(a, reach));
    }

    /// <summary>The org units the acting user may give roles over, authority first then by code.</summary>
    public static IReadOnlyList<OrgUnit> GrantableScopes(AccessPolicy policy, UserAccount acting)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(acting);
        var admin = acting.Roles.Where(r => r.Role == Role.Administrator).ToList();
        return policy.Hierarchy.Units
            .Where(u => admin.Any(a => policy.Covers(a, u)))
            .OrderBy(u => u.AuthorityCode, StringComparer.Ordinal)
            .ThenBy(u => u.Type == OrgUnitType.Authority ? 0 : 1)
            .ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The users holding at least one role the acting user reaches, by user name.</summary>
    public async Task<IReadOnlyList<ManagedUser>> ListAsync(AccessPolicy policy, UserAccount acting, CancellationToken cancellationToken = default) =>
        (await users.ListAsync(cancellationToken)).Select(u => View(policy, acting, u)).OfType<ManagedUser>().ToList();

    /// <summary>The user as the acting user sees them, or null when none of their roles is within reach (the page answers 404).</summary>
    public async Task<ManagedUser?> FindAsync(AccessPolicy policy, UserAccount acting, long id, CancellationToken cancellationToken = default) =>
        await users.GetAsync(id, cancellationToken) is { } user ? View(policy, acting, user) : null;

    public async Task<AccountChangeResult> AddAsync(
        AccessPolicy policy, UserAccount acting, string? userName, string? displayName, string? role, string? scope, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acting);
        var problems = new List<AccountProblem>();
        userName = (userName ?? string.Empty).Trim();
        displayName = (displayName ?? string.Empty).Trim();
        if (userName.Length == 0)
        {
            problems.Add(new("user-name", "Enter an email address or user name"));
        }
        else if (userName.Length > UserAdministration.MaxUserNameLength || userName.Any(char.IsWhiteSpace))
        {
            problems.Add(new("user-name", $"The email address or user name must have no spaces and at most {UserAdministration.MaxUserNameLength} characters"));
        }

        if (displayName.Length == 0)
        {
            problems.Add(new("display-name", "Enter the person's name"));
        }

        var assignment = ParseRole(policy, acting, role, scope, problems);
        var generated = string.IsNullOrEmpty(password) ? UserAdministration.RandomPassword() : null;
        problems.AddRange(administration.PasswordProblems(password ?? generated).Select(p => new AccountProblem("password", p.TrimEnd('.'))));
        if (problems.Count > 0)
        {
            return new AccountChangeResult(problems);
        }

        var created = await changes.CreateAsync(new NewUser(userName, displayName, hashing.Hash(password ?? generated!), [assignment!]), acting.UserName, clock.GetUtcNow(), cancellationToken);
        return created.Created
            ? new AccountChangeResult([], created.Id, generated)
            : new AccountChangeResult(created.Problems.Select(p => new AccountProblem(p.StartsWith("A user named", StringComparison.Ordinal) ? "user-name" : "scope", p.TrimEnd('.'))).ToList());
    }

    public async Task<AccountChangeResult> GrantAsync(AccessPolicy policy, UserAccount acting, ManagedUser target, string? role, string? scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var problems = new List<AccountProblem>();
        var assignment = ParseRole(policy, acting, role, scope, problems);
        if (assignment is null)
        {
            return new AccountChangeResult(problems);
        }

        return await changes.GrantAsync(target.Account.Id, assignment, acting.UserName, clock.GetUtcNow(), cancellationToken)
            ? new AccountChangeResult([], target.Account.Id)
            : AccountChangeResult.Refused("role", $"{target.Account.DisplayName} already holds the {RoleNames.Words(assignment.Role)} role over {assignment.ScopeCode}");
    }

    public async Task<AccountChangeResult> RevokeAsync(AccessPolicy policy, UserAccount acting, ManagedUser target, string? role, string? scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acting);
        ArgumentNullException.ThrowIfNull(target);
        if (!RoleNames.TryParse(role, out var parsed) || string.IsNullOrWhiteSpace(scope))
        {
            return AccountChangeResult.Refused("roles", "Choose a role to remove");
        }

        var assignment = target.Account.Roles.FirstOrDefault(r => r.Role == parsed && string.Equals(r.ScopeCode, scope.Trim(), StringComparison.OrdinalIgnoreCase));
        if (assignment is null || !Reaches(policy, acting, assignment))
        {
            return AccountChangeResult.Refused("roles", "That role is not one you can remove: it is not held, or is outside your scope");
        }

        if (target.Account.Id == acting.Id && assignment.Role == Role.Administrator && acting.Roles.Count(r => r.Role == Role.Administrator) == 1)
        {
            return AccountChangeResult.Refused("roles", "You cannot remove your own last administrator role: ask another administrator");
        }

        return await changes.RevokeAsync(target.Account.Id, assignment, acting.UserName, clock.GetUtcNow(), cancellationToken)
            ? new AccountChangeResult([], target.Account.Id)
            : AccountChangeResult.Refused("roles", "That role had already been removed");
    }

    public async Task<AccountChangeResult> UnlockAsync(UserAccount acting, ManagedUser target, CancellationToken cancellationToken = default)
    {
        if (AccountWide(acting, target, "unlock") is { } refused)
        {
            return refused;
        }

        await changes.UnlockAsync(target.Account.Id, acting.UserName, clock.GetUtcNow(), cancellationToken);
        return new AccountChangeResult([], target.Account.Id);
    }

    /// <summary>Sets a new password (generated and returned once when none is typed) and clears any lock.</summary>
    public async Task<AccountChangeResult> ResetPasswordAsync(UserAccount acting, ManagedUser target, string? password, CancellationToken cancellationToken = default)
    {
        if (AccountWide(acting, target, "reset the password of") is { } refused)
        {
            return refused;
        }

        var generated = string.IsNullOrEmpty(password) ? UserAdministration.RandomPassword() : null;
        if (administration.PasswordProblems(password ?? generated) is [var problem, ..])
        {
            return AccountChangeResult.Refused("new-password", problem.TrimEnd('.'));
        }

        await changes.SetPasswordAsync(target.Account.Id, hashing.Hash(password ?? generated!), acting.UserName, "Password reset by an administrator", clock.GetUtcNow(), cancellationToken);
        return new AccountChangeResult([], target.Account.Id, generated);
    }

    public async Task<AccountChangeResult> SetDisabledAsync(UserAccount acting, ManagedUser target, bool disabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acting);
        ArgumentNullException.ThrowIfNull(target);
        if (AccountWide(acting, target, disabled ? "disable" : "enable") is { } refused)
        {
            return refused;
        }

        if (disabled && target.Account.Id == acting.Id)
        {
            return AccountChangeResult.Refused("disable", "You cannot disable your own account");
        }

        await changes.SetDisabledAsync(target.Account.Id, disabled, acting.UserName, clock.GetUtcNow(), cancellationToken);
        return new AccountChangeResult([], target.Account.Id);
    }

    /// <summary>The signed-in user's own password change: the current password must be right and the new one acceptable.</summary>
    public async Task<AccountChangeResult> ChangeOwnPasswordAsync(UserAccount self, string? current, string? next, string? confirm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(self);
        var problems = new List<AccountProblem>();
        if (string.IsNullOrEmpty(current))
        {
            problems.Add(new("current-password", "Enter your current password"));
        }
        else if (hashing.Check(self.PasswordHash, current) == PasswordCheck.Wrong)
        {
            problems.Add(new("current-password", "Your current password is not right"));
        }

        problems.AddRange(administration.PasswordProblems(next).Select(p => new AccountProblem("new-password", p.Replace("a password", "a new password", StringComparison.Ordinal).Replace("The password", "The new password", StringComparison.Ordinal).TrimEnd('.'))));
        if (!string.IsNullOrEmpty(next) && !string.Equals(next, confirm, StringComparison.Ordinal))
        {
            problems.Add(new("confirm-password", "The new password and its confirmation must match"));
        }

        if (problems.Count > 0)
        {
            return new AccountChangeResult(problems);
        }

        await changes.SetPasswordAsync(self.Id, hashing.Hash(next!), self.UserName, "Password changed by its owner", clock.GetUtcNow(), cancellationToken);
        return new AccountChangeResult([], self.Id);
    }

    private static ManagedUser? View(AccessPolicy policy, UserAccount acting, UserAccount user)
    {
        var visible = user.Roles.Where(r => Reaches(policy, acting, r)).ToList();
        return visible.Count == 0 ? null : new ManagedUser(user, visible, visible.Count == user.Roles.Count);
    }

    private static AccountChangeResult? AccountWide(UserAccount acting, ManagedUser target, string verb)
    {
        ArgumentNullException.ThrowIfNull(acting);
        ArgumentNullException.ThrowIfNull(target);
        return target.FullyManaged
            ? null
            : AccountChangeResult.Refused("account", $"You cannot {verb} this account: it also holds roles outside your scope, so an administrator over all of them must do it");
    }

    private static RoleAssignment? ParseRole(AccessPolicy policy, UserAccount acting, string? role, string? scope, List<AccountProblem> problems)
    {
        var ok = true;
        if (!RoleNames.TryParse(role, out var parsed))
        {
            problems.Add(new("role", "Select a role"));
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(scope))
        {
            problems.Add(new("scope", "Select the org unit the role covers"));
            return null;
        }

        if (!ok)
        {
            return null;
        }

        var assignment = new RoleAssignment(parsed, scope.Trim());
        if (!Reaches(policy, acting, assignment))
        {
            problems.Add(new("scope", parsed == Role.ScrutinyMember
                ? $"You can only give the scrutiny member role (which reads a whole authority) when you administer the whole authority of {assignment.ScopeCode}"
                : $"You can only give roles over org units within your own scope; {assignment.ScopeCode} is not one of them"));
            return null;
        }

        return policy.Hierarchy.TryGet(assignment.ScopeCode, out var unit) ? assignment with { ScopeCode = unit.Code } : assignment;
    }
}
