using Microsoft.AspNetCore.Antiforgery;
using Outcomes.Domain.Observations;
using Outcomes.Storage.Returns;
using Outcomes.Web.Accounts;
using Outcomes.Web.Approvals;

namespace Outcomes.Web.Api;

/// <summary>
/// Returns and their approval under /api/v1, with the pages' permissions: list, one return (versions, the differences
/// between two of them, history findings), and POST approve|lock|reopen with {"reason": "…"}. A refusal is
/// application/problem+json carrying the rule code; anything unknown, of another authority or outside the caller's
/// scopes is the same 404. A cookie caller must send the antiforgery token; a token caller need not.
/// </summary>
public static class ReturnWorkflowEndpoints
{
    public sealed record ReturnItem(string Framework, string OrgUnit, string OrgUnitName, string Period, string Status, int LatestVersion, string SubmittedBy, DateTimeOffset SubmittedAt, string Url);

    public sealed record ReturnListAnswer(int Total, int Page, int PageSize, IReadOnlyList<ReturnItem> Items);

    public sealed record VersionItem(int Version, string File, string Sha256, string SubmittedBy, DateTimeOffset SubmittedAt);

    public sealed record ValueItem(decimal? Value, decimal? Numerator, decimal? Denominator, string? Suppression, string? Commentary, string? DataQualityFlag);

    public sealed record DifferenceItem(string OrgUnit, string Measure, string Title, string Kind, IReadOnlyList<string> ChangedFields, ValueItem? Old, ValueItem? New);

    public sealed record ComparisonItem(int? From, int? To, IReadOnlyList<DifferenceItem> Differences, string? Problem);

    public sealed record FindingItem(string Measure, string Check, string Detail, bool Explained, string? Commentary);

    public sealed record ReturnAnswer(
        string Framework, string OrgUnit, string OrgUnitName, string Period, string Status, DateOnly Deadline,
        IReadOnlyList<VersionItem> Versions, ComparisonItem Comparison, IReadOnlyList<FindingItem> Findings, IReadOnlyList<string> Actions);

    public sealed record ActionRequest(string? Reason);

    public sealed record ActionAnswer(string Framework, string OrgUnit, string Period, string Status, string Message);

    public static void MapReturnWorkflow(this RouteGroupBuilder api)
    {
        api.MapGet("/returns", async (HttpContext context, string? framework, string? period, string? unit, string? status, int? page, ReturnsList returns, CancellationToken ct) =>
        {
            var list = await returns.ListAsync(SignedInUser.Roles(context), new ReturnFilters(framework, period, unit, status), ct);
            if (list.Problems.Count > 0)
            {
                return Results.Problem(title: "The filters cannot be used.", detail: string.Join("; ", list.Problems.Select(p => p.Message)), statusCode: StatusCodes.Status400BadRequest);
            }

            if (list.OutOfScope)
            {
                return NotFound($"No returns for framework '{framework}', org unit '{unit}'.");
            }

            var number = Math.Clamp(page ?? 1, 1, list.PageCount);
            return Results.Ok(new ReturnListAnswer(list.Rows.Count, number, ReturnList.PageSize, list.Page(number).Select(r => new ReturnItem(
                r.Summary.FrameworkCode, r.Summary.OrgUnitCode, r.UnitName, r.Summary.Period.Key, StatusTags.Code(r.Summary.Status), r.Summary.Versions,
                r.Summary.SubmittedBy, r.Summary.SubmittedAt, "/api/v1" + r.Url)).ToList()));
        })
            .WithName("ListReturns")
            .WithSummary("Returns you can see")
            .WithDescription("Returns of the org units in your scope, newest quarter first, 50 a page (?page=): filter by ?framework=, ?period= (e.g. \"2018-19 Q4\"), ?unit= and ?status= (Submitted, Approved, Locked, Reopened). Each has its status, latest version and who submitted it when.");

        api.MapGet("/returns/{framework}/{unit}/{period}", async (
            HttpContext context, string framework, string unit, string period, string? from, string? to, ReturnScope scope, ReturnDetail detail, CancellationToken ct) =>
        {
            if (await scope.FindAsync(SignedInUser.Roles(context), framework, unit, period, ct) is not { } target)
            {
                return NoReturn(framework, unit, period);
            }

            var view = await detail.BuildAsync(target, from, to, ct);
            var actions = new[] { (ReturnAction.Approve, view.MayApprove), (ReturnAction.Lock, view.MayLock), (ReturnAction.Reopen, view.MayReopen) }
                .Where(a => a.Item2).Select(a => ReturnActions.Verb(a.Item1)).ToList();
            return Results.Ok(new ReturnAnswer(
                target.Framework.Code, target.Unit.Code, target.Unit.Name, target.Period.Key, StatusTags.Code(view.Status), view.Deadline,
                view.Versions.Select(v => new VersionItem(v.VersionNumber, v.SourceFileName, v.Sha256, v.SubmittedBy, v.SubmittedAt)).ToList(),
                new ComparisonItem(
                    view.ComparedFrom?.VersionNumber,
                    view.ComparedTo?.VersionNumber,
                    view.Differences.Select(d => new DifferenceItem(d.OrgUnitCode, d.MeasureCode, d.Title, d.Kind.ToString().ToLowerInvariant(), d.ChangedFields, Value(d.Old), Value(d.New))).ToList(),
                    view.ComparisonProblem?.Message),
                view.Findings.Select(f => new FindingItem(f.MeasureCode, f.Kind.ToLowerInvariant(), f.Detail, f.Explained, f.Commentary)).ToList(),
                actions));
        })
            .WithName("GetReturn")
            .WithSummary("One return: versions, differences and history checks")
            .WithDescription("The return's status and deadline, every version (file, who, when), the measure-by-measure differences between the latest two versions or ?from= and ?to=, and the history findings (outliers and jumps, explained by commentary or not). Out of scope: 404.");

        api.MapPost("/returns/{framework}/{unit}/{period}/{action}", async (
            HttpContext context, string framework, string unit, string period, string action, ActionRequest? body,
            ReturnScope scope, ReturnActions actions, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            if (!BearerTokenHandler.HasBearerToken(context.Request) && !await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(title: "A signed-in browser must send the antiforgery token; scripts should use an API token.", statusCode: StatusCodes.Status400BadRequest);
            }

            if (!ReturnActions.TryRead(action, out var asked)
                || await scope.FindAsync(SignedInUser.Roles(context), framework, unit, period, ct) is not { } target)
            {
                return NoReturn(framework, unit, period);
            }

            var result = await actions.RunAsync(target, SignedInUser.Get(context)!.UserName, asked, body?.Reason, ct);
            if (!result.Done)
            {
                return Results.Problem(
                    title: $"The return was not {ReturnActions.Past(asked)}.",
                    detail: result.Message,
                    statusCode: ReturnActions.HttpStatus(result),
                    extensions: new Dictionary<string, object?> { ["rule"] = result.RuleCode, ["measures"] = result.MeasuresNeedingCommentary });
            }

            var now = await scope.FindAsync(SignedInUser.Roles(context), framework, unit, period, ct);
            return Results.Ok(new ActionAnswer(target.Framework.Code, target.Unit.Code, target.Period.Key, StatusTags.Code(now?.Stored.Status ?? target.Stored.Status), result.Message));
        })
            .WithName("ChangeReturnStatus")
            .WithSummary("Approve, lock or reopen a return")
            .WithDescription("{action} is approve, lock or reopen, with a JSON body {\"reason\": \"...\"} (required to reopen). 200 with the new status; a refusal is application/problem+json with the rule code: 403 not your role, 400 a missing reason, 409 the return's status or missing commentary. Out of scope: 404.").DisableAntiforgery();
    }

    private static IResult NoReturn(string framework, string unit, string period) =>
        NotFound($"No return for framework '{framework}', org unit '{unit}', period '{period}'.");

    private static IResult NotFound(string message) => Results.Problem(title: "Not found.", detail: message, statusCode: StatusCodes.Status404NotFound);

    private static ValueItem? Value(Observation? o) =>
        o is null ? null : new ValueItem(o.Value, o.Numerator, o.Denominator, o.SuppressionReason, o.Commentary, o.DataQualityFlag);
}
