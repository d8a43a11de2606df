using System.Security.Cryptography;
using Outcomes.Domain.Access;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Accounts;

/// <summary>A role as typed (e.g. "approver") over a scope code (e.g. "BRD-CL1").</summary>
public sealed record RoleRequest(string Role, string Scope);

/// <summary>Making local accounts: every problem with the request is returned as data, and nothing is stored unless there are none.</summary>
public sealed class UserAdministration(UserRepository users, PasswordHashing hashing, AccountOptions options, TimeProvider clock)
{
    public const int MaxUserNameLength = 256;

    public async Task<UserCreation> AddAsync(string userName, string displayName, IReadOnlyList<RoleRequest> roles, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var problems = new List<string>();
        userName = (userName ?? string.Empty).Trim();
        displayName = (displayName ?? string.Empty).Trim();
        if (userName.Length == 0)
        {
            problems.Add("Enter an email address or user name.");
        }
        else if (userName.Length > MaxUserNameLength || userName.Any(char.IsWhiteSpace))
        {
            problems.Add($"The email address or user name must have no spaces and at most {MaxUserNameLength} characters.");
        }

        if (displayName.Length == 0)
        {
            problems.Add("Enter the person's name.");
        }

        if (roles.Count == 0)
        {
            problems.Add("Give at least one role with its scope (an org-unit code; an authority's code covers the authority).");
        }

        var parsed = new List<RoleAssignment>();
        foreach (var role in roles)
        {
            if (!RoleNames.TryParse(role.Role, out var r))
            {
                problems.Add($"'{role.Role}' is not a role: use one of {string.Join(", ", Enum.GetValues<Role>().Select(RoleNames.Words))}.");
            }
            else if (string.IsNullOrWhiteSpace(role.Scope))
            {
                problems.Add($"The {RoleNames.Words(r)} role needs a scope (an org-unit code).");
            }
            else
            {
                parsed.Add(new RoleAssignment(r, role.Scope.Trim()));
            }
        }

        problems.AddRange(PasswordProblems(password));
        if (problems.Count > 0)
        {
            return new UserCreation(false, 0, problems);
        }

        return await users.CreateAsync(new NewUser(userName, displayName, hashing.Hash(password!), parsed), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Why a password would be refused (empty when it is acceptable).</summary>
    public IReadOnlyList<string> PasswordProblems(string? password) =>
        string.IsNullOrEmpty(password) ? ["Enter a password."]
        : password.Length < options.MinimumPasswordLength ? [$"The password must be at least {options.MinimumPasswordLength} characters."]
        : [];

    /// <summary>A random password of 20 characters from an alphabet without look-alikes (for demo and first-run accounts).</summary>
    public static string RandomPassword() =>
        RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
