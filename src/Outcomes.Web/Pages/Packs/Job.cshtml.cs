using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;
using Outcomes.Web.Packs;

namespace Outcomes.Web.Pages.Packs;

/// <summary>
/// /packs/{id}: one pack job. While it is queued or running the page reloads itself every 2 seconds with a meta refresh
/// (no JavaScript; the CSP governs scripts and styles, not a meta refresh), and offers a link to stop that (WCAG 2.2.1);
/// once done it shows the downloads, /packs/{id}/pdf and /packs/{id}/xlsx. A job outside the user's scope is a 404.
/// An expired pack (files removed after Outcomes:Packs:KeepDays) or one whose file has gone from the disk shows no
/// download links, and asking for its file answers 410 Gone with this page saying why and what to do.
/// </summary>
public sealed class JobModel(PackAccess access) : PageModel
{
    public const int RefreshSeconds = 2;

    public PackJob Job { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Refresh { get; set; }

    /// <summary>Why a file asked for cannot be sent (expired or missing), shown at the top of the page; null otherwise.</summary>
    public string? Gone { get; private set; }

    /// <summary>Both files can be downloaded now: done, not expired, still on disk.</summary>
    public bool FilesAvailable { get; private set; }

    public int KeepDays => access.KeepDays;

    /// <summary>Whether the page reloads itself: the job is not finished and the user has not turned reloading off.</summary>
    public bool Refreshing => !Job.IsFinished && !string.Equals(Refresh, "off", StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await access.FindAsync(SignedInUser.Roles(HttpContext), id, ct) is not { } job)
        {
            return NotFound();
        }

        Show(job);
        return Page();
    }

    public Task<IActionResult> OnGetPdfAsync(long id, CancellationToken ct) => DownloadAsync(id, "pdf", ct);

    public Task<IActionResult> OnGetXlsxAsync(long id, CancellationToken ct) => DownloadAsync(id, "xlsx", ct);

    private async Task<IActionResult> DownloadAsync(long id, string format, CancellationToken ct)
    {
        if (await access.FindAsync(SignedInUser.Roles(HttpContext), id, ct) is not { } job)
        {
            return NotFound();
        }

        var lookup = access.Download(job, format);
        switch (lookup)
        {
            case { State: PackFileState.Ready, File: { } file }:
                return PhysicalFile(file.FullPath, file.ContentType, file.FileName);
            case { State: PackFileState.NotDone }:
                return NotFound();
            default:
                Show(job);
                Gone = lookup.Message;
                Response.StatusCode = StatusCodes.Status410Gone;
                return Page();
        }
    }

    private void Show(PackJob job)
    {
        Job = job;
        FilesAvailable = access.FilesAvailable(job);
    }
}
