using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;
using Outcomes.Web.Packs;

namespace Outcomes.Web.Pages.Packs;

/// <summary>
/// /packs: a form to ask for a board or scrutiny pack (posted, with antiforgery; on success the browser is sent to the
/// job's own page) and the history of packs the user may see, newest first, with downloads for the finished ones.
/// </summary>
public sealed class IndexModel(PackRequests requests, PackAccess access) : PageModel
{
    public IReadOnlyList<PackChoice> Choices { get; private set; } = [];

    public IReadOnlyList<PackJob> History { get; private set; } = [];

    /// <summary>The done jobs in the history whose files can be downloaded now (not expired, still on disk).</summary>
    public IReadOnlySet<long> Available { get; private set; } = new HashSet<long>();

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public string? QueueFull { get; private set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Framework { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Kind ??= "board";
        var first = Choices.Count > 0 ? Choices[0] : null;
        Framework ??= first?.Framework.Code;
        Period ??= first?.LatestPeriod;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var asked = await requests.AskAsync(SignedInUser.Get(HttpContext)!, new PackAsk(Kind, Framework, Unit, Period), ct);
        if (asked.NotFound)
        {
            return NotFound();
        }

        if (asked is { JobId: { } id, QueueFull: false })
        {
            return RedirectToPage("/Packs/Job", new { id });
        }

        await LoadAsync(ct);
        Problems = asked.Problems;
        QueueFull = asked.QueueFull ? "Too many packs are waiting to be made, so this one was not queued. Try again when some have finished." : null;
        Response.StatusCode = asked.Forbidden ? StatusCodes.Status403Forbidden : asked.QueueFull ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var roles = SignedInUser.Roles(HttpContext);
        Choices = await requests.ChoicesAsync(roles, ct);
        History = await access.HistoryAsync(roles, ct);
        Available = History.Where(access.FilesAvailable).Select(j => j.Id).ToHashSet();
    }
}
