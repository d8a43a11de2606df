using Microsoft.Extensions.Logging;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.Csv;
using Outcomes.Ingestion.Issues;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Imports;

/// <summary>What the store did with one return of a multi-return file (null outcome: not stored, e.g. a dry run).</summary>
public sealed record ReturnStoreOutcome(string OrgUnitCode, Period Period, ImportOutcome? Outcome);

/// <summary>
/// One long-CSV or wide-sheet file's import: the issues (with places), the returns it held and what the store did with
/// each, and the summary: rows read, returns, observations inserted/updated/unchanged, warnings, errors.
/// </summary>
public sealed record MultiReturnImportResult(string File, IReadOnlyList<ImportIssue> Issues, IReadOnlyList<ReturnStoreOutcome> Returns)
{
    public int RowsRead { get; init; }

    public bool HasErrors => Issues.Any(i => i.IsError);

    /// <summary>True when every return of the file was stored or was already stored as it is.</summary>
    public bool Stored => !HasErrors && Returns.Count > 0 && Returns.All(r => r.Outcome is { Kind: ImportOutcomeKind.Imported or ImportOutcomeKind.Duplicate });

    public int Inserted => Returns.Sum(r => r.Outcome is { Stored: true } o ? o.Inserted : 0);

    public int Updated => Returns.Sum(r => r.Outcome is { Stored: true } o ? o.Updated : 0);

    public int Unchanged => Returns.Sum(r => r.Outcome?.Unchanged ?? 0);

    public int Warnings => Issues.Count(i => !i.IsError);

    public int Errors => Issues.Count(i => i.IsError);
}

/// <summary>
/// Imports a long CSV (<see cref="CsvReturnReader"/>): load the framework and org units from the store, read and judge
/// every row, and only when the whole file has no error store each of its returns. A dry run is the same path
/// stopping before the store.
/// </summary>
public sealed class CsvImportService(OutcomesStore store, ILogger<CsvImportService> logger, TimeProvider? clock = null)
{
    private readonly MultiReturnImporter _importer = new(store, logger, clock ?? TimeProvider.System);

    public Task<MultiReturnImportResult> ImportAsync(
        string fileName, byte[] bytes, string frameworkCode, string submittedBy, DateTimeOffset submittedAt, bool dryRun = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return _importer.ImportAsync(
            fileName,
            frameworkCode,
            (framework, hierarchy, today) => CsvReturnReader.Read(fileName, new MemoryStream(bytes, writable: false), framework, hierarchy, today),
            submittedBy,
            submittedAt,
            dryRun,
            ct);
    }
}

/// <summary>
/// The store side shared by the CSV and wide imports. "All of a file or none" is kept as far as the store allows:
/// <see cref="ReturnRepository.ImportAsync"/> stores one return per transaction, so every refusal it could make is
/// checked first (errors in any row, unknown units and versions by the reader; a locked quarter whose figures differ
/// from its stored version here) and nothing is stored if any would be refused. A return locked between that check
/// and its own transaction (a race with an approver) is still refused by the store; the returns before it stay stored
/// and the refusal is reported as an error naming the return — importing the file again after a reopening finishes it,
/// since returns already stored come back as duplicates.
/// <para>Each return is stored with the canonical long-CSV text of its own observations (<see cref="LongCsvWriter"/>) as
/// its source file, so an unchanged quarter in a re-sent file has the same SHA-256 and changes nothing — and a locked
/// quarter sent again unchanged is not a refusal.</para>
/// </summary>
internal sealed class MultiReturnImporter(OutcomesStore store, ILogger logger, TimeProvider clock)
{
    private readonly Dictionary<string, (Framework Framework, OrgUnitHierarchy Hierarchy)> _frameworks = new(StringComparer.OrdinalIgnoreCase);

    public async Task<MultiReturnImportResult> ImportAsync(
        string fileName,
        string frameworkCode,
        Func<Framework, OrgUnitHierarchy, DateOnly, CsvReadResult> read,
        string submittedBy,
        DateTimeOffset submittedAt,
        bool dryRun,
        CancellationToken ct)
    {
        if (await LoadFrameworkAsync(frameworkCode, ct) is not { } fw)
        {
            return new MultiReturnImportResult(fileName, [ImportIssue.ForFile(fileName, "import.framework-unknown",
                $"framework '{frameworkCode}' is not loaded; run `outcomes frameworks load` first")], []);
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var result = read(fw.Framework, fw.Hierarchy, today);
        var issues = result.Issues.ToList();
        if (result.HasErrors)
        {
            return new MultiReturnImportResult(fileName, issues, result.Returns.Select(r => new ReturnStoreOutcome(r.OrgUnitCode, r.Period, null)).ToList())
            { RowsRead = result.RowsRead };
        }

        if (result.Returns.Count == 0)
        {
            issues.Add(ImportIssue.ForFile(fileName, "import.no-returns", "the file holds no figures to import"));
            return new MultiReturnImportResult(fileName, issues, []) { RowsRead = result.RowsRead };
        }

        // Every refusal the store could make, checked before anything is stored.
        var repository = new ReturnRepository(store);
        var planned = new List<(QuarterlyReturn Return, byte[] Bytes, bool AlreadyStored)>();
        foreach (var ret in result.Returns)
        {
            var bytes = LongCsvWriter.Write([ret]);
            var alreadyStored = false;
            if (await repository.FindAsync(ret.FrameworkCode, ret.OrgUnitCode, ret.Period, ct) is { Status: ReturnStatus.Locked })
            {
                var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
                var versions = await repository.GetVersionsAsync(ret.FrameworkCode, ret.OrgUnitCode, ret.Period, ct);
                alreadyStored = versions.Any(v => v.Sha256 == sha);
                if (!alreadyStored)
                {
                    issues.Add(ImportIssue.ForFile(fileName, "return.locked",
                        $"the {ret.OrgUnitCode} return for {ret.Period.Key} is locked and these figures differ from it: ask an approver to reopen it, or take its rows out of the file; nothing from this file was stored"));
                }
            }

            planned.Add((ret, bytes, alreadyStored));
        }

        if (issues.HasErrors() || dryRun)
        {
            return new MultiReturnImportResult(fileName, issues, planned.Select(p => new ReturnStoreOutcome(p.Return.OrgUnitCode, p.Return.Period, null)).ToList())
            { RowsRead = result.RowsRead };
        }

        var outcomes = new List<ReturnStoreOutcome>();
        foreach (var (ret, bytes, alreadyStored) in planned)
        {
            if (alreadyStored)
            {
                outcomes.Add(new ReturnStoreOutcome(ret.OrgUnitCode, ret.Period, new ImportOutcome
                {
                    Kind = ImportOutcomeKind.Duplicate,
                    Message = $"the {ret.OrgUnitCode} return for {ret.Period.Key} is locked and unchanged; nothing changed",
                    Unchanged = ret.Observations.Count,
                }));
                continue;
            }

            var outcome = await repository.ImportAsync(ret, fileName, bytes, submittedBy, submittedAt, ct);
            outcomes.Add(new ReturnStoreOutcome(ret.OrgUnitCode, ret.Period, outcome));
            logger.LogInformation("Import {File} {Unit} {Period}: {Kind} v{Version} (+{Inserted} ~{Updated} ={Unchanged})",
                fileName, ret.OrgUnitCode, ret.Period.Key, outcome.Kind, outcome.VersionNumber, outcome.Inserted, outcome.Updated, outcome.Unchanged);
            if (outcome.Kind is ImportOutcomeKind.RefusedLocked or ImportOutcomeKind.RefusedInvalid)
            {
                var stored = outcomes.Count(o => o.Outcome is { Stored: true });
                issues.Add(ImportIssue.ForFile(fileName, "import.refused",
                    $"{outcome.Message} The {stored} return(s) before it in this file were stored and the rest were not; fix the cause and import the file again (stored returns will be recognised as unchanged)."));
                break;
            }
        }

        return new MultiReturnImportResult(fileName, issues, outcomes) { RowsRead = result.RowsRead };
    }

    private async Task<(Framework Framework, OrgUnitHierarchy Hierarchy)?> LoadFrameworkAsync(string code, CancellationToken ct)
    {
        if (_frameworks.TryGetValue(code, out var cached))
        {
            return cached;
        }

        if (await new FrameworkRepository(store).GetAsync(code, ct) is not { } framework)
        {
            return null;
        }

        // Every authority's units, so a unit of another council is named as such rather than as unknown.
        var hierarchy = await new OrgUnitRepository(store).LoadHierarchyAsync(null, ct);
        return _frameworks[code] = (framework, hierarchy);
    }
}
