using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Domain.Access;
using Outcomes.Web.Accounts;
using Outcomes.Web.Uploads;

namespace Outcomes.Web.Pages.Returns;

/// <summary>
/// Upload a return: choose a file and it is validated without storing anything; every problem is listed with its place
/// and rule, with the annotated error workbook to download; a clean file shows its summary and "Confirm import", which
/// posts only the file's SHA-256 (the bytes wait in the store, for any server sharing it, see <see cref="PendingUploads"/>).
/// </summary>
public sealed class UploadModel(ReturnUploads uploads, AccessPolicies policies) : PageModel
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public bool MaySubmit { get; private set; }

    public string MaxSize => uploads.MaxSize;

    /// <summary>A problem with the form itself (no file chosen, too large, not allowed, expired), shown against the file input.</summary>
    public string? FormError { get; private set; }

    public UploadCheck? Check { get; private set; }

    public UploadImport? Imported { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await AllowedAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostValidateAsync(IFormFile? file, string? framework, CancellationToken ct)
    {
        if (await AllowedAsync(ct) is { } refused)
        {
            return refused;
        }

        if (file is null || file.Length == 0)
        {
            return Refuse("Select a return file to upload.");
        }

        if (file.Length > uploads.MaxBytes)
        {
            return Refuse($"The selected file must be smaller than {uploads.MaxSize}.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        Check = await uploads.ValidateAsync(SignedInUser.Get(HttpContext)!, file.FileName, buffer.ToArray(), framework, ct);
        if (Check.Refused)
        {
            var refusal = Check.Refusal!;
            Check = null;
            return Refuse(refusal);
        }

        if (Check.HasErrors)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? sha256, CancellationToken ct)
    {
        if (await AllowedAsync(ct) is { } refused)
        {
            return refused;
        }

        var imported = string.IsNullOrWhiteSpace(sha256) ? null : await uploads.ImportAsync(SignedInUser.Get(HttpContext)!, sha256, ct);
        if (imported is null)
        {
            return Refuse($"That upload is no longer held: it has been imported already (check your returns), or it waited more than {uploads.PendingMinutes} minutes. Upload the file again if it was not stored.");
        }

        if (imported.Check.Refused)
        {
            return Refuse(imported.Check.Refusal!);
        }

        if (!imported.Stored && !imported.Check.HasErrors)
        {
            // Refused by the store without a cell at fault: the same file again, or a locked quarter.
            return Refuse(imported.Message);
        }

        Imported = imported;
        Check = imported.Check;
        if (!imported.Stored)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    /// <summary>The annotated copy of the user's own held upload.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(string? id, CancellationToken ct)
    {
        if (await AllowedAsync(ct) is { } refused)
        {
            return refused;
        }

        return id is not null && await uploads.ErrorWorkbookAsync(SignedInUser.Get(HttpContext)!, id, ct) is { } bytes
            ? File(bytes, XlsxType, "return-with-errors.xlsx")
            : NotFound();
    }

    private PageResult Refuse(string message)
    {
        FormError = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> AllowedAsync(CancellationToken ct)
    {
        var policy = await policies.CurrentAsync(ct);
        MaySubmit = policy.ScopeUnits(SignedInUser.Roles(HttpContext), Permission.SubmitReturn).Count > 0;
        if (MaySubmit)
        {
            return null;
        }

        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
