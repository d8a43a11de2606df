using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Outcomes.Application.Frameworks;
using Outcomes.Ingestion.Targets;
using Outcomes.Storage;
using Outcomes.Web.Accounts;
using Outcomes.Web.Configuration;
using Outcomes.Web.Frameworks;

namespace Outcomes.Web.Pages.Frameworks;

/// <summary>
/// Upload targets from a spreadsheet (.xlsx from the template, or .csv with its headers): every row is checked and every
/// problem listed with sheet, cell and rule; with none, "Check only" stores nothing and "Upload targets" replaces the
/// framework's targets and re-scores it at once. Administrators over the authority only (others 403, other authorities 404).
/// </summary>
public sealed class TargetsModel(FrameworkCatalogue catalogue, OutcomesStore store, ILoggerFactory logs, IOptions<OutcomesWebOptions> options)
    : FrameworkChangePageModel(catalogue, options)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public TargetSheetImport? Result { get; private set; }

    public bool CheckedOnly { get; private set; }

    /// <summary>The targets template, pre-filled with the framework's current targets.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string code, CancellationToken ct)
    {
        if (await AllowedAsync(code, ct) is { } refused)
        {
            return refused;
        }

        var bytes = await new TargetSheetImportService(store, logs).TemplateAsync(Access.Framework, ct);
        return File(bytes, XlsxType, $"targets-{Access.Framework.Code}.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(string code, IFormFile? file, string? mode, CancellationToken ct)
    {
        if (await AllowedAsync(code, ct) is { } refused)
        {
            return refused;
        }

        if (file is null || file.Length == 0)
        {
            return Refuse("Select a targets file (.xlsx or .csv).");
        }

        if (file.Length > MaxBytes)
        {
            return Refuse($"The selected file must be smaller than {MaxBytes / 1024:N0} KB.");
        }

        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && !file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("The selected file must be an .xlsx targets template or a .csv.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        FileName = Path.GetFileName(file.FileName);
        CheckedOnly = mode == "validate";
        Result = await new TargetSheetImportService(store, logs).ImportAsync(
            Access.Framework, FileName, buffer.ToArray(), SignedInUser.Get(HttpContext)!.UserName, dryRun: CheckedOnly, ct);
        if (Result.HasErrors)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}
