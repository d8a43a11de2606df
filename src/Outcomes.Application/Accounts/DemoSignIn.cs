using Outcomes.Domain.Access;
using Outcomes.Domain.OrgUnits;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Accounts;

/// <summary>The demo account `make serve` prints: a user name and a password made fresh at each start.</summary>
public sealed record DemoCredentials(string UserName, string Password, IReadOnlyList<string> Authorities);

/// <summary>
/// Makes (or resets) the demo administrator over every authority in the store, with a new random password and no lock.
/// For the sample store on loopback only: the host does this only when told to (Outcomes:Demo:SignIn).
/// </summary>
public static class DemoSignIn
{
    public const string UserName = "demo@outcomes.invalid";

    public static async Task<DemoCredentials?> EnsureAsync(OutcomesStore store, PasswordHashing hashing, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hashing);
        ArgumentNullException.ThrowIfNull(clock);
        var hierarchy = await new OrgUnitRepository(store).LoadHierarchyAsync(null, cancellationToken);
        var authorities = hierarchy.Units.Where(u => u.Type == OrgUnitType.Authority).Select(u => u.Code).Order(StringComparer.Ordinal).ToList();
        if (authorities.Count == 0)
        {
            return null;
        }

        var users = new UserRepository(store);
        var password = UserAdministration.RandomPassword();
        var roles = authorities.Select(a => new RoleAssignment(Role.Administrator, a)).ToList();
        var existing = await users.FindByUserNameAsync(UserName, cancellationToken);
        if (existing is null)
        {
            var created = await users.CreateAsync(new NewUser(UserName, "Demo administrator", hashing.Hash(password), roles), clock.GetUtcNow(), cancellationToken);
            if (!created.Created)
            {
                throw new InvalidOperationException("The demo account could not be made: " + string.Join(" ", created.Problems));
            }
        }
        else
        {
            await users.SetPasswordHashAsync(existing.Id, hashing.Hash(password), cancellationToken);
            await users.ClearFailedSignInsAsync(existing.Id, cancellationToken);
            await users.GrantAsync(existing.Id, roles, clock.GetUtcNow(), cancellationToken);
        }

        return new DemoCredentials(UserName, password, authorities);
    }
}
