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

    /// <summary>Stored versions this load closed, each because the next version was loaded with it.</summary>
    public IReadOnlyList<FrameworkVersionClosing> Closed { get; init; } = [];

    /// <summary>Returns not locked that a closing moved to the next version; some may need resubmitting.</summary>
    public IReadOnlyList<MovedReturn> Moved { get; init; } = [];

    /// <summary>"2018-19 Q1 for BRD-CL1 needs resubmitting on the version 2 template: it lacks VIS (required by version 2)", one line each.</summary>
    public IReadOnlyList<string> MovedLines => MovedReturns.Describe(Moved);

    /// <summary>
    /// True when the load added a version after versions already stored: periods from the new version's start are now
    /// under different rules, so the framework's scores must be computed again.
    /// </summary>
    public bool ChangesHistory => AddedVersions.Count > 0 && (UnchangedVersions.Count > 0 || Closed.Count > 0);
}

/// <summary>
/// Loads framework folders (organisation, versions, targets) from YAML into the store, each folder in one transaction:
/// its org units, new versions, the closing of the version before, the returns that closing moves and its targets.
/// </summary>
public sealed class FrameworkLoadingService(OutcomesStore store, ILogger<FrameworkLoadingService> logger)
{
    public Task<IReadOnlyList<FrameworkLoadSummary>> LoadAllAsync(string frameworksFolder, CancellationToken ct = default) =>
        LoadAllAsync(frameworksFolder, FrameworkRepository.SystemUser, ct);

    public Task<FrameworkLoadSummary> LoadAsync(string folder, CancellationToken ct = default) =>
        LoadAsync(folder, FrameworkRepository.SystemUser, ct);

    /// <summary>Loads every council folder; a version closed by a load is audited as <paramref name="changedBy"/>.</summary>
    public async Task<IReadOnlyList<FrameworkLoadSummary>> LoadAllAsync(string frameworksFolder, string changedBy, CancellationToken ct = default)
    {
        var results = new List<FrameworkLoadSummary>();
        foreach (var loaded in FrameworkPackageLoader.LoadAll(frameworksFolder))
        {
            results.Add(await StoreAsync(loaded, changedBy, ct));
        }

        return results;
    }

    /// <summary>Loads one council folder; a version closed by the load is audited as <paramref name="changedBy"/>.</summary>
    public async Task<FrameworkLoadSummary> LoadAsync(string folder, string changedBy, CancellationToken ct = default) =>
        await StoreAsync(FrameworkPackageLoader.Load(folder), changedBy, ct);

    /// <summary>A store refusal as a problem naming the version's file, the field and the rule.</summary>
    public static string Describe(string folder, FrameworkVersionConflict conflict) =>
        $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}/framework.v{conflict.Version}.yaml ({conflict.Field}, rule {conflict.Rule}): {conflict.Message}";

    private async Task<FrameworkLoadSummary> StoreAsync(FrameworkLoadResult loaded, string changedBy, CancellationToken ct)
    {
        if (loaded.Package is not { } package)
        {
            logger.LogWarning("Framework folder {Folder} refused with {Count} problems", loaded.SourceFolder, loaded.Problems.Count);
            return new FrameworkLoadSummary(loaded.SourceFolder, null, 0, 0, [], [], loaded.Problems.Select(p => p.ToString()).ToList());
        }

        // Checked before the org units are written, so a refused folder changes nothing.
        var frameworks = new FrameworkRepository(store);
        if (await frameworks.CheckAsync(package.Framework, ct) is { Count: > 0 } refused)
        {
            return Refused(loaded, package, refused);
        }

        // Units, versions, the closing of the version before, the returns it moves and the targets: one transaction.
        var saved = await frameworks.SaveAsync(package.Framework, changedBy, new FrameworkLoadParts(package.OrgUnits, package.Links, package.Targets), ct);
        if (!saved.Saved)
        {
            return Refused(loaded, package, saved.Conflicts);
        }

        foreach (var closing in saved.Closed)
        {
            logger.LogInformation(
                "Framework {Framework}: version {Version} closed on {EffectiveTo} as version {Next} is loaded, by {User}",
                package.Framework.Code, closing.Version, closing.EffectiveTo, closing.ClosedBy, changedBy);
        }

        foreach (var moved in saved.Moved)
        {
            logger.LogInformation(
                "Framework {Framework}: return {Return} moved from version {From} to {To} ({Status}){Mismatch}",
                package.Framework.Code, moved.Label, moved.FromVersion, moved.ToVersion, moved.To, moved.NeedsResubmission ? ": " + moved.Mismatch : string.Empty);
        }

        var targets = saved.Targets ?? 0;
        logger.LogInformation(
            "Framework {Framework}: {Units} org units, versions added {Added}, unchanged {Unchanged}, {Targets} targets, {Moved} returns moved",
            package.Framework.Code, saved.OrgUnits, saved.AddedVersions, saved.UnchangedVersions, targets, saved.Moved.Count);
        return new FrameworkLoadSummary(loaded.SourceFolder, package.Framework.Code, saved.OrgUnits, targets, saved.AddedVersions, saved.UnchangedVersions, [])
        {
            Closed = saved.Closed,
            Moved = saved.Moved,
        };
    }

    private FrameworkLoadSummary Refused(FrameworkLoadResult loaded, FrameworkPackage package, IReadOnlyList<FrameworkVersionConflict> conflicts)
    {
        logger.LogWarning("Framework folder {Folder} refused by the store: {Rules}", loaded.SourceFolder, conflicts.Select(c => c.Rule));
        return new FrameworkLoadSummary(loaded.SourceFolder, package.Framework.Code, 0, 0, [], [], conflicts.Select(c => Describe(loaded.SourceFolder, c)).ToList());
    }
}
