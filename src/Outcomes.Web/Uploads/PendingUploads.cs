using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Outcomes.Ingestion.Issues;
using Outcomes.Web.Configuration;

namespace Outcomes.Web.Uploads;

/// <summary>An uploaded file kept after validation, so "Confirm import" stores exactly the bytes that were checked.</summary>
public sealed record PendingUpload(long UserId, string Sha256, string FileName, byte[] Bytes, IReadOnlyList<ImportIssue> Issues, string? FrameworkCode, DateTimeOffset Expires);

/// <summary>
/// Validated uploads held in memory for a short time (Outcomes:Uploads:PendingMinutes), keyed by the uploader and the
/// file's SHA-256. Confirming posts only the hash, never the file again, so what is imported is what was validated; the
/// key includes the user, so nobody else can confirm or download another's upload.
/// Bounded by count and by bytes held (each file is at most Outcomes:Uploads:MaxBytes): the oldest go first. A restart
/// forgets them, and the user uploads again (said on the page).
/// </summary>
public sealed class PendingUploads(IOptions<OutcomesWebOptions> options, TimeProvider clock)
{
    private const int Capacity = 500;
    private const long CapacityBytes = 256L * 1024 * 1024;
    private readonly ConcurrentDictionary<(long UserId, string Sha256), PendingUpload> _uploads = new();

    public PendingUpload Keep(long userId, string sha256, string fileName, byte[] bytes, IReadOnlyList<ImportIssue> issues, string? frameworkCode)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _uploads.Where(u => u.Value.Expires <= now).Select(u => u.Key).ToList())
        {
            _uploads.TryRemove(stale, out _);
        }

        var held = _uploads.Values.Sum(u => (long)u.Bytes.Length);
        foreach (var oldest in _uploads.OrderBy(u => u.Value.Expires).ToList())
        {
            if (_uploads.Count < Capacity && held + bytes.Length <= CapacityBytes)
            {
                break;
            }

            if (_uploads.TryRemove(oldest.Key, out var removed))
            {
                held -= removed.Bytes.Length;
            }
        }

        var pending = new PendingUpload(userId, sha256, fileName, bytes, issues, frameworkCode, now.AddMinutes(options.Value.Uploads.PendingMinutes));
        _uploads[(userId, sha256)] = pending;
        return pending;
    }

    public PendingUpload? Find(long userId, string sha256) =>
        _uploads.TryGetValue((userId, sha256.ToUpperInvariant()), out var found) && found.Expires > clock.GetUtcNow() ? found : null;

    public void Forget(long userId, string sha256) => _uploads.TryRemove((userId, sha256.ToUpperInvariant()), out _);
}
