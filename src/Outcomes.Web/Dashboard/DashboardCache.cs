using System.Collections.Concurrent;
using Outcomes.Domain.Access;

namespace Outcomes.Web.Dashboard;

/// <summary>
/// Dashboards kept for the store's current data generation and today's date, one per set of role assignments (two
/// users with the same roles over the same scopes see the same dashboard). When the generation moves on or the day
/// changes, everything kept is dropped. Requests for a dashboard being built wait for that build rather than repeat it.
/// </summary>
public sealed class DashboardCache
{
    // Far more than the distinct role sets of a deployment; a bound, not a working size.
    private const int MaxEntries = 2_000;

    private readonly Lock _gate = new();
    private long _generation = long.MinValue;
    private DateOnly _today;
    private ConcurrentDictionary<string, Lazy<Task<DashboardModel>>> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// The dashboard for <paramref name="roles"/> as of <paramref name="generation"/>: kept, or built by
    /// <paramref name="build"/> (which must read the store after the generation was read). A request carrying an older
    /// generation or day than the one kept gets its own build, and nothing is kept from it.
    /// </summary>
    public async Task<DashboardModel> GetOrBuildAsync(long generation, DateOnly today, IReadOnlyList<RoleAssignment> roles, Func<Task<DashboardModel>> build)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(build);
        ConcurrentDictionary<string, Lazy<Task<DashboardModel>>>? entries;
        lock (_gate)
        {
            if ((generation, today).CompareTo((_generation, _today)) > 0)
            {
                (_generation, _today, _entries) = (generation, today, new(StringComparer.Ordinal));
            }

            entries = generation == _generation && today == _today ? _entries : null;
        }

        if (entries is null)
        {
            return await build();
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        var key = Key(roles);
        var entry = entries.GetOrAdd(key, _ => new Lazy<Task<DashboardModel>>(build));
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed build is not kept: the next request tries again.
            entries.TryRemove(new KeyValuePair<string, Lazy<Task<DashboardModel>>>(key, entry));
            throw;
        }
    }

    private static string Key(IEnumerable<RoleAssignment> roles) =>
        string.Join('|', roles.Select(r => $"{r.Role}:{r.ScopeCode.ToUpperInvariant()}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
