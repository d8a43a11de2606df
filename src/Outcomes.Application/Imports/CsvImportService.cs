using Microsoft.Extensions.Logging;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.Csv;
using Outcomes.Ingestion.History;
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
/// every row, check each value against its history, and only when the whole file has no error store all its returns in
/// one transaction. A dry run is the same path stopping before the store.
/// </summary>
public sealed class CsvImportService(OutcomesStore store, ILogger<CsvImportService> logger, TimeProvider? clock = null, HistoryCheckOptions? historyOptions = null)
{
    private readonly MultiReturnImporter _importer = new(store, logger, clock ?? TimeProvider.System, historyOptions);

    public Task<MultiReturnImportResult> ImportAsync(
        string fileName, byte[] bytes, string frameworkCode, string submittedBy, DateTimeOffset submittedAt, bool dryRun = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return _importer.ImportAsync(
            new UploadedFile(fileName, "csv", bytes),
            frameworkCode,
            (framework, hierarchy, today) => CsvReturnReader.Read(fileName, new MemoryStream(bytes, writable: false), framework, hierarchy, today),
            submittedBy,
            submittedAt,
            dryRun,
            ct);
    }
}

/// <summary>
/// The store side shared by the CSV and wide imports: all of a file or none of it. After the reader has judged every
/// row without an error, every value is checked against its stored history and the file's own earlier quarters
/// (outliers and jumps are warnings that need commentary, as for a template), then every return is stored in one
/// transaction (<see cref="ReturnRepository.ImportBatchAsync"/>); if the store refuses any (a quarter locked with
/// different figures), nothing from the file is kept and the refusal names the return.
/// <para>The uploaded file is kept as sent, once, by its SHA-256. Each return version also keeps the canonical long-CSV
/// text of its own observations (<see cref="LongCsvWriter"/>) as its identity, so an unchanged quarter in a re-sent file
/// has the same SHA-256 and changes nothing — and a locked quarter sent again unchanged is not a refusal.</para>
/// </summary>
internal sealed class MultiReturnImporter(OutcomesStore store, ILogger logger, TimeProvider clock, HistoryCheckOptions? historyOptions)
{
    private readonly Dictionary<string, (Framework Framework, OrgUnitHierarchy Hierarchy)> _frameworks = new(StringComparer.OrdinalIgnoreCase);

    public async Task<MultiReturnImportResult> ImportAsync(
        UploadedFile upload,
        string frameworkCode,
        Func<Framework, OrgUnitHierarchy, DateOnly, CsvReadResult> read,
        string submittedBy,
        DateTimeOffset submittedAt,
        bool dryRun,
        CancellationToken ct)
    {
        var fileName = upload.FileName;
        if (await LoadFrameworkAsync(frameworkCode, ct) is not { } fw)
        {
            return new MultiReturnImportResult(fileName, [ImportIssue.ForFile(fileName, "import.framework-unknown",
                $"framework '{frameworkCode}' is not loaded; run `outcomes frameworks load` first")], []);
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var result = read(fw.Framework, fw.Hierarchy, today);
        var issues = result.Issues.ToList();
        var notStored = result.Returns.Select(r => new ReturnStoreOutcome(r.OrgUnitCode, r.Period, null)).ToList();
        if (result.HasErrors)
        {
            return new MultiReturnImportResult(fileName, issues, notStored) { RowsRead = result.RowsRead };
        }

        if (result.Returns.Count == 0)
        {
            issues.Add(ImportIssue.ForFile(fileName, "import.no-returns", "the file holds no figures to import"));
            return new MultiReturnImportResult(fileName, issues, []) { RowsRead = result.RowsRead };
        }

        issues.AddRange(await HistoryIssuesAsync(fileName, frameworkCode, result, ct));
        if (dryRun)
        {
            return new MultiReturnImportResult(fileName, issues, notStored) { RowsRead = result.RowsRead };
        }

        var batch = result.Returns.Select(r => new BatchReturn(r, LongCsvWriter.Write([r]))).ToList();
        var stored = await new ReturnRepository(store).ImportBatchAsync(batch, upload, submittedBy, submittedAt, ct);
        if (!stored.Committed)
        {
            var refusedKind = stored.Outcomes[^1].Kind;
            issues.Add(ImportIssue.ForFile(fileName, refusedKind == ImportOutcomeKind.RefusedLocked ? "return.locked" : "import.refused",
                $"{stored.Refusal} Nothing from this file was stored: fix the cause (ask an approver to reopen the quarter, or take its rows out of the file) and import it again."));
            logger.LogWarning("Import {File} rolled back: {Refusal}", fileName, stored.Refusal);
            return new MultiReturnImportResult(fileName, issues, notStored) { RowsRead = result.RowsRead };
        }

        var outcomes = result.Returns.Zip(stored.Outcomes, (r, o) => new ReturnStoreOutcome(r.OrgUnitCode, r.Period, o)).ToList();
        logger.LogInformation(
            "Import {File}: {Returns} returns in one transaction, {Stored} stored, {Duplicates} unchanged (+{Inserted} ~{Updated}), upload {UploadId}",
            fileName, outcomes.Count, outcomes.Count(o => o.Outcome!.Stored), outcomes.Count(o => o.Outcome!.Kind == ImportOutcomeKind.Duplicate),
            outcomes.Sum(o => o.Outcome!.Inserted), outcomes.Sum(o => o.Outcome!.Updated), stored.UploadId);
        return new MultiReturnImportResult(fileName, issues, outcomes) { RowsRead = result.RowsRead };
    }

    /// <summary>
    /// Outliers and jumps for every value in the file, against the stored current values of the same units and the
    /// file's own earlier quarters (which stand in for the stored ones they would replace). One query for the file.
    /// </summary>
    private async Task<IEnumerable<ImportIssue>> HistoryIssuesAsync(string fileName, string frameworkCode, CsvReadResult result, CancellationToken ct)
    {
        var submitted = result.Returns.SelectMany(r => r.Observations).ToList();
        var units = submitted.Select(o => o.OrgUnitCode).Concat(result.Returns.Select(r => r.OrgUnitCode)).Distinct(StringComparer.Ordinal).ToList();
        var stored = await new ObservationRepository(store).ListCurrentAsync(frameworkCode, units, ct);
        var findings = HistoryChecks.Check(submitted, stored.Concat(submitted), historyOptions);
        return findings.Select(f => f.ToIssue(fileName, result.ValuePlaces.GetValueOrDefault(
            CsvReadResult.PlaceKey(f.Observation.OrgUnitCode, f.Observation.Period, f.MeasureCode))));
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
