using Microsoft.Extensions.Options;
using Outcomes.Domain.Access;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Packs;

/// <summary>A finished pack's file, ready to send: where it is, its content type and the name it downloads as.</summary>
public sealed record PackDownload(string FullPath, string ContentType, string FileName);

/// <summary>
/// Who sees which pack jobs: anyone who may View the job's unit (for a scrutiny pack, the authority). Everything else
/// answers as if it did not exist, so another authority's packs cannot even be counted.
/// </summary>
public sealed class PackAccess(PackJobRepository jobs, AccessPolicies policies, PackJobRunner runner, IOptions<PackOptions> options)
{
    public const string PdfType = "application/pdf";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>How many days made packs are kept (Outcomes:Packs:KeepDays; 0: for ever).</summary>
    public int KeepDays => options.Value.KeepDays;

    /// <summary>The job, or null when it does not exist or is outside the caller's scope.</summary>
    public async Task<PackJob?> FindAsync(IReadOnlyList<RoleAssignment> roles, long id, CancellationToken ct)
    {
        var job = await jobs.GetAsync(id, ct);
        return job is not null && (await policies.CurrentAsync(ct)).May(roles, Permission.View, job.OrgUnitCode) ? job : null;
    }

    /// <summary>The newest jobs the caller may see, newest first.</summary>
    public async Task<IReadOnlyList<PackJob>> HistoryAsync(IReadOnlyList<RoleAssignment> roles, CancellationToken ct)
    {
        var policy = await policies.CurrentAsync(ct);
        var listed = await jobs.ListAsync(policy.Authorities(roles), options.Value.HistoryRows * 4, ct);
        return listed.Where(j => policy.May(roles, Permission.View, j.OrgUnitCode)).Take(options.Value.HistoryRows).ToList();
    }

    /// <summary>
    /// A done job's PDF ("pdf") or workbook ("xlsx"), or why there is none: not done yet, expired (removed by the
    /// clean-up after Outcomes:Packs:KeepDays), or gone from the disk some other way (or stored outside the packs folder).
    /// </summary>
    public PackFileLookup Download(PackJob job, string format)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (relative, what) = format switch
        {
            "pdf" => (job.PdfPath, "PDF"),
            "xlsx" => (job.XlsxPath, "Excel workbook"),
            _ => (null, format),
        };
        if (job.ExpiredAt is not null)
        {
            return new PackFileLookup(
                PackFileState.Expired, null,
                $"Pack job {job.Id} has expired: its files were removed on {job.ExpiredAt.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, as packs are kept for {options.Value.KeepDays} days. "
                + "Generate the pack again: it is made from the stored scores.");
        }

        if (job.Status != PackJobStatus.Done || relative is null)
        {
            return new PackFileLookup(PackFileState.NotDone, null, $"Pack job {job.Id} is {PackJobRepository.StatusText(job.Status)}: there is no file to download.");
        }

        if (PackFiles.Inside(runner.OutputFolder, relative) is not { } full || !File.Exists(full))
        {
            return new PackFileLookup(
                PackFileState.Missing, null,
                $"The {what} of pack job {job.Id} is no longer available: the file is no longer on the server. Generate the pack again: it is made from the stored scores.");
        }

        return new PackFileLookup(PackFileState.Ready, new PackDownload(full, format == "pdf" ? PdfType : XlsxType, Path.GetFileName(full)), string.Empty);
    }

    /// <summary>Whether a job's two files can be downloaded now: done, not expired, and both still on disk.</summary>
    public bool FilesAvailable(PackJob job) =>
        Download(job, "pdf").State == PackFileState.Ready && Download(job, "xlsx").State == PackFileState.Ready;
}

/// <summary>Whether a pack's file can be sent: ready, not made (yet), expired, or missing from disk.</summary>
public enum PackFileState
{
    Ready,
    NotDone,
    Expired,
    Missing,
}

/// <summary>A pack file asked for: the file when <see cref="PackFileState.Ready"/>, otherwise a sentence saying why not.</summary>
public sealed record PackFileLookup(PackFileState State, PackDownload? File, string Message);
