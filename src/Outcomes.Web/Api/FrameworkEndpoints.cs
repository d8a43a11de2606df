using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Outcomes.Application.Frameworks;
using Outcomes.Domain.Access;
using Outcomes.Ingestion.Issues;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;
using Outcomes.Web.Configuration;
using Outcomes.Web.Frameworks;

namespace Outcomes.Web.Api;

/// <summary>
/// GET /api/v1/frameworks/{code}: versions, the current version's measures and the targets the caller may see.
/// POST /api/v1/frameworks/{code}/targets?mode=validate|import: a targets file as the body (text/csv or the .xlsx type) or
/// as multipart "file"; every problem comes back with sheet, cell and rule, and import stores only a file without any,
/// then re-scores. Writes need ManageFrameworks over the authority (403 otherwise); another authority's framework is 404.
/// </summary>
public static class FrameworkEndpoints
{
    public sealed record VersionDetail(int Version, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Scheme, int Measures, DateTimeOffset? StoredAt, string? LoadedBy);

    public sealed record MeasureDetail(string Code, string Title, string Unit, string Polarity, string CiMethod, string Definition);

    public sealed record TargetDetail(
        string OrgUnit, string Measure, DateOnly? From, DateOnly? To, decimal Value, decimal? Stretch, decimal Tolerance, string ToleranceKind, string Source,
        string Phasing, string? Profile);

    public sealed record FrameworkDetail(
        string Code, string Name, string AuthorityCode, string ReturningLevel, int? CurrentVersion, IReadOnlyList<VersionDetail> Versions,
        IReadOnlyList<MeasureDetail> Measures, IReadOnlyList<TargetDetail> Targets);

    public sealed record TargetProblem(string Place, string? Sheet, string? Cell, int? Row, string? Measure, string Rule, string Message);

    public sealed record TargetUploadAnswer(
        string Mode, string File, bool Stored, int RowsRead, int TargetsBefore, int TargetsAfter, int Errors, IReadOnlyList<TargetProblem> Problems, int? Rescored, string Message);

    public static void MapFrameworkEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/frameworks/{code}", async (string code, HttpContext context, FrameworkCatalogue catalogue, OutcomesStore store, CancellationToken ct) =>
        {
            var roles = SignedInUser.Roles(context);
            if (await catalogue.FindAsync(roles, code, ct) is not { } access)
            {
                return NotFound(code);
            }

            var f = access.Framework;
            var current = access.Listing.Current;
            var targets = (await new TargetRepository(store).ListAsync(f.Code, ct))
                .Where(t => t.OrgUnitCode is null || access.Policy.May(roles, Permission.View, t.OrgUnitCode))
                .Select(t => new TargetDetail(
                    t.OrgUnitCode ?? "default", t.MeasureCode, t.From, t.To, t.Value, t.Stretch, t.Tolerance, t.ToleranceKind.ToString(), t.Source.ToString(),
                    t.Phasing.ToString(), t.Profile?.ToString()))
                .ToList();
            return Results.Ok(new FrameworkDetail(
                f.Code, f.Name, f.AuthorityCode, f.ReturningLevel, current?.Version,
                f.Versions.Select(v =>
                {
                    var load = access.Listing.Loads.FirstOrDefault(l => l.Version == v.Version);
                    return new VersionDetail(v.Version, v.EffectiveFrom, v.EffectiveTo, v.Scheme.ToString(), v.Measures.Count, load?.StoredAt, load?.By);
                }).ToList(),
                (current?.Measures ?? []).Select(m => new MeasureDetail(m.Code, m.Title, m.Unit.ToString(), m.Polarity.ToString(), m.CiMethod.ToString(), m.Definition)).ToList(),
                targets));
        })
            .WithName("GetFramework")
            .WithSummary("One framework: versions, measures and targets")
            .WithDescription("The framework's stored versions, the measures of the version in force (unit, polarity, RAG rule and tolerance, definition) and the targets you may see. Another authority's framework: 404.");

        api.MapPost("/frameworks/{code}/targets", async (
            string code, string? mode, HttpContext context, FrameworkCatalogue catalogue, OutcomesStore store, ILoggerFactory logs,
            IOptions<OutcomesWebOptions> options, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            if (await catalogue.FindAsync(SignedInUser.Roles(context), code, ct) is not { } access)
            {
                return NotFound(code);
            }

            if (!access.MayManage)
            {
                return Results.Json(new ApiV1Endpoints.Problem($"Changing {access.Framework.Code}'s targets needs the administrator role over the whole authority. Nothing was stored."), statusCode: StatusCodes.Status403Forbidden);
            }

            if (mode is not ("validate" or "import"))
            {
                return Results.BadRequest(new ApiV1Endpoints.Problem("mode must be 'validate' or 'import'."));
            }

            if (!BearerTokenHandler.HasBearerToken(context.Request) && !await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest(new ApiV1Endpoints.Problem("A signed-in browser must send the antiforgery token; scripts should use an API token."));
            }

            var (fileName, bytes) = await ReadBodyAsync(context.Request, ct);
            if (bytes is null)
            {
                return Results.BadRequest(new ApiV1Endpoints.Problem(
                    "Send the targets file as the body (Content-Type text/csv, or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet for .xlsx), or as multipart/form-data in a part named 'file'."));
            }

            if (bytes.Length > options.Value.Uploads.MaxBytes)
            {
                return Results.Json(new ApiV1Endpoints.Problem($"The file must be smaller than {options.Value.Uploads.MaxBytes} bytes. Nothing was stored."), statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            var result = await new TargetSheetImportService(store, logs).ImportAsync(access.Framework, fileName, bytes, SignedInUser.Get(context)!.UserName, dryRun: mode == "validate", ct);
            var errors = result.Read.Issues.Count(i => i.IsError);
            var message = result.HasErrors ? "The file has errors: nothing was stored."
                : result.Stored ? $"Stored {result.TargetsAfter} targets (replacing {result.TargetsBefore}) and scored {access.Framework.Code} again."
                : "No errors: nothing was stored (mode=import stores it).";
            var answer = new TargetUploadAnswer(
                mode, fileName, result.Stored, result.Read.RowsRead, result.TargetsBefore, result.TargetsAfter, errors,
                result.Read.Issues.Select(Place).ToList(), result.Rescored?.Scores, message);
            return Results.Json(answer, statusCode: result.HasErrors ? StatusCodes.Status422UnprocessableEntity : result.Stored ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        })
            .WithName("UploadTargets")
            .WithSummary("Check or load a framework's targets from a spreadsheet")
            .WithDescription("Body: the targets workbook (.xlsx) or CSV (Content-Type text/csv), or multipart 'file'. ?mode=validate checks only (200); ?mode=import replaces the framework's targets and re-scores it (201). Problems: 422 with sheet, cell, row, rule and message for each; nothing is stored. Needs ManageFrameworks over the authority (403).").DisableAntiforgery();
    }

    /// <summary>The same answer as for a framework that does not exist, whether it is missing or another authority's.</summary>
    private static IResult NotFound(string code) => Results.NotFound(new ApiV1Endpoints.Problem($"No framework '{code}'."));

    private static TargetProblem Place(ImportIssue i) => new(i.Place, i.Sheet, i.Cell, i.Row, i.MeasureCode, i.RuleCode, i.Message);

    private static async Task<(string FileName, byte[]? Bytes)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
            if (file is not { Length: > 0 })
            {
                return (string.Empty, null);
            }

            using var part = new MemoryStream();
            await file.CopyToAsync(part, ct);
            return (Path.GetFileName(file.FileName), part.ToArray());
        }

        var type = request.ContentType ?? string.Empty;
        var name = type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) ? "targets.csv"
            : type.StartsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", StringComparison.OrdinalIgnoreCase) ? "targets.xlsx"
            : null;
        if (name is null)
        {
            return (string.Empty, null);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        return body.Length == 0 ? (name, null) : (name, body.ToArray());
    }
}
