using Microsoft.Extensions.Logging;
using Outcomes.Ingestion.Frameworks;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Frameworks;

/// <summary>What loading one council's framework folder did: stored, unchanged, or refused with its problems.</summary>
public sealed record FrameworkLoadSummary(
    string Folder, string? FrameworkCode, int OrgUnits, int Targets, IReadOnlyList<int> AddedVersions,
    IReadOnlyList<int> UnchangedVersions, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Loads framework folders (organisation, versions, targets) from YAML into the store.</summary>
public sealed class FrameworkLoadingService(OutcomesStore store, ILogger<FrameworkLoadingService> logger)
{
    public async Task<IReadOnlyList<FrameworkLoadSummary>> LoadAllAsync(string frameworksFolder, CancellationToken ct = default)
    {
        var results = new List<FrameworkLoadSummary>();
        foreach (var loaded in FrameworkPackageLoader.LoadAll(frameworksFolder))
        {
            results.Add(await StoreAsync(loaded, ct));
        }

        return results;
    }

    public async Task<FrameworkLoadSummary> LoadAsync(string folder, CancellationToken ct = default) =>
        await StoreAsync(FrameworkPackageLoader.Load(folder), ct);

    private async Task<FrameworkLoadSummary> StoreAsync(FrameworkLoadResult loaded, CancellationToken ct)
    {
        if (loaded.Package is not { } package)
        {
            logger.LogWarning("Framework folder {Folder} refused with {Count} problems", loaded.SourceFolder, loaded.Problems.Count);
            return new FrameworkLoadSummary(loaded.SourceFolder, null, 0, 0, [], [], loaded.Problems.Select(p => p.ToString()).ToList());
        }

        var units = await new OrgUnitRepository(store).UpsertAsync(package.OrgUnits, package.Links, ct);
        var saved = await new FrameworkRepository(store).SaveAsync(package.Framework, ct);
        if (!saved.Saved)
        {
            return new FrameworkLoadSummary(loaded.SourceFolder, package.Framework.Code, units, 0, [], [], saved.Conflicts.Select(c => c.Message).ToList());
        }

        var targets = await new TargetRepository(store).ReplaceForFrameworkAsync(package.Framework.Code, package.Targets, ct);
        logger.LogInformation(
            "Framework {Framework}: {Units} org units, versions added {Added}, unchanged {Unchanged}, {Targets} targets",
            package.Framework.Code, units, saved.AddedVersions, saved.UnchangedVersions, targets);
        return new FrameworkLoadSummary(loaded.SourceFolder, package.Framework.Code, units, targets, saved.AddedVersions, saved.UnchangedVersions, []);
    }
}
