using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Web.Accounts;
using Outcomes.Web.Uploads;

namespace Outcomes.Web.Pages.Returns;

/// <summary>
/// Download a return template: framework, one of the user's units, quarter, blank or pre-filled. A plain GET form (it
/// changes nothing), so it works without JavaScript and the download link can be bookmarked.
/// </summary>
public sealed class TemplateModel(ReturnTemplates templates) : PageModel
{
    public IReadOnlyList<TemplateChoice> Choices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Choices = await templates.ChoicesAsync(SignedInUser.Roles(HttpContext), ct);
        if (Choices.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        Choices = await templates.ChoicesAsync(SignedInUser.Roles(HttpContext), ct);
        var made = await templates.MakeAsync(SignedInUser.Roles(HttpContext), Framework, Unit, Period, Kind == "prefilled", ct);
        if (made.Bytes is not null)
        {
            return File(made.Bytes, UploadModel.XlsxType, made.FileName);
        }

        Problems = made.Problems;
        Response.StatusCode = Choices.Count == 0 ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Page();
    }
}
