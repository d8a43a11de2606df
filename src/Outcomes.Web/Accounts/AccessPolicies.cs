using Outcomes.Domain.Access;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Accounts;

/// <summary>Builds the access policy over the org units as stored now (read per request, so loaded frameworks apply at once).</summary>
public sealed class AccessPolicies(OutcomesStore store, TimeProvider clock)
{
    public async Task<AccessPolicy> CurrentAsync(CancellationToken cancellationToken)
    {
        var hierarchy = await new OrgUnitRepository(store).LoadHierarchyAsync(null, cancellationToken);
        return new AccessPolicy(hierarchy, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
