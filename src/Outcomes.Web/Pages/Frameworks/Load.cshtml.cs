using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Outcomes.Application.Frameworks;
using Outcomes.Storage;
using Outcomes.Web.Accounts;
using Outcomes.Web.Configuration;
using Outcomes.Web.Frameworks;

namespace Outcomes.Web.Pages.Frameworks;

/// <summary>
/// Load a new framework version: an administrator over the authority uploads a .zip of the council's framework folder
/// (the YAML files side by side, the new framework.vN.yaml among them), because the loader validates the folder as a
/// whole (every version in sequence, targets against them, org units) and a zip is one file a council can make with
/// "Send to > Compressed folder". Every problem is shown with its file and line; nothing is stored on any problem.
/// Others in the authority get 403; another authority's framework is a 404.
/// </summary>
public sealed class LoadModel(FrameworkCatalogue catalogue, OutcomesStore store, ILoggerFactory logs, IOptions<OutcomesWebOptions> options)
    : FrameworkChangePageModel(catalogue, options)
{
    public FrameworkUpload? Result { get; private set; }

    public async Task<IActionResult> OnPostAsync(string code, IFormFile? file, CancellationToken ct)
    {
        if (await AllowedAsync(code, ct) is { } refused)
        {
            return refused;
        }

        if (file is null || file.Length == 0)
        {
            return Refuse("Select a .zip of the framework folder.");
        }

        if (file.Length > MaxBytes)
        {
            return Refuse($"The selected file must be smaller than {MaxBytes / 1024:N0} KB.");
        }

        if (!file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("The selected file must be a .zip of the framework folder.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        FileName = Path.GetFileName(file.FileName);
        Result = await new FrameworkUploadService(store, logs).LoadAsync(Access.Framework, FileName, buffer.ToArray(), SignedInUser.Get(HttpContext)!.UserName, ct);
        if (Result.Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}
