using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Api;

/// <summary>
/// Read-only JSON under /api/v1: frameworks and stored scorecards. Sign-in, roles and writes arrive with the
/// web-service issue; until then the host binds to loopback only (see Makefile serve).
/// </summary>
public static class ApiV1Endpoints
{
    public sealed record FrameworkSummary(string Code, string Name, string AuthorityCode, string ReturningLevel, IReadOnlyList<VersionSummary> Versions);

    public sealed record VersionSummary(int Version, DateOnly EffectiveFrom, DateOnly? EffectiveTo, int Measures);

    public sealed record Problem(string Message);

    public static void MapApiV1(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/frameworks", async (FrameworkRepository frameworks, CancellationToken ct) =>
            (await frameworks.ListAsync(ct)).Select(f => new FrameworkSummary(
                f.Code, f.Name, f.AuthorityCode, f.ReturningLevel,
                f.Versions.Select(v => new VersionSummary(v.Version, v.EffectiveFrom, v.EffectiveTo, v.Measures.Count)).ToList())));

        api.MapGet("/scorecards/{framework}/{orgUnit}", async (string framework, string orgUnit, string period, ScoreRepository scores, CancellationToken ct) =>
        {
            if (!PeriodParser.TryParse(period, out var p, out var error))
            {
                return Results.BadRequest(new Problem($"period: {error}"));
            }

            var rows = await scores.ListAsync(framework, p, orgUnit, ct);
            return rows.Count == 0
                ? Results.NotFound(new Problem($"No scores for framework '{framework}', org unit '{orgUnit}', period {p.Key}. Run `outcomes score` first."))
                : Results.Ok(rows.Select(s => new
                {
                    s.MeasureCode, Period = s.Period.Key, s.Actual, s.Target, Status = s.Status.ToString(), s.StatusLetter,
                    Direction = s.DirectionFromPrevious.ToString(), s.Comparator, England = s.ComparedWithEngland.ToString(), s.Explanation,
                }));
        });
    }
}
