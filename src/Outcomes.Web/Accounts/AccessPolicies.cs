using Outcomes.Domain.Access;
using Outcomes.Domain.Frameworks;
using Outcomes.Web.Caching;

namespace Outcomes.Web.Accounts;

/// <summary>An access policy and the frameworks of the authorities a caller's roles reach, both from one stored snapshot.</summary>
public sealed record ScopedFrameworks(AccessPolicy Policy, IReadOnlyList<Framework> Frameworks);

/// <summary>Builds the access policy over the org units as stored now (checked per request, so loaded frameworks and org-unit changes apply at once).</summary>
public sealed class AccessPolicies(StoredReferenceData reference, TimeProvider clock)
{
    public async Task<AccessPolicy> CurrentAsync(CancellationToken cancellationToken) =>
        Policy(await reference.CurrentAsync(cancellationToken));

    /// <summary>The policy, and the frameworks of the authorities <paramref name="roles"/> reach, in code order.</summary>
    public async Task<ScopedFrameworks> WithFrameworksAsync(IReadOnlyList<RoleAssignment> roles, CancellationToken cancellationToken)
    {
        var snapshot = await reference.CurrentAsync(cancellationToken);
        var policy = Policy(snapshot);
        var authorities = policy.Authorities(roles);
        return new ScopedFrameworks(
            policy,
            snapshot.Frameworks.Where(f => authorities.Contains(f.AuthorityCode)).OrderBy(f => f.Code, StringComparer.Ordinal).ToList());
    }

    private AccessPolicy Policy(ReferenceSnapshot snapshot) =>
        new(snapshot.Hierarchy, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
}
