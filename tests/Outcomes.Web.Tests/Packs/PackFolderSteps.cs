using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Packs;

namespace Outcomes.Web.Tests.Packs;

/// <summary>
/// Packs put in the store and on disk as the queue leaves them, without printing: a job row moved queued → running →
/// done through the real repository, with its two files written under the host's packs folder and dated as if made
/// then. The clean-up and the downloads only look at the rows, the paths, the dates and the bytes, not at what is in
/// the files; PackGenerationTests makes real packs with Chromium.
/// </summary>
internal static class PackFolderSteps
{
    public const string Quarter = "2018-19 Q4";

    public static DateTimeOffset DaysAgo(int days) => DateTimeOffset.UtcNow.AddDays(-days);

    public static PackRetention Retention(this PackHost host) => host.Factory.Services.GetRequiredService<PackRetention>();

    /// <summary>A done Bradford board pack for <paramref name="unit"/> that finished at <paramref name="finished"/>, files on disk dated then.</summary>
    public static async Task<PackJob> MadeAsync(this PackHost host, string unit, DateTimeOffset finished, string? pdfPath = null, string? xlsxPath = null, bool writeFiles = true)
    {
        var id = await host.Jobs.CreateAsync(new PackJobRequest(PackKind.Board, "BRD-CC", unit, "BRD", Quarter, "maker@council.example", finished.AddMinutes(-2)));
        await host.Jobs.StartAsync(id, finished.AddMinutes(-1));
        var stem = $"{id.ToString(CultureInfo.InvariantCulture)}/board-pack_{unit}_2018-19_Q4";
        pdfPath ??= stem + ".pdf";
        xlsxPath ??= stem + ".xlsx";
        var pdfBytes = writeFiles ? WriteIfInside(host, pdfPath, $"%PDF-1.7 pack {id}", finished) : 0;
        var xlsxBytes = writeFiles ? WriteIfInside(host, xlsxPath, $"workbook of pack {id}", finished) : 0;
        Assert.That(await host.Jobs.FinishAsync(id, finished, new PackJobFiles(pdfPath, pdfBytes, xlsxPath, xlsxBytes, 3)), Is.True);
        return (await host.Jobs.GetAsync(id))!;
    }

    /// <summary>A file under the packs folder (path relative to it), last written at <paramref name="written"/>.</summary>
    public static string Put(this PackHost host, string relative, DateTimeOffset written, string content = "left over")
    {
        var full = Path.Combine(host.PacksFolder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        File.SetLastWriteTimeUtc(full, written.UtcDateTime);
        return full;
    }

    public static string Full(this PackHost host, string? relative) => Path.GetFullPath(Path.Combine(host.PacksFolder, relative!));

    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(this PackHost host, string table, string rowKey) =>
        (await new AuditRepository(host.Store).ListAsync(table, rowKey)).Where(e => e.RowKey == rowKey).ToList();

    private static long WriteIfInside(PackHost host, string relative, string content, DateTimeOffset written)
    {
        var full = host.Full(relative);
        if (!full.StartsWith(host.PacksFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return 0; // A test's deliberately bad path: the file there is the test's own.
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, Encoding.UTF8.GetBytes(content));
        File.SetLastWriteTimeUtc(full, written.UtcDateTime);
        return new FileInfo(full).Length;
    }
}
