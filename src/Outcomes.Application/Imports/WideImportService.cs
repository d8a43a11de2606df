using Microsoft.Extensions.Logging;
using Outcomes.Ingestion.History;
using Outcomes.Ingestion.Issues;
using Outcomes.Storage.Repositories;
using Outcomes.Ingestion.Wide;
using Outcomes.Storage;

namespace Outcomes.Application.Imports;

/// <summary>
/// Imports a council's own wide workbook through a saved <see cref="WideMapping"/> (<see cref="WideSheetReader"/>):
/// the same path as <see cref="CsvImportService"/> — read and judge every quarter, store each return only when the
/// whole file has no error, all in one transaction; dry run stops before the store.
/// </summary>
public sealed class WideImportService(OutcomesStore store, ILogger<WideImportService> logger, TimeProvider? clock = null, HistoryCheckOptions? historyOptions = null)
{
    private readonly MultiReturnImporter _importer = new(store, logger, clock ?? TimeProvider.System, historyOptions);

    public Task<MultiReturnImportResult> ImportAsync(
        string fileName, byte[] bytes, WideMapping mapping, string frameworkCode, string submittedBy, DateTimeOffset submittedAt, bool dryRun = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(mapping);
        return _importer.ImportAsync(
            new UploadedFile(fileName, "wide", bytes),
            frameworkCode,
            (framework, hierarchy, today) => WideSheetReader.Read(fileName, new MemoryStream(bytes, writable: false), mapping, framework, hierarchy, today),
            submittedBy,
            submittedAt,
            dryRun,
            ct);
    }

    /// <summary>Reads a mapping file; null with the problems when it cannot be used.</summary>
    public static WideMapping? LoadMapping(string path, out IReadOnlyList<ImportIssue> problems)
    {
        var mapping = WideMapping.Load(path, out var found);
        problems = found.Select(p => ImportIssue.ForFile(Path.GetFileName(path), "mapping.invalid", p)).ToList();
        return mapping;
    }
}
