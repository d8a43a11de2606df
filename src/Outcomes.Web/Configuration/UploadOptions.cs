namespace Outcomes.Web.Configuration;

/// <summary>Limits on uploaded returns (section "Outcomes:Uploads").</summary>
public sealed class UploadOptions
{
    /// <summary>The largest file accepted, in bytes (a quarterly return is about 12 KB; the default allows 5 MB).</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How long a validated upload waits server-side for its "Confirm import" (and its error workbook stays downloadable).</summary>
    public int PendingMinutes { get; set; } = 30;

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
    }
}
