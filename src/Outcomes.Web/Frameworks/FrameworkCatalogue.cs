using Outcomes.Application.Frameworks;
using Outcomes.Domain.Access;
using Outcomes.Domain.Frameworks;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Frameworks;

/// <summary>When a version was stored and by whom ("command line" when it came from YAML outside the web, which records no user).</summary>
public sealed record VersionLoad(int Version, DateTimeOffset StoredAt, string By);

/// <summary>A framework as a reader sees it: the authority's name, the version in force today and how it got there.</summary>
public sealed record FrameworkListing(Framework Framework, string AuthorityName, FrameworkVersion? Current, IReadOnlyList<VersionLoad> Loads)
{
    public VersionLoad? CurrentLoad => Current is null ? null : Loads.FirstOrDefault(l => l.Version == Current.Version);
}

/// <summary>A framework the caller may see, with the policy it was judged by and whether the caller may change it.</summary>
public sealed record FrameworkAccess(FrameworkListing Listing, AccessPolicy Policy, bool MayManage)
{
    public Framework Framework => Listing.Framework;
}

/// <summary>
/// Frameworks by who may see them. Anyone with a role in an authority may read its frameworks (every role grants View);
/// loading a version or targets needs <see cref="Permission.ManageFrameworks"/> held over the authority itself, since a
/// framework belongs to the whole authority. Another authority's framework is not found at all (the caller answers 404).
/// </summary>
public sealed class FrameworkCatalogue(OutcomesStore store, FrameworkRepository frameworks, AccessPolicies policies, TimeProvider clock)
{
    public const string FromCommandLine = "command line (YAML)";

    public async Task<IReadOnlyList<FrameworkListing>> VisibleAsync(IReadOnlyList<RoleAssignment> roles, CancellationToken ct)
    {
        var (policy, visible) = await policies.WithFrameworksAsync(roles, ct);
        var loads = await LoadsAsync(null, ct);
        return visible.Select(f => Listing(f, policy, loads)).ToList();
    }

    /// <summary>The framework when the roles reach its authority; null otherwise, exactly as for a code that does not exist.</summary>
    public async Task<FrameworkAccess?> FindAsync(IReadOnlyList<RoleAssignment> roles, string code, CancellationToken ct)
    {
        var policy = await policies.CurrentAsync(ct);
        if (await frameworks.GetAsync(code, ct) is not { } framework || !policy.Authorities(roles).Contains(framework.AuthorityCode))
        {
            return null;
        }

        return new FrameworkAccess(Listing(framework, policy, await LoadsAsync(framework.Code, ct)), policy, policy.May(roles, Permission.ManageFrameworks, framework.AuthorityCode));
    }

    private FrameworkListing Listing(Framework f, AccessPolicy policy, ILookup<string, VersionLoad> loads)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var current = f.VersionOn(today) ?? f.Versions.OrderBy(v => v.Version).LastOrDefault();
        var name = policy.Hierarchy.TryGet(f.AuthorityCode, out var authority) ? authority.Name : f.AuthorityCode;
        return new FrameworkListing(f, name, current, loads[f.Code].OrderBy(l => l.Version).ToList());
    }

    private async Task<ILookup<string, VersionLoad>> LoadsAsync(string? code, CancellationToken ct)
    {
        var stored = await new FrameworkVersionHistoryRepository(store).ListAsync(code, ct);
        var audit = (await new AuditRepository(store).ListAsync(FrameworkUploadService.AuditTable, code is null ? null : code + " v", ct))
            .GroupBy(a => a.RowKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().ChangedBy, StringComparer.Ordinal);
        return stored.ToLookup(
            s => s.FrameworkCode,
            s => new VersionLoad(s.Version, s.StoredAt, audit.TryGetValue(FrameworkUploadService.AuditKey(s.FrameworkCode, s.Version), out var by) ? by : FromCommandLine),
            StringComparer.Ordinal);
    }
}
