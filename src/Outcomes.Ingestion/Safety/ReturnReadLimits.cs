using System.Globalization;

namespace Outcomes.Ingestion.Safety;

/// <summary>
/// How much an uploaded workbook may weigh before it is refused unopened. A real quarterly return is well under 1 MB
/// and unpacks to a few MB, so the defaults leave a wide margin while stopping zip bombs long before they hurt.
/// Hosts bind these from configuration (for example section <c>Outcomes:Returns:Limits</c>) and check
/// <see cref="Problems"/> at start-up; readers fall back to <see cref="Default"/> when given none.
/// </summary>
public sealed record ReturnReadLimits
{
    public const long MiB = 1024 * 1024;

    public static ReturnReadLimits Default { get; } = new();

    /// <summary>Largest upload accepted, in bytes (default 10 MiB).</summary>
    public long MaxFileBytes { get; init; } = 10 * MiB;

    /// <summary>Most bytes all the parts of the workbook may unpack to, declared or actually read (default 100 MiB).</summary>
    public long MaxUncompressedBytes { get; init; } = 100 * MiB;

    /// <summary>Most parts (zip entries) a workbook may hold (default 1,000; the return template has about a dozen).</summary>
    public int MaxEntries { get; init; } = 1000;

    /// <summary>
    /// Highest unpacked-to-packed ratio for one part larger than <see cref="RatioFloorBytes"/> (default 200; Excel's
    /// own sheets pack at roughly 5 to 30 to one, a zero-filled bomb at about 1,000 to one).
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Parts that unpack to less than this are too small for their ratio to matter (default 1 MiB).</summary>
    public long RatioFloorBytes { get; init; } = MiB;

    /// <summary>Plain-English problems with the settings themselves; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxFileBytes <= 0)
        {
            problems.Add($"{nameof(MaxFileBytes)} must be more than 0 (it is {MaxFileBytes.ToString(CultureInfo.InvariantCulture)})");
        }

        if (MaxUncompressedBytes <= 0)
        {
            problems.Add($"{nameof(MaxUncompressedBytes)} must be more than 0 (it is {MaxUncompressedBytes.ToString(CultureInfo.InvariantCulture)})");
        }

        if (MaxEntries <= 0)
        {
            problems.Add($"{nameof(MaxEntries)} must be more than 0 (it is {MaxEntries.ToString(CultureInfo.InvariantCulture)})");
        }

        if (!(MaxCompressionRatio >= 1))
        {
            problems.Add($"{nameof(MaxCompressionRatio)} must be 1 or more (it is {MaxCompressionRatio.ToString(CultureInfo.InvariantCulture)})");
        }

        if (RatioFloorBytes < 0)
        {
            problems.Add($"{nameof(RatioFloorBytes)} cannot be negative (it is {RatioFloorBytes.ToString(CultureInfo.InvariantCulture)})");
        }

        return problems;
    }

    /// <summary>"10 MB", "512 KB", "300 bytes": sizes as people say them.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= MiB when bytes % MiB == 0 => $"{(bytes / MiB).ToString(CultureInfo.InvariantCulture)} MB",
        >= MiB => $"{(bytes / (double)MiB).ToString("0.#", CultureInfo.InvariantCulture)} MB",
        >= 1024 => $"{(bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KB",
        1 => "1 byte",
        _ => $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes",
    };
}
