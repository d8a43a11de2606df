using Outcomes.Domain.Access;
using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;
using Outcomes.Web.Measures;

namespace Outcomes.Web.Api;

/// <summary>
/// JSON under /api/v1, for a signed-in user (cookie) or a personal API token (`Authorization: Bearer oct_…`), with the
/// same permissions either way. Anything outside the caller's scopes is answered exactly as if it did not exist (404),
/// so another authority's frameworks and units cannot even be confirmed.
/// </summary>
public static class ApiV1Endpoints
{
    public sealed record FrameworkSummary(string Code, string Name, string AuthorityCode, string ReturningLevel, IReadOnlyList<VersionSummary> Versions);

    public sealed record VersionSummary(int Version, DateOnly EffectiveFrom, DateOnly? EffectiveTo, int Measures);

    public sealed record Problem(string Message);

    public static void MapApiV1(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapReturnUpload();
        api.MapMeasureApi();
        api.MapReturnWorkflow();
        api.MapFrameworkEndpoints();
        api.MapGet("/frameworks", async (HttpContext context, AccessPolicies policies, CancellationToken ct) =>
        {
            return (await policies.WithFrameworksAsync(SignedInUser.Roles(context), ct)).Frameworks
                .Select(f => new FrameworkSummary(
                    f.Code, f.Name, f.AuthorityCode, f.ReturningLevel,
                    f.Versions.Select(v => new VersionSummary(v.Version, v.EffectiveFrom, v.EffectiveTo, v.Measures.Count)).ToList()));
        }).WithName("ListFrameworks").WithSummary("Frameworks you can see")
            .WithDescription("The frameworks of the authorities your roles reach, with their versions and measure counts.");

        api.MapGet("/scorecards/{framework}/{orgUnit}", async (
            string framework, string orgUnit, string period, HttpContext context, FrameworkRepository frameworks, ScoreRepository scores, AccessPolicies policies, CancellationToken ct) =>
        {
            if (!PeriodParser.TryParse(period, out var p, out var error))
            {
                return Results.BadRequest(new Problem($"period: {error}"));
            }

            var notFound = Results.NotFound(new Problem($"No scores for framework '{framework}', org unit '{orgUnit}', period {p.Key}."));
            var policy = await policies.CurrentAsync(ct);
            if (await frameworks.GetAsync(framework, ct) is not { } found
                || !policy.Hierarchy.TryGet(orgUnit, out var unit)
                || !string.Equals(found.AuthorityCode, unit.AuthorityCode, StringComparison.OrdinalIgnoreCase)
                || !policy.May(SignedInUser.Roles(context), Permission.View, unit.Code))
            {
                return notFound;
            }

            // Each score is judged with the unit's earlier ones, so an explanation quoting a withheld previous figure is withheld too.
            var all = await scores.ListAsync(found.Code, null, unit.Code, ct);
            var rows = all
                .Where(s => s.Period == p)
                .Select(s => UnitScorecardQuery.Find(found, s.MeasureCode, p) is { } measure
                    ? ScoreView.Of(measure, all.Where(e => string.Equals(e.MeasureCode, s.MeasureCode, StringComparison.OrdinalIgnoreCase)
                        && e.Period.Type == p.Type && e.Period <= p).ToList())[^1]
                    : null)
                .OfType<ScoreView>()
                .ToList();
            return rows.Count == 0
                ? notFound
                : Results.Ok(rows.Select(v => new
                {
                    v.Score.MeasureCode, Period = v.Score.Period.Key, Actual = v.Value, v.Suppressed, v.ValueText, v.Score.Target, Status = v.Status.ToString(),
                    v.Score.StatusLetter, Direction = v.Direction.ToString(), v.Score.Comparator, England = v.Score.ComparedWithEngland.ToString(), v.Explanation,
                }));
        }).WithName("GetScorecardByFramework").WithSummary("Stored scores for a framework at an org unit")
            .WithDescription("The stored scores for the quarter (?period= required), by the same disclosure rules as GetUnitScorecard: a withheld figure (suppressed, or below the measure's disclosure threshold) has a null actual with \"suppressed\": true and its value text (\"c\" or the suppression code), and an explanation that would quote a withheld figure is null.");
    }
}
