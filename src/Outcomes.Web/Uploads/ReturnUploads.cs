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

namespace Outcomes.Web.Uploads;

/// <summary>
/// Uploading a return template, shared by the page and the API: refuse what is too large, not .xlsx, or for a unit the
/// user may not submit for (checked before anything else is read from the store, so another authority's framework is
/// never described); otherwise validate with a dry run of <see cref="ReturnImportService"/> and keep the file for
/// <see cref="ImportAsync"/>, which stores exactly those bytes.
/// </summary>
public sealed class ReturnUploads(
    OutcomesStore store, AccessPolicies policies, PendingUploads pending, IOptions<OutcomesWebOptions> options, TimeProvider clock, ILogger<ReturnImportService> importLogger)
{
    public long MaxBytes => options.Value.Uploads.MaxBytes;

    public int PendingMinutes => options.Value.Uploads.PendingMinutes;

    public string MaxSize => MaxBytes >= 1024 * 1024 ? $"{MaxBytes / (1024.0 * 1024):0.#} MB" : $"{MaxBytes / 1024.0:0.#} KB";

    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    /// <summary>Validates without storing; a file that could be imported (or whose problems can be annotated) is kept for a while.</summary>
    public async Task<UploadCheck> ValidateAsync(UserAccount user, string fileName, byte[] bytes, CancellationToken ct)
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

        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return UploadCheck.Refuse(fileName, sha, "The selected file must be an .xlsx return template (download one from \"Download a return template\").");
        }

        var (identity, refusal) = await IdentifyAsync(user, fileName, bytes, ct);
        if (refusal is not null)
        {
            return UploadCheck.Refuse(fileName, sha, refusal);
        }

        var result = await new ReturnImportService(store, importLogger).ImportAsync(fileName, bytes, user.UserName, clock.GetUtcNow(), dryRun: true, ct);
        var check = new UploadCheck(fileName, sha, identity, result.Issues, result.RowsRead, null);
        pending.Keep(user.Id, sha, fileName, bytes, result.Issues);
        return check;
    }

    /// <summary>Imports the upload validated earlier under this hash, re-checking scope and every rule; null when it is no longer held.</summary>
    public async Task<UploadImport?> ImportAsync(UserAccount user, string sha256, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (pending.Find(user.Id, sha256) is not { } upload)
        {
            return null;
        }

        var (identity, refusal) = await IdentifyAsync(user, upload.FileName, upload.Bytes, ct);
        if (refusal is not null)
        {
            return new UploadImport(UploadCheck.Refuse(upload.FileName, upload.Sha256, refusal), null, refusal);
        }

        var result = await new ReturnImportService(store, importLogger).ImportAsync(upload.FileName, upload.Bytes, user.UserName, clock.GetUtcNow(), dryRun: false, ct);
        var check = new UploadCheck(upload.FileName, upload.Sha256, identity, result.Issues, result.RowsRead, null);
        if (result.Outcome is { Stored: true } stored)
        {
            pending.Forget(user.Id, upload.Sha256);
            return new UploadImport(check, stored.VersionNumber, stored.Message);
        }

        return new UploadImport(check, null, result.Outcome?.Message ?? "Nothing was stored: the return has errors.");
    }

    /// <summary>The annotated copy of a held upload (every problem marked on its cell, and an Errors sheet), or null.</summary>
    public byte[]? ErrorWorkbook(UserAccount user, string sha256)
    {
        ArgumentNullException.ThrowIfNull(user);
        return pending.Find(user.Id, sha256) is { } upload ? ErrorReportWriter.Write(upload.Bytes, upload.Issues) : null;
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
