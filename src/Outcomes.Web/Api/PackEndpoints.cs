using Microsoft.AspNetCore.Antiforgery;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;
using Outcomes.Web.Packs;

namespace Outcomes.Web.Api;

/// <summary>
/// POST /api/v1/packs with JSON {kind, framework, unit, period} queues a pack (202 Accepted, Location: the job);
/// GET /api/v1/packs/{id} says where it is; GET /api/v1/packs/{id}/pdf and /xlsx download it once done. A job, framework
/// or unit outside the caller's scope answers 404, exactly as one that does not exist. A cookie caller must send the
/// antiforgery token (header RequestVerificationToken); a token caller need not.
/// </summary>
public static class PackEndpoints
{
    public sealed record PackRequestBody(string? Kind, string? Framework, string? Unit, string? Period);

    public sealed record FieldProblem(string Field, string Message);

    public sealed record Problems(string Message, IReadOnlyList<FieldProblem> Fields);

    public sealed record PackJobAnswer(
        long Id, string Kind, string Framework, string OrgUnit, string Period, string Status, string Stage, int Percent,
        string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error,
        int? Pages, long? PdfBytes, long? XlsxBytes, string? Pdf, string? Xlsx, DateTimeOffset? ExpiredAt);

    public static void MapPackApi(this WebApplication app)
    {
        var packs = app.MapGroup("/api/v1/packs").RequireAuthorization();
        packs.MapPost("", async (HttpContext context, PackRequestBody? body, PackRequests requests, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            if (!BearerTokenHandler.HasBearerToken(context.Request) && !await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest(new ApiV1Endpoints.Problem("A signed-in browser must send the antiforgery token; scripts should use an API token."));
            }

            if (body is null)
            {
                return Results.BadRequest(new ApiV1Endpoints.Problem("Send JSON: {\"kind\": \"board\" or \"scrutiny\", \"framework\": …, \"unit\": …, \"period\": \"2018-19 Q4\"}."));
            }

            var asked = await requests.AskAsync(SignedInUser.Get(context)!, new PackAsk(body.Kind, body.Framework, body.Unit, body.Period), ct);
            var fields = asked.Problems.Select(p => new FieldProblem(p.Key, p.Value)).ToList();
            if (asked.NotFound)
            {
                return Results.NotFound(new ApiV1Endpoints.Problem($"No framework '{body.Framework}' with org unit '{body.Unit}'."));
            }

            if (asked.Forbidden)
            {
                return Results.Json(new Problems("None of your roles lets you generate packs for this unit.", fields), statusCode: StatusCodes.Status403Forbidden);
            }

            if (asked.QueueFull)
            {
                return Results.Json(new ApiV1Endpoints.Problem("Too many packs are waiting; try again when some have finished."), statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            if (asked.JobId is not { } id)
            {
                return Results.BadRequest(new Problems("The request has problems: nothing was queued.", fields));
            }

            var job = await context.RequestServices.GetRequiredService<PackJobRepository>().GetAsync(id, ct);
            return Results.Accepted($"/api/v1/packs/{id}", Answer(job!));
        })
            .WithName("RequestPack")
            .WithSummary("Ask for a board or scrutiny pack")
            .WithDescription("JSON {kind: board|scrutiny, framework, unit, period}. 202 Accepted with Location: /api/v1/packs/{id}; the pack is made in the background (PDF and Excel). 400 with the problems for a bad request, 503 when the queue is full. Needs GeneratePack over the unit (the authority for a scrutiny pack).").DisableAntiforgery();

        packs.MapGet("/{id:long}", async (long id, HttpContext context, PackAccess access, CancellationToken ct) =>
            await access.FindAsync(SignedInUser.Roles(context), id, ct) is { } job
                ? Results.Ok(Answer(job))
                : NotFound(id))
            .WithName("GetPack")
            .WithSummary("A pack job's status and progress")
            .WithDescription("Status (queued, running, done, failed, or expired: made, then its files removed after Outcomes:Packs:KeepDays; no download links), the stage and percentage, when it was asked for, started and finished, pages, and the failure message if any. Out of scope: 404.");

        packs.MapGet("/{id:long}/{format:regex(^(pdf|xlsx)$)}", async (long id, string format, HttpContext context, PackAccess access, CancellationToken ct) =>
        {
            if (await access.FindAsync(SignedInUser.Roles(context), id, ct) is not { } job)
            {
                return NotFound(id);
            }

            var lookup = access.Download(job, format);
            return lookup switch
            {
                { State: PackFileState.Ready, File: { } file } => Results.File(file.FullPath, file.ContentType, file.FileName),
                { State: PackFileState.NotDone } => Results.Json(new ApiV1Endpoints.Problem(lookup.Message), statusCode: StatusCodes.Status409Conflict),
                _ => Results.Json(new ApiV1Endpoints.Problem(lookup.Message), statusCode: StatusCodes.Status410Gone),
            };
        })
            .WithName("DownloadPack")
            .WithSummary("Download a finished pack as PDF or Excel")
            .WithDescription("{format} is pdf or xlsx. 409 until the pack is done; 410 Gone once its files were removed (expired after Outcomes:Packs:KeepDays, or missing from the server), with a message saying to generate it again. Out of scope: 404.");
    }

    private static IResult NotFound(long id) => Results.NotFound(new ApiV1Endpoints.Problem($"No pack job {id}."));

    private static PackJobAnswer Answer(PackJob job)
    {
        var done = job.Status == PackJobStatus.Done;
        var downloadable = done && !job.IsExpired;
        return new PackJobAnswer(
            job.Id, PackJobRepository.KindText(job.Kind), job.FrameworkCode, job.OrgUnitCode, job.PeriodKey, job.IsExpired ? "expired" : PackJobRepository.StatusText(job.Status),
            job.Stage, job.Percent, job.RequestedBy, job.RequestedAt, job.StartedAt, job.FinishedAt, job.ErrorMessage,
            done ? job.PageCount : null, job.PdfBytes, job.XlsxBytes, downloadable ? $"/api/v1/packs/{job.Id}/pdf" : null, downloadable ? $"/api/v1/packs/{job.Id}/xlsx" : null,
            job.ExpiredAt);
    }
}
