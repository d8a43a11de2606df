using Outcomes.Domain.Access;
using Outcomes.Web.Caching;

namespace Outcomes.Web.Accounts;

/// <summary>Builds the access policy over the org units as stored now (checked per request, so loaded frameworks and org-unit changes apply at once).</summary>
public sealed class AccessPolicies(StoredReferenceData reference, TimeProvider clock)
{
    public async Task<AccessPolicy> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = await reference.CurrentAsync(cancellationToken);
        return new AccessPolicy(snapshot.Hierarchy, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
