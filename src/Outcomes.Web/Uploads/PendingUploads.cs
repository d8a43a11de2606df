using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Outcomes.Ingestion.Issues;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Configuration;

namespace Outcomes.Web.Uploads;

/// <summary>An uploaded file kept after validation, so "Confirm import" stores exactly the bytes that were checked.</summary>
public sealed record PendingUpload(long UserId, string Sha256, string FileName, byte[] Bytes, IReadOnlyList<ImportIssue> Issues, string? FrameworkCode, DateTimeOffset Created, DateTimeOffset Expires);

/// <summary>
/// Validated uploads held in the store (table pending_uploads) for a short time (Outcomes:Uploads:PendingMinutes), keyed
/// by the uploader and the file's SHA-256, so any web server sharing the store can confirm one and a restart forgets
/// none. Confirming posts only the hash, never the file again, so what is imported is what was validated; the key
/// includes the user, so nobody else can confirm or download another's upload. Bounded by count and by bytes held
/// (Outcomes:Uploads:PendingMaxCount, PendingMaxMegabytes): keeping one cleans out the expired, then the oldest go.
/// </summary>
public sealed class PendingUploads(OutcomesStore store, IOptions<OutcomesWebOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions IssueJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly PendingUploadRepository _repository = new(store);

    private UploadOptions Limits => options.Value.Uploads;

    public async Task<PendingUpload> KeepAsync(long userId, string sha256, string fileName, byte[] bytes, IReadOnlyList<ImportIssue> issues, string? frameworkCode, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pending = new PendingUpload(userId, sha256.ToUpperInvariant(), fileName, bytes, issues, frameworkCode, now, now.AddMinutes(Limits.PendingMinutes));
        await KeepAsync(pending, ct);
        return pending;
    }

    /// <summary>Keeps an upload again as it was (its own expiry), after a confirm that claimed it stored nothing.</summary>
    public Task ReturnAsync(PendingUpload upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return KeepAsync(upload, ct);
    }

    public async Task<PendingUpload?> FindAsync(long userId, string sha256, CancellationToken ct) =>
        ToUpload(await _repository.FindAsync(userId, sha256.ToUpperInvariant(), clock.GetUtcNow(), ct));

    /// <summary>Takes the upload out of the store for importing: of two confirms at once, only one gets it.</summary>
    public async Task<PendingUpload?> ClaimAsync(long userId, string sha256, CancellationToken ct) =>
        ToUpload(await _repository.ClaimAsync(userId, sha256.ToUpperInvariant(), clock.GetUtcNow(), ct));

    private Task KeepAsync(PendingUpload upload, CancellationToken ct) =>
        _repository.KeepAsync(
            new PendingUploadRecord(
                upload.UserId, upload.Sha256, upload.FileName, upload.Bytes, JsonSerializer.Serialize(upload.Issues, IssueJson), upload.FrameworkCode, upload.Created, upload.Expires),
            new PendingUploadLimits(Limits.PendingMaxCount, Limits.PendingMaxMegabytes * 1024L * 1024),
            clock.GetUtcNow(),
            ct);

    private static PendingUpload? ToUpload(PendingUploadRecord? record) =>
        record is null
            ? null
            : new PendingUpload(
                record.UserId, record.Sha256, record.FileName, record.Bytes,
                JsonSerializer.Deserialize<List<ImportIssue>>(record.IssuesJson, IssueJson) ?? [], record.FrameworkCode, record.CreatedAt, record.ExpiresAt);
}
