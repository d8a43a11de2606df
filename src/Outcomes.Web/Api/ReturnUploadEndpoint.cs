using Microsoft.AspNetCore.Antiforgery;
using Outcomes.Ingestion.Issues;
using Outcomes.Web.Accounts;
using Outcomes.Web.Uploads;

namespace Outcomes.Web.Api;

/// <summary>
/// POST /api/v1/returns?mode=validate|import[&amp;framework=CODE for a .csv], multipart with the file in "file": the same checks and permissions as the
/// upload page. validate stores nothing; import validates and, when there are no errors, stores. Problems come back as
/// data with their places. A token caller needs no antiforgery token; a cookie caller does (a form on another site
/// must not be able to upload as the signed-in user).
/// </summary>
public static class ReturnUploadEndpoint
{
    public sealed record ProblemPlace(string Severity, string Place, string? Sheet, string? Cell, int? Row, string? Measure, string Rule, string Message);

    public sealed record UploadAnswer(
        string Mode, string File, string Sha256, bool Stored, int? Version, string? Framework, string? OrgUnit, string? Period, int Measures,
        int Errors, int Warnings, IReadOnlyList<ProblemPlace> Problems, string Message, string? Scoring = null);

    public static void MapReturnUpload(this RouteGroupBuilder api)
    {
        api.MapPost("/returns", async (HttpContext context, string? mode, string? framework, ReturnUploads uploads, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            if (mode is not ("validate" or "import"))
            {
                return Results.BadRequest(new ApiV1Endpoints.Problem("mode must be 'validate' or 'import'."));
            }

            if (!BearerTokenHandler.HasBearerToken(context.Request) && !await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest(new ApiV1Endpoints.Problem("A signed-in browser must send the antiforgery token; scripts should use an API token."));
            }

            if (!context.Request.HasFormContentType || (await context.Request.ReadFormAsync(ct)).Files.GetFile("file") is not { Length: > 0 } file)
            {
                return Results.BadRequest(new ApiV1Endpoints.Problem("Send the return as multipart/form-data, in a part named 'file'."));
            }

            if (file.Length > uploads.MaxBytes)
            {
                return Results.Json(new ApiV1Endpoints.Problem($"The file must be smaller than {uploads.MaxSize}. Nothing was stored."), statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var user = SignedInUser.Get(context)!;
            var check = await uploads.ValidateAsync(user, file.FileName, buffer.ToArray(), framework, ct);
            if (check.Refused)
            {
                return Results.Json(new ApiV1Endpoints.Problem(check.Refusal!), statusCode: StatusCodes.Status403Forbidden);
            }

            if (mode == "validate" || !check.CanImport)
            {
                var message = check.CanImport ? "No errors: nothing was stored (mode=import stores it)." : "The return has errors: nothing was stored.";
                return Results.Json(Answer(mode, check, null, message), statusCode: check.CanImport ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
            }

            var imported = await uploads.ImportAsync(user, check.Sha256, ct);
            return imported is { Stored: true }
                ? Results.Json(Answer(mode, imported.Check, imported.VersionNumber, imported.Message) with { Scoring = imported.ScoringQueued ? "queued" : "not queued" }, statusCode: StatusCodes.Status201Created)
                : Results.Json(Answer(mode, imported?.Check ?? check, null, imported?.Message ?? "Nothing was stored by this request: another import of the same file took it first, or it expired."), statusCode: StatusCodes.Status422UnprocessableEntity);
        }).DisableAntiforgery()
            .WithName("UploadReturn").WithSummary("Validate or import a quarterly return")
            .WithDescription("multipart/form-data with the .xlsx or .csv in a part named 'file'; mode=validate stores nothing, mode=import stores a return with no errors. Problems come back with their places (sheet, cell, row, measure, rule). "
                + "After a stored import (201) the framework is scored again in the background, not in the request: \"scoring\" is \"queued\" (scores and pages show the new return within seconds) "
                + "or \"not queued\" if the request could not be recorded (run `outcomes score`); it is absent when nothing was stored.")
            .Produces<UploadAnswer>(StatusCodes.Status200OK).Produces<UploadAnswer>(StatusCodes.Status201Created).Produces<UploadAnswer>(StatusCodes.Status422UnprocessableEntity);
    }

    private static UploadAnswer Answer(string mode, UploadCheck check, int? version, string message) => new(
        mode, check.FileName, check.Sha256, version is not null, version, check.Identity?.FrameworkCode, check.Identity?.OrgUnitCode, check.Identity?.PeriodKey,
        check.Measures, check.Errors.Count(), check.Warnings.Count(), check.Issues.Select(Place).ToList(), message);

    private static ProblemPlace Place(ImportIssue i) =>
        new(i.IsError ? "error" : "warning", i.Place, i.Sheet, i.Cell, i.Row, i.MeasureCode, i.RuleCode, i.Message);
}
