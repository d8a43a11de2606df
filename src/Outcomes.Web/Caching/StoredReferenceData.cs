using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Storage;
using Outcomes.Storage.Changes;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Caching;

/// <summary>The org-unit tree and every framework, as stored when the store's data generation read <see cref="Generation"/>.</summary>
public sealed record ReferenceSnapshot(long Generation, OrgUnitHierarchy Hierarchy, IReadOnlyList<Framework> Frameworks);

/// <summary>
/// Keeps the org-unit tree and the frameworks between requests (almost every page needs them, and rebuilding them was
/// most of a dashboard's cost). Each call reads the store's data generation, one small query, and reloads only when it
/// has moved on, so a framework or org-unit change made by anyone, through the web or the CLI or another server, shows
/// at the next request. One reload at a time; requests that arrive during it wait for it rather than repeat it.
/// </summary>
public sealed class StoredReferenceData(OutcomesStore store, FrameworkRepository frameworks, StoreChanges changes, ILogger<StoredReferenceData> logger) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile ReferenceSnapshot? _current;

    public async Task<ReferenceSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var generation = await changes.DataGenerationAsync(cancellationToken);
        if (Fresh(_current, generation) is { } kept)
        {
            return kept;
        }

        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_current, generation) is { } reloaded)
            {
                return reloaded;
            }

            // The generation was read before the data, so the snapshot is at least as new as the number it carries.
            var snapshot = new ReferenceSnapshot(
                generation,
                await new OrgUnitRepository(store).LoadHierarchyAsync(null, cancellationToken),
                await frameworks.ListAsync(cancellationToken));
            _current = snapshot;
            logger.LogDebug("Reference data reloaded at store generation {Generation}: {Units} org units, {Frameworks} frameworks", generation, snapshot.Hierarchy.Units.Count, snapshot.Frameworks.Count);
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    public void Dispose() => _reload.Dispose();

    // The generation only rises, so a snapshot taken at or after the generation just read is current.
    private static ReferenceSnapshot? Fresh(ReferenceSnapshot? snapshot, long generation) =>
        snapshot is not null && snapshot.Generation >= generation ? snapshot : null;
}
