using Microsoft.Extensions.Logging;
using Outcomes.Application.Scoring;
using Outcomes.Domain.Frameworks;
using Outcomes.Ingestion.Frameworks;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Frameworks;

/// <summary>What loading an uploaded framework folder did.</summary>
public sealed record FrameworkUpload(IReadOnlyList<FrameworkProblem> Problems, IReadOnlyList<int> AddedVersions, IReadOnlyList<int> UnchangedVersions, int Targets, string Message)
{
    public bool Stored => Problems.Count == 0 && AddedVersions.Count > 0;

    /// <summary>Returns not locked that closing the version before moved to the new one; some may need resubmitting.</summary>
    public IReadOnlyList<MovedReturn> Moved { get; init; } = [];
}

/// <summary>
/// A new framework version from a .zip of the council's framework folder, as `outcomes frameworks load` reads a folder:
/// every file validated first (each problem with file and line), and nothing stored on any problem. The folder must be
/// for this framework and this authority, and may not name an org unit of another authority. A stored version is never
/// rewritten: content identical to what is stored is "already loaded as version N" and stores nothing; a changed
/// version under a stored number is refused. On success the new versions, the org units and (when the folder has a
/// targets.yaml) the targets are stored, the load is audited and the framework re-scored.
/// </summary>
public sealed class FrameworkUploadService(OutcomesStore store, ILoggerFactory logs)
{
    public const string AuditTable = "framework_versions";

    public static string AuditKey(string frameworkCode, int version) => $"{frameworkCode} v{version}";

    public async Task<FrameworkUpload> LoadAsync(Framework current, string fileName, byte[] bytes, string userName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        var problems = new List<FrameworkProblem>();
        var folder = FrameworkArchive.Unpack(fileName, bytes, problems);
        if (folder is null)
        {
            return Refused(problems);
        }

        try
        {
            var loaded = FrameworkPackageLoader.Load(folder);
            if (loaded.Package is not { } package)
            {
                return Refused(loaded.Problems);
            }

            var council = Path.GetFileName(folder);
            var elsewhere = await BelongsHereAsync(current, package, council, ct);
            problems.AddRange(elsewhere);
            problems.AddRange(Conflicts(current, package, council));
            var frameworks = new FrameworkRepository(store);
            if (elsewhere.Count == 0)
            {
                // Closing the latest open version is the one change to a stored version; its rules are the store's
                // (changed content is already reported above, in this page's words).
                problems.AddRange((await frameworks.CheckAsync(package.Framework, ct))
                    .Where(c => c.Rule != FrameworkRepository.Rules.Changed)
                    .Select(c => AsProblem(council, c)));
            }

            if (problems.Count > 0)
            {
                return Refused(problems);
            }

            // The versions, the closing of the one before, the returns it moves, the org units, the targets (when the
            // folder has a targets.yaml) and the audit of each version loaded: one transaction, so any failure stores nothing.
            var hasTargets = File.Exists(Path.Combine(folder, FrameworkPackageLoader.TargetsFile));
            var parts = new FrameworkLoadParts(package.OrgUnits, package.Links, hasTargets ? package.Targets : null)
            {
                OnlyWithNewVersions = true,
                SourceName = Path.GetFileName(fileName),
            };
            var saved = await frameworks.SaveAsync(package.Framework, userName, parts, ct);
            if (!saved.Saved)
            {
                return Refused(saved.Conflicts.Select(c => AsProblem(council, c)).ToList());
            }

            if (saved.AddedVersions.Count == 0)
            {
                var latest = saved.UnchangedVersions.DefaultIfEmpty(0).Max();
                return new FrameworkUpload([], [], saved.UnchangedVersions, 0,
                    $"This framework is already loaded as version {latest}: every version in the file is identical to the one stored, so nothing was stored.");
            }

            var targets = saved.Targets ?? 0;

            logs.CreateLogger<FrameworkUploadService>().LogInformation(
                "Framework {Framework}: versions {Added} loaded from {File} by {User}", current.Code, saved.AddedVersions, Path.GetFileName(fileName), userName);
            await new ScoringService(store, logs.CreateLogger<ScoringService>()).ScoreAsync(current.Code, null, ct);
            var added = string.Join(", ", saved.AddedVersions);
            var closed = string.Concat(saved.Closed.Select(c => $"; version {c.Version} now ends on {c.EffectiveTo:yyyy-MM-dd}"));
            var moved = MovedReturns.Summary(saved.Moved);
            return new FrameworkUpload([], saved.AddedVersions, saved.UnchangedVersions, targets,
                $"Loaded version{(saved.AddedVersions.Count == 1 ? "" : "s")} {added} of {current.Code}{closed}" +
                (hasTargets ? $", with {targets} targets from targets.yaml" : "; the targets were kept (the file has no targets.yaml)") +
                (moved.Length > 0 ? $". {moved}" : string.Empty) +
                ". Every quarter has been scored again.")
            {
                Moved = saved.Moved,
            };
        }
        finally
        {
            FrameworkArchive.Remove(folder);
        }
    }

    private static FrameworkProblem AsProblem(string council, FrameworkVersionConflict c) =>
        new($"{council}/framework.v{c.Version}.yaml", null, c.Field, c.Rule, c.Message);

    private static FrameworkUpload Refused(IReadOnlyList<FrameworkProblem> problems) =>
        new(problems, [], [], 0, $"Nothing was stored: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}.");

    /// <summary>The folder must be this framework of this authority, and its units this authority's.</summary>
    private async Task<List<FrameworkProblem>> BelongsHereAsync(Framework current, FrameworkPackage package, string council, CancellationToken ct)
    {
        var problems = new List<FrameworkProblem>();
        var first = package.Framework.Versions.Min(v => v.Version);
        if (!string.Equals(package.Framework.Code, current.Code, StringComparison.Ordinal))
        {
            problems.Add(new FrameworkProblem($"{council}/framework.v{first}.yaml", null, "framework", "upload.framework.differs",
                $"is for framework '{package.Framework.Code}', but this page loads versions of {current.Code}"));
        }

        if (!string.Equals(package.Authority.Code, current.AuthorityCode, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new FrameworkProblem($"{council}/{FrameworkPackageLoader.OrganisationFile}", null, "authority.code", "upload.authority.differs",
                $"is for authority '{package.Authority.Code}', but {current.Code} belongs to {current.AuthorityCode}"));
        }

        var stored = await new OrgUnitRepository(store).LoadHierarchyAsync(null, ct);
        foreach (var unit in package.OrgUnits)
        {
            if (stored.TryGet(unit.Code, out var existing) && !string.Equals(existing.AuthorityCode, current.AuthorityCode, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new FrameworkProblem($"{council}/{FrameworkPackageLoader.OrganisationFile}", null, "units", "upload.org-unit.taken",
                    $"org unit code '{unit.Code}' is already used outside {current.AuthorityCode}; codes are unique across the service"));
            }
        }

        return problems;
    }

    /// <summary>
    /// A version number already stored must come with the same content (checked before anything is written). Content is
    /// everything but effective_to: closing a version is checked by <see cref="FrameworkRepository.CheckAsync"/>.
    /// </summary>
    private static IEnumerable<FrameworkProblem> Conflicts(Framework current, FrameworkPackage package, string council)
    {
        var stored = current.Versions.ToDictionary(v => v.Version);
        var next = Math.Max(stored.Keys.DefaultIfEmpty(0).Max(), package.Framework.Versions.Max(v => v.Version)) + 1;
        foreach (var version in package.Framework.Versions)
        {
            if (stored.TryGetValue(version.Version, out var existing)
                && FrameworkRepository.DefinitionSha256(existing) != FrameworkRepository.DefinitionSha256(version))
            {
                yield return new FrameworkProblem($"{council}/framework.v{version.Version}.yaml", null, "version", "version.changed",
                    $"version {version.Version} is already stored with different content, and a stored version is never rewritten: save the change as framework.v{next}.yaml (version: {next})");
            }
        }
    }
}
