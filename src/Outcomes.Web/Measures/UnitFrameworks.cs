using Outcomes.Domain.Access;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Measures;

/// <summary>A framework at one org unit that the caller may view.</summary>
public sealed record UnitFramework(Framework Framework, OrgUnit Unit, AccessPolicy Policy);

/// <summary>
/// Finds a framework at an org unit for the caller: null (answered as 404 by pages and API alike) when either does not
/// exist, they belong to different authorities, or the caller's roles do not let them view the unit.
/// </summary>
public sealed class UnitFrameworks(FrameworkRepository frameworks, AccessPolicies policies)
{
    public async Task<UnitFramework?> FindAsync(HttpContext context, string unitCode, string frameworkCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policy = await policies.CurrentAsync(cancellationToken);
        if (!policy.Hierarchy.TryGet(unitCode, out var unit)
            || !policy.May(SignedInUser.Roles(context), Permission.View, unit.Code)
            || await frameworks.GetAsync(frameworkCode, cancellationToken) is not { } framework
            || !string.Equals(framework.AuthorityCode, unit.AuthorityCode, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new UnitFramework(framework, unit, policy);
    }
}
