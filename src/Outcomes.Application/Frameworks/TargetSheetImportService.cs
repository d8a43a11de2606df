using System.Globalization;
using Microsoft.Extensions.Logging;
using Outcomes.Application.Scoring;
using Outcomes.Domain.Frameworks;
using Outcomes.Ingestion.Targets;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Frameworks;

/// <summary>What a targets upload did: its problems (nothing stored when there are any), or the targets stored and the re-score.</summary>
public sealed record TargetSheetImport(TargetSheetResult Read, bool Stored, int TargetsBefore, int TargetsAfter, ScoringSummary? Rescored)
{
    public bool HasErrors => Read.HasErrors;
}

/// <summary>
/// Targets from a spreadsheet, the same model as targets.yaml: the file replaces the framework's targets as one set
/// (<see cref="TargetRepository.ReplaceForFrameworkAsync"/>, one transaction), is written to the audit log, and the
/// framework is re-scored at once, as `make demo` scores after loading, so the RAG on every page and pack follows.
/// A file with any problem stores nothing. Who may do this is the host's concern.
/// </summary>
public sealed class TargetSheetImportService(OutcomesStore store, ILoggerFactory logs)
{
    public const string AuditTable = "targets";

    /// <summary>The template for a framework, pre-filled with its current targets.</summary>
    public async Task<byte[]> TemplateAsync(Framework framework, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return TargetTemplateWriter.Write(await ContextAsync(framework, ct), await new TargetRepository(store).ListAsync(framework.Code, ct));
    }

    public async Task<TargetSheetImport> ImportAsync(Framework framework, string fileName, byte[] bytes, string userName, bool dryRun, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var targets = new TargetRepository(store);
        var before = (await targets.ListAsync(framework.Code, ct)).Count;
        var read = TargetSheetParser.Parse(fileName, bytes, await ContextAsync(framework, ct));
        if (dryRun || read.HasErrors)
        {
            return new TargetSheetImport(read, false, before, before, null);
        }

        var stored = await targets.ReplaceForFrameworkAsync(framework.Code, read.Targets, ct);
        await new AuditRepository(store).AppendAsync(
            new AuditEntry(0, userName, DateTimeOffset.UtcNow, AuditTable, framework.Code,
                before.ToString(CultureInfo.InvariantCulture) + " targets", stored.ToString(CultureInfo.InvariantCulture) + " targets",
                $"Targets replaced from {Path.GetFileName(fileName)}"),
            ct);
        logs.CreateLogger<TargetSheetImportService>().LogInformation(
            "Targets of {Framework} replaced from {File} by {User}: {Before} before, {After} now", framework.Code, Path.GetFileName(fileName), userName, before, stored);
        var rescored = await new ScoringService(store, logs.CreateLogger<ScoringService>()).ScoreAsync(framework.Code, null, ct);
        return new TargetSheetImport(read, true, before, stored, rescored);
    }

    private async Task<TargetSheetContext> ContextAsync(Framework framework, CancellationToken ct) =>
        new(framework, (await new OrgUnitRepository(store).LoadHierarchyAsync(framework.AuthorityCode, ct)).Units);
}
