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

    /// <summary>A done job's PDF ("pdf") or workbook ("xlsx"); null when the job is not done or the file has gone.</summary>
    public PackDownload? Download(PackJob job, string format)
    {
        ArgumentNullException.ThrowIfNull(job);
        var relative = format switch
        {
            "pdf" => job.PdfPath,
            "xlsx" => job.XlsxPath,
            _ => null,
        };
        if (job.Status != PackJobStatus.Done || relative is null)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(runner.OutputFolder, relative));
        if (!full.StartsWith(runner.OutputFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }

        return new PackDownload(full, format == "pdf" ? PdfType : XlsxType, Path.GetFileName(full));
    }
}
