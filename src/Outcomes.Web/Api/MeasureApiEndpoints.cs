using Microsoft.AspNetCore.Http.HttpResults;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Web.Measures;

namespace Outcomes.Web.Api;

/// <summary>
/// GET /api/v1/units/{unit}/{framework}/scorecard?period= and …/measures/{measure}/series: the scorecard and measure
/// pages' figures as JSON, by the same disclosure rules (a withheld figure is null with "suppressed": true) and the same
/// access rules (anything outside the caller's scope or authority is a 404 that reads like nothing being there).
/// </summary>
public static class MeasureApiEndpoints
{
    public sealed record Comparator(string Name, decimal? Value, string Comparison, string Significance);

    public sealed record ScorecardLine(
        string MeasureCode, string Title, string Period, decimal? Value, bool Suppressed, string ValueText, decimal? Numerator, decimal? Denominator,
        decimal? LowerCi, decimal? UpperCi, decimal? Target, string Status, string Letter, string Direction, string DirectionFromLastYear,
        IReadOnlyList<Comparator> Comparators, string? Explanation, string? DataQualityFlag);

    public sealed record Spc(string Variation, string Assurance, bool SpecialCause, decimal Mean, decimal Lower, decimal Upper, int Points, bool Trial, string Reading);

    public sealed record SeriesPoint(
        string Period, decimal? Value, bool Suppressed, string ValueText, decimal? Numerator, decimal? Denominator, decimal? LowerCi, decimal? UpperCi,
        decimal? Target, string Status, string Letter, string Direction, decimal? England, string ComparedWithEngland, Spc? Spc);

    public sealed record Series(string Framework, string OrgUnit, string MeasureCode, string Title, string Unit, string Polarity, IReadOnlyList<SeriesPoint> Points);

    public static void MapMeasureApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/units/{unit}/{framework}/scorecard", ScorecardAsync)
            .WithName("GetUnitScorecard")
            .WithSummary("A unit's scorecard for a quarter")
            .WithDescription("Every scored measure at the org unit for the quarter (?period=, e.g. \"2018-19 Q4\"; default the latest scored): value, status and letter, direction, England comparator and the explanation. A withheld figure is null with \"suppressed\": true.");
        api.MapGet("/units/{unit}/{framework}/measures/{measure}/series", SeriesAsync)
            .WithName("GetMeasureSeries")
            .WithSummary("A measure's series at a unit")
            .WithDescription("Every scored quarter of the measure at the org unit up to ?period= (default the latest): value, numerator and denominator, confidence interval, target, status, England and the SPC reading. A withheld figure is null with \"suppressed\": true.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ScorecardLine>>, NotFound<ApiV1Endpoints.Problem>, BadRequest<ApiV1Endpoints.Problem>>> ScorecardAsync(
        string unit, string framework, string? period, HttpContext context, UnitScorecardQuery query, CancellationToken ct)
    {
        if (!TryPeriod(period, out var asked, out var bad))
        {
            return TypedResults.BadRequest(bad);
        }

        var card = await query.BuildAsync(context, unit, framework, asked, ct);
        return card is null
            ? TypedResults.NotFound(new ApiV1Endpoints.Problem($"No scorecard for org unit '{unit}', framework '{framework}'{PeriodText(asked)}."))
            : TypedResults.Ok<IReadOnlyList<ScorecardLine>>(card.Lines.Select(Line).ToList());
    }

    private static async Task<Results<Ok<Series>, NotFound<ApiV1Endpoints.Problem>, BadRequest<ApiV1Endpoints.Problem>>> SeriesAsync(
        string unit, string framework, string measure, string? period, HttpContext context, MeasureDetailQuery query, CancellationToken ct)
    {
        if (!TryPeriod(period, out var asked, out var bad))
        {
            return TypedResults.BadRequest(bad);
        }

        var detail = await query.BuildAsync(context, unit, framework, measure, asked, ct);
        if (detail is null)
        {
            return TypedResults.NotFound(new ApiV1Endpoints.Problem($"No series for measure '{measure}' at org unit '{unit}', framework '{framework}'{PeriodText(asked)}."));
        }

        var m = detail.Measure;
        return TypedResults.Ok(new Series(
            detail.Scope.Framework.Code, detail.Scope.Unit.Code, m.Code, m.Title, m.Unit.ToString(), m.Polarity.ToString(),
            detail.Series.Select(Point).ToList()));
    }

    private static ScorecardLine Line(ScoreView v) => new(
        v.Measure.Code, v.Measure.Title, v.Score.Period.Key, v.Value, v.Suppressed, v.ValueText, v.Numerator, v.Denominator, v.LowerCi, v.UpperCi,
        v.Score.Target, v.Status.ToString(), v.Letter, v.Direction.ToString(), v.Score.DirectionFromLastYear.ToString(),
        [new Comparator("England", v.Score.Comparator, v.Score.ComparedWithEngland.ToString(), v.Score.EnglandSignificance.ToString())],
        v.Explanation, v.Score.DataQualityFlag);

    private static SeriesPoint Point(ScoreView v) => new(
        v.Score.Period.Key, v.Value, v.Suppressed, v.ValueText, v.Numerator, v.Denominator, v.LowerCi, v.UpperCi, v.Score.Target,
        v.Status.ToString(), v.Letter, v.Direction.ToString(), v.Score.Comparator, v.Score.ComparedWithEngland.ToString(),
        v.Spc is { } s ? new Spc(s.Variation.ToString(), s.Assurance.ToString(), s.IsSpecialCause, s.Mean, s.Lower, s.Upper, s.Points, s.IsTrial, v.SpcText) : null);

    private static bool TryPeriod(string? text, out Period? period, out ApiV1Endpoints.Problem problem)
    {
        period = null;
        problem = new ApiV1Endpoints.Problem(string.Empty);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!PeriodParser.TryParse(text, out var p, out var error))
        {
            problem = new ApiV1Endpoints.Problem($"period: {error}");
            return false;
        }

        period = p;
        return true;
    }

    private static string PeriodText(Period? period) => period is { } p ? $", period {p.Key}" : string.Empty;
}
