using Outcomes.Domain.OrgUnits;

namespace Outcomes.Domain.Access;

/// <summary>
/// Answers "may someone holding these roles do this to that org unit". A role covers its scope unit and every unit
/// whose roll-up chain (as of <paramref name="asOf"/>, so a closed centre follows its successor) reaches it; a scrutiny
/// member's role covers the scope's whole authority. No role ever covers a unit of another authority: that boundary is
/// checked first, on the units' own authority codes.
/// </summary>
public sealed class AccessPolicy(OrgUnitHierarchy hierarchy, DateOnly asOf)
{
    public OrgUnitHierarchy Hierarchy => hierarchy;

    public bool May(IEnumerable<RoleAssignment> roles, Permission permission, string orgUnitCode)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return hierarchy.TryGet(orgUnitCode, out var unit)
            && roles.Any(r => RolePermissions.Grants(r.Role, permission) && Covers(r, unit));
    }

    /// <summary>Whether the role's scope reaches the unit (the role's permissions are not considered).</summary>
    public bool Covers(RoleAssignment role, OrgUnit unit)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(unit);
        if (!hierarchy.TryGet(role.ScopeCode, out var scope)
            || !string.Equals(scope.AuthorityCode, unit.AuthorityCode, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (role.Role == Role.ScrutinyMember || scope.Type == OrgUnitType.Authority)
        {
            return true;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (string? code = unit.Code; code is not null && seen.Add(code); code = SafeParent(code))
        {
            if (string.Equals(code, scope.Code, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The authorities in which the roles reach at least one unit.</summary>
    public IReadOnlySet<string> Authorities(IEnumerable<RoleAssignment> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles
            .Select(r => hierarchy.TryGet(r.ScopeCode, out var scope) ? scope.AuthorityCode : null)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The distinct scope units the roles name that exist, authority first, then by code.</summary>
    public IReadOnlyList<OrgUnit> ScopeUnits(IEnumerable<RoleAssignment> roles, Permission permission = Permission.View)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles
            .Where(r => RolePermissions.Grants(r.Role, permission))
            .Select(r => hierarchy.TryGet(r.ScopeCode, out var scope) ? (r.Role == Role.ScrutinyMember && hierarchy.TryGet(scope.AuthorityCode, out var authority) ? authority : scope) : null)
            .OfType<OrgUnit>()
            .DistinctBy(u => u.Code, StringComparer.OrdinalIgnoreCase)
            .OrderBy(u => u.AuthorityCode, StringComparer.Ordinal)
            .ThenBy(u => u.Type == OrgUnitType.Authority ? 0 : 1)
            .ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
    }

    private string? SafeParent(string code) => hierarchy.TryGet(code, out _) ? hierarchy.RollUpParent(code, asOf) : null;
}
