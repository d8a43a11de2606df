using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Outcomes.Application.Imports;
using Outcomes.Domain.Access;
using Outcomes.Ingestion.ErrorReports;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Returns;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;
using Outcomes.Web.Configuration;
using Outcomes.Web.Scoring;

namespace Outcomes.Web.Uploads;

/// <summary>
/// Uploading a return template, shared by the page and the API: refuse what is too large, not .xlsx, or for a unit the
/// user may not submit for (checked before anything else is read from the store, so another authority's framework is
/// never described); otherwise validate with a dry run of <see cref="ReturnImportService"/> and keep the file for
/// <see cref="ImportAsync"/>, which stores exactly those bytes.
/// </summary>
public sealed class ReturnUploads(
    OutcomesStore store, AccessPolicies policies, PendingUploads pending, IOptions<OutcomesWebOptions> options, TimeProvider clock,
    ILogger<ReturnImportService> importLogger, ILogger<CsvImportService> csvLogger, ScoringRequests scoring, ILogger<ReturnUploads> logger)
{
    public long MaxBytes => options.Value.Uploads.MaxBytes;

    public int PendingMinutes => options.Value.Uploads.PendingMinutes;

    public string MaxSize => MaxBytes >= 1024 * 1024 ? $"{MaxBytes / (1024.0 * 1024):0.#} MB" : $"{MaxBytes / 1024.0:0.#} KB";

    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    /// <summary>Validates without storing; a file that could be imported (or whose problems can be annotated) is kept for a while.</summary>
    /// <param name="frameworkCode">For a .csv (which may hold several units' returns), the framework it reports; ignored for a template.</param>
    public async Task<UploadCheck> ValidateAsync(UserAccount user, string fileName, byte[] bytes, string? frameworkCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(bytes);
        fileName = Path.GetFileName(fileName);
        var sha = Sha256(bytes);
        if (bytes.Length == 0)
        {
            return UploadCheck.Refuse(fileName, sha, "The selected file is empty.");
        }

        if (bytes.Length > MaxBytes)
        {
            return UploadCheck.Refuse(fileName, sha, $"The selected file must be smaller than {MaxSize}.");
        }

        if (IsCsv(fileName))
        {
            var csv = await CheckCsvAsync(user, fileName, bytes, frameworkCode, dryRun: true, ct);
            if (!csv.Refused)
            {
                await pending.KeepAsync(user.Id, sha, fileName, bytes, csv.Issues, csv.Identity?.FrameworkCode, ct);
            }

            return csv;
        }

        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return UploadCheck.Refuse(fileName, sha, "The selected file must be an .xlsx return template or a .csv of returns.");
        }

        var (identity, refusal) = await IdentifyAsync(user, fileName, bytes, ct);
        if (refusal is not null)
        {
            return UploadCheck.Refuse(fileName, sha, refusal);
        }

        var result = await new ReturnImportService(store, importLogger).ImportAsync(fileName, bytes, user.UserName, clock.GetUtcNow(), dryRun: true, ct);
        var check = new UploadCheck(fileName, sha, identity, result.Issues, result.RowsRead, null);
        await pending.KeepAsync(user.Id, sha, fileName, bytes, result.Issues, null, ct);
        return check;
    }

    /// <summary>
    /// Imports the upload validated earlier under this hash, re-checking scope and every rule; null when it is no longer
    /// held (expired, never kept, or taken by another confirm of the same file). The upload is claimed from the store
    /// first, so two confirms at once import it once; if nothing is stored it is kept again for another try.
    /// </summary>
    public async Task<UploadImport?> ImportAsync(UserAccount user, string sha256, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await pending.ClaimAsync(user.Id, sha256, ct) is not { } upload)
        {
            return null;
        }

        UploadImport? imported = null;
        try
        {
            imported = await ImportClaimedAsync(user, upload, ct);
            return imported is { Stored: true } ? imported with { ScoringQueued = await QueueScoringAsync(user, imported) } : imported;
        }
        finally
        {
            if (imported is not { Stored: true })
            {
                await pending.ReturnAsync(upload, CancellationToken.None);
            }
        }
    }

    /// <summary>The annotated copy of a held upload (every problem marked on its cell, and an Errors sheet), or null.</summary>
    public async Task<byte[]?> ErrorWorkbookAsync(UserAccount user, string sha256, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await pending.FindAsync(user.Id, sha256, ct) is { } upload ? ErrorReportWriter.Write(upload.Bytes, upload.Issues) : null;
    }

    private async Task<UploadImport> ImportClaimedAsync(UserAccount user, PendingUpload upload, CancellationToken ct)
    {
        if (IsCsv(upload.FileName))
        {
            var csv = await CheckCsvAsync(user, upload.FileName, upload.Bytes, upload.FrameworkCode, dryRun: false, ct);
            return csv.Refused
                ? new UploadImport(csv, null, csv.Refusal!)
                : new UploadImport(csv, csv.Stored ? csv.Version : null, csv.Stored ? $"Stored {csv.Identity?.OrgUnitCode} ({csv.Identity?.PeriodKey})." : "Nothing was stored: the file has errors.");
        }

        var (identity, refusal) = await IdentifyAsync(user, upload.FileName, upload.Bytes, ct);
        if (refusal is not null)
        {
            return new UploadImport(UploadCheck.Refuse(upload.FileName, upload.Sha256, refusal), null, refusal);
        }

        var result = await new ReturnImportService(store, importLogger).ImportAsync(upload.FileName, upload.Bytes, user.UserName, clock.GetUtcNow(), dryRun: false, ct);
        var check = new UploadCheck(upload.FileName, upload.Sha256, identity, result.Issues, result.RowsRead, null);
        return result.Outcome is { Stored: true } stored
            ? new UploadImport(check, stored.VersionNumber, stored.Message)
            : new UploadImport(check, null, result.Outcome?.Message ?? "Nothing was stored: the return has errors.");
    }

    /// <summary>
    /// Something was stored, so its framework's scores are out of date: ask for it to be scored again (in the background,
    /// not in this request). The return is stored whatever happens here; if the request cannot be recorded, say so in the
    /// log (`outcomes score` or the next import puts it right).
    /// </summary>
    private async Task<bool> QueueScoringAsync(UserAccount user, UploadImport imported)
    {
        if (imported.Check.Identity?.FrameworkCode is not { Length: > 0 } framework)
        {
            return false;
        }

        try
        {
            await scoring.QueueAsync(framework, user.UserName, CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogError(e, "A return for {Framework} was stored but its scoring could not be queued", framework);
            return false;
        }
    }

    private static bool IsCsv(string fileName) => fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A CSV may hold several units' returns: its framework must be one of the user's authority's, and after reading
    /// (a dry run) every unit in it must be one the user may submit for, before anything is shown or, on import, stored.
    /// </summary>
    private async Task<CsvCheck> CheckCsvAsync(UserAccount user, string fileName, byte[] bytes, string? frameworkCode, bool dryRun, CancellationToken ct)
    {
        var sha = Sha256(bytes);
        var policy = await policies.CurrentAsync(ct);
        var framework = string.IsNullOrWhiteSpace(frameworkCode) ? null : await new FrameworkRepository(store).GetAsync(frameworkCode, ct);
        if (framework is null || !policy.ScopeUnits(user.Roles, Permission.SubmitReturn).Any(u => string.Equals(u.AuthorityCode, framework.AuthorityCode, StringComparison.OrdinalIgnoreCase)))
        {
            return CsvCheck.Refuse(fileName, sha, "Select the framework of your authority that the .csv reports. Nothing was stored.");
        }

        var service = new CsvImportService(store, csvLogger, clock);
        var read = await service.ImportAsync(fileName, bytes, framework.Code, user.UserName, clock.GetUtcNow(), dryRun: true, ct);
        if (read.Returns.FirstOrDefault(r => !policy.May(user.Roles, Permission.SubmitReturn, r.OrgUnitCode)) is { } outside)
        {
            return CsvCheck.Refuse(fileName, sha, $"You cannot upload a return for org unit '{outside.OrgUnitCode}': it is not within the units you may submit returns for. Nothing was stored.");
        }

        var result = dryRun || read.HasErrors ? read : await service.ImportAsync(fileName, bytes, framework.Code, user.UserName, clock.GetUtcNow(), dryRun: false, ct);
        var identity = new UploadIdentity(
            framework.Code,
            string.Join(", ", result.Returns.Select(r => r.OrgUnitCode).Distinct(StringComparer.OrdinalIgnoreCase)),
            $"{result.Returns.Count} return{(result.Returns.Count == 1 ? "" : "s")}",
            string.Join(", ", result.Returns.Select(r => r.Period.Key).Distinct(StringComparer.Ordinal)));
        return new CsvCheck(fileName, sha, identity, result.Issues, result.RowsRead, null)
        {
            Stored = !dryRun && result.Stored,
            Version = result.Returns.Select(r => r.Outcome?.VersionNumber ?? 0).DefaultIfEmpty(0).Max(),
        };
    }

    /// <summary>
    /// Reads the template's hidden sheet: the unit must exist, the user must hold SubmitReturn over it, and the framework
    /// must be the unit's authority's. A file without a readable identity is left for the validator to describe.
    /// </summary>
    private async Task<(UploadIdentity? Identity, string? Refusal)> IdentifyAsync(UserAccount user, string fileName, byte[] bytes, CancellationToken ct)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var content = ReturnWorkbookReader.Read(fileName, stream, out _);
        if (content?.Meta is not { } meta || !meta.TryGetValue(ReturnTemplateLayout.Keys.OrgUnitCode, out var unitCode))
        {
            return (null, null);
        }

        var refusal = $"You cannot upload a return for org unit '{unitCode}': it is not within the units you may submit returns for. Nothing was stored.";
        var policy = await policies.CurrentAsync(ct);
        if (!policy.Hierarchy.TryGet(unitCode, out var unit) || !policy.May(user.Roles, Permission.SubmitReturn, unit.Code))
        {
            return (null, refusal);
        }

        meta.TryGetValue(ReturnTemplateLayout.Keys.FrameworkCode, out var frameworkCode);
        meta.TryGetValue(ReturnTemplateLayout.Keys.PeriodKey, out var periodKey);
        if (frameworkCode is not null
            && await new FrameworkRepository(store).GetAsync(frameworkCode, ct) is { } framework
            && !string.Equals(framework.AuthorityCode, unit.AuthorityCode, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"You cannot upload a return under framework '{frameworkCode}': it is not your authority's. Nothing was stored.");
        }

        return (new UploadIdentity(frameworkCode ?? "", unit.Code, unit.Name, periodKey ?? ""), null);
    }
}
