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
/// </summary>
public sealed class JobModel(PackAccess access) : PageModel
{
    public const int RefreshSeconds = 2;

    public PackJob Job { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Refresh { get; set; }

    /// <summary>Whether the page reloads itself: the job is not finished and the user has not turned reloading off.</summary>
    public bool Refreshing => !Job.IsFinished && !string.Equals(Refresh, "off", StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await access.FindAsync(SignedInUser.Roles(HttpContext), id, ct) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        return Page();
    }

    public Task<IActionResult> OnGetPdfAsync(long id, CancellationToken ct) => DownloadAsync(id, "pdf", ct);

    public Task<IActionResult> OnGetXlsxAsync(long id, CancellationToken ct) => DownloadAsync(id, "xlsx", ct);

    private async Task<IActionResult> DownloadAsync(long id, string format, CancellationToken ct)
    {
        if (await access.FindAsync(SignedInUser.Roles(HttpContext), id, ct) is not { } job || access.Download(job, format) is not { } file)
        {
            return NotFound();
        }

        return PhysicalFile(file.FullPath, file.ContentType, file.FileName);
    }
}
