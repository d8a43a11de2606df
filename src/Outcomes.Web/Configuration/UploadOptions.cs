namespace Outcomes.Web.Configuration;

/// <summary>Limits on uploaded returns (section "Outcomes:Uploads").</summary>
public sealed class UploadOptions
{
    /// <summary>The largest file accepted, in bytes (a quarterly return is about 12 KB; the default allows 5 MB).</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How long a validated upload waits server-side for its "Confirm import" (and its error workbook stays downloadable).</summary>
    public int PendingMinutes { get; set; } = 30;

    /// <summary>The most validated uploads held in the store at once, for all users together; beyond it the oldest go.</summary>
    public int PendingMaxCount { get; set; } = 500;

    /// <summary>The most bytes of validated uploads held in the store at once, in megabytes; beyond it the oldest go.</summary>
    public int PendingMaxMegabytes { get; set; } = 256;

    public IEnumerable<string> Validate()
    {
        if (MaxBytes is < 1024 or > 100L * 1024 * 1024)
        {
            yield return $"MaxBytes must be between 1024 and 104857600 (was {MaxBytes}).";
        }

        if (PendingMinutes is < 1 or > 24 * 60)
        {
            yield return $"PendingMinutes must be between 1 and 1440 (was {PendingMinutes}).";
        }

        if (PendingMaxCount is < 1 or > 100_000)
        {
            yield return $"PendingMaxCount must be between 1 and 100000 (was {PendingMaxCount}).";
        }

        if (PendingMaxMegabytes < 1 || PendingMaxMegabytes * 1024L * 1024 < MaxBytes || PendingMaxMegabytes > 100 * 1024)
        {
            yield return $"PendingMaxMegabytes must hold at least one file of MaxBytes and be at most 102400 (was {PendingMaxMegabytes}).";
        }
    }
}
