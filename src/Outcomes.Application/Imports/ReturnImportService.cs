using Microsoft.Extensions.Logging;
using Outcomes.Application.Returns;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Ingestion.History;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Returns;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Imports;

/// <summary>
/// One file's import: the issues found (with places; history warnings among them), what the store did if anything,
/// and a summary: Data rows read, observations inserted/updated/unchanged against the previous version, warnings, errors.
/// </summary>
public sealed record ReturnImportResult(string File, IReadOnlyList<ImportIssue> Issues, ImportOutcome? Outcome)
{
    public bool HasErrors => Issues.Any(i => i.IsError);

    public bool Stored => Outcome?.Stored == true;

    /// <summary>Rows read from the Data sheet (0 when the file was refused before its rows were read).</summary>
    public int RowsRead { get; init; }

    /// <summary>The framework the return was read under; null when the file was refused before its return was read.</summary>
    public string? FrameworkCode { get; init; }

    public int Inserted => Stored ? Outcome!.Inserted : 0;

    public int Updated => Stored ? Outcome!.Updated : 0;

    /// <summary>Observations the same as the previous version's (for a duplicate file, all of them).</summary>
    public int Unchanged => Outcome?.Unchanged ?? 0;

    public int Removed => Stored ? Outcome!.Removed : 0;

    public int Warnings => Issues.Count(i => !i.IsError);

    public int Errors => Issues.Count(i => i.IsError);
}

/// <summary>
/// Imports return templates: recognise the template, find the framework version in force for its period, read
/// and validate every cell, and only then store the whole return in one transaction. A dry run is the same path
/// stopping before the store. A file with any error stores nothing. A file without errors is also checked against
/// the stored history of each measure (<see cref="HistoryChecks"/>): outliers and jumps come back as warnings naming the
/// cell, which do not stop the import but stop approval until the row carries commentary.
/// </summary>
public sealed class ReturnImportService(OutcomesStore store, ILogger<ReturnImportService> logger, HistoryCheckOptions? historyOptions = null)
{
    private readonly Dictionary<string, (Framework Framework, OrgUnitHierarchy Hierarchy)> _frameworks = new(StringComparer.OrdinalIgnoreCase);

    public Task<ReturnImportResult> ImportAsync(
        string fileName, byte[] bytes, string submittedBy, DateTimeOffset submittedAt, bool dryRun = false, CancellationToken ct = default) =>
        ImportAsync(fileName, bytes, submittedBy, _ => submittedAt, dryRun, ct);

    /// <param name="submittedAt">When the return counts as submitted, given its period (the demo stamps sample returns by their deadline).</param>
    public async Task<ReturnImportResult> ImportAsync(
        string fileName, byte[] bytes, string submittedBy, Func<Period, DateTimeOffset> submittedAt, bool dryRun = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(submittedAt);
        ArgumentNullException.ThrowIfNull(bytes);
        using var peek = new MemoryStream(bytes, writable: false);
        var content = ReturnWorkbookReader.Read(fileName, peek, out var fileIssue);
        if (content is null)
        {
            return new ReturnImportResult(fileName, [fileIssue!], null);
        }

        if (content.Meta is not { } meta
            || !meta.TryGetValue(ReturnTemplateLayout.Keys.FrameworkCode, out var frameworkCode)
            || !meta.TryGetValue(ReturnTemplateLayout.Keys.PeriodKey, out var periodKey)
            || !meta.TryGetValue(ReturnTemplateLayout.Keys.OrgUnitCode, out var unitCode))
        {
            return Refuse(fileName, "template.not-recognised",
                $"this is not an Outcomes return template (its hidden '{ReturnTemplateLayout.MetaSheet}' sheet is missing or incomplete); download a template with `outcomes template`.");
        }

        if (!PeriodParser.TryParse(periodKey, out var period, out var periodError))
        {
            return Refuse(fileName, "template.period", $"the template's period '{periodKey}' cannot be read: {periodError}.");
        }

        var loaded = await LoadFrameworkAsync(frameworkCode, ct);
        if (loaded is not { } fw)
        {
            return Refuse(fileName, "template.framework-unknown", $"framework '{frameworkCode}' is not loaded; run `outcomes frameworks load` first.");
        }

        if (fw.Framework.VersionOn(period.Start) is not { } version)
        {
            return Refuse(fileName, "template.no-version", $"framework '{frameworkCode}' has no version in force for {period.Key}.");
        }

        if (!fw.Hierarchy.TryGet(unitCode, out var unit))
        {
            return Refuse(fileName, "template.org-unit-unknown", $"org unit '{unitCode}' is not part of {fw.Framework.Name}.");
        }

        var read = ReturnTemplateReader.Judge(fileName, content, version, unit, period);
        var rowsRead = content.Rows.Count;
        if (read.HasErrors || read.Return is null)
        {
            return new ReturnImportResult(fileName, read.Issues, null) { RowsRead = rowsRead };
        }

        var findings = await ReturnWorkflowService.FindingsAsync(store, read.Return.FrameworkCode, read.Return.OrgUnitCode, read.Return.Observations, historyOptions, ct);
        var places = ValueCells(content);
        var issues = read.Issues.Concat(findings.Select(f => f.ToIssue(fileName, places.GetValueOrDefault(f.MeasureCode)))).ToList();
        if (dryRun)
        {
            return new ReturnImportResult(fileName, issues, null) { RowsRead = rowsRead, FrameworkCode = read.Return.FrameworkCode };
        }

        var outcome = await new ReturnRepository(store).ImportAsync(read.Return, fileName, bytes, submittedBy, submittedAt(period), ct);
        logger.LogInformation("Import {File}: {Kind} v{Version} (+{Inserted} ~{Updated} ={Unchanged}, {Warnings} history warnings)",
            fileName, outcome.Kind, outcome.VersionNumber, outcome.Inserted, outcome.Updated, outcome.Unchanged, findings.Count);
        return new ReturnImportResult(fileName, issues, outcome) { RowsRead = rowsRead, FrameworkCode = read.Return.FrameworkCode };
    }

    /// <summary>The Value cell of each measure's first Data row ("Data!D7"), so a history warning can name it.</summary>
    private static Dictionary<string, CellPlace> ValueCells(ReturnWorkbookContent content)
    {
        var places = new Dictionary<string, CellPlace>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in content.Rows)
        {
            var code = row.Code.Text.Trim();
            if (code.Length > 0)
            {
                places.TryAdd(code, new CellPlace(row.Value.Sheet, row.Value.Address, row.Value.Row));
            }
        }

        return places;
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

        var hierarchy = await new OrgUnitRepository(store).LoadHierarchyAsync(framework.AuthorityCode, ct);
        return _frameworks[code] = (framework, hierarchy);
    }

    private static ReturnImportResult Refuse(string file, string rule, string message) =>
        new(file, [new ImportIssue(file, null, null, null, null, rule, IssueSeverity.Error, message)], null);
}
