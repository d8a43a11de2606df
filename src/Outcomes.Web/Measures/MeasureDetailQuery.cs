using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Charts;
using Outcomes.Scoring.Targets;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Measures;

/// <summary>
/// A measure at a unit, up to a quarter: the series (oldest first, ending with the quarter), the chart the board pack
/// draws for it, the quarter's score, the target in force with its tolerance, and the measure's definition.
/// </summary>
public sealed record MeasureDetailView(
    UnitFramework Scope,
    Measure Measure,
    DefinitionItem Definition,
    Period Period,
    IReadOnlyList<ScoreView> Series,
    ChartSvg? Chart,
    string? ToleranceText,
    string? TargetNote)
{
    public ScoreView Latest => Series[^1];

    /// <summary>The text alternative: the chart's own description, or why there is no chart.</summary>
    public string ChartAlt => Chart?.AltText ?? $"{Measure.Title}: fewer than two figures that can be shown, so there is no chart.";
}

/// <summary>Reads one measure's detail from the stored scores and targets; null when there is nothing the caller may see.</summary>
public sealed class MeasureDetailQuery(UnitFrameworks scopes, ScoreRepository scores, TargetRepository targets)
{
    private static readonly ChartSize Size = ChartSize.Px(720, 340);

    /// <param name="period">The quarter asked for; null for the latest one scored for this measure.</param>
    public async Task<MeasureDetailView?> BuildAsync(
        HttpContext context, string unitCode, string frameworkCode, string measureCode, Period? period, CancellationToken cancellationToken)
    {
        if (await scopes.FindAsync(context, unitCode, frameworkCode, cancellationToken) is not { } scope)
        {
            return null;
        }

        var all = (await scores.ListAsync(scope.Framework.Code, null, scope.Unit.Code, cancellationToken))
            .Where(s => string.Equals(s.MeasureCode, measureCode, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var latest = period ?? (all.Count == 0 ? null : all.MaxBy(s => s.Period.End)!.Period);
        if (latest is not { } selected || !all.Any(s => s.Period == selected)
            || UnitScorecardQuery.Find(scope.Framework, measureCode, selected) is not { } measure)
        {
            return null;
        }

        var series = all.Where(s => s.Period.Type == selected.Type && s.Period <= selected).OrderBy(s => s.Period).ToList();
        var views = ScoreView.Of(measure, series);
        var chart = MeasureTrendChart.Render(measure, series, Size, "chart-" + measure.Code.ToLowerInvariant());
        var (tolerance, note) = await ToleranceAsync(scope, measure, views[^1], cancellationToken);
        return new MeasureDetailView(scope, measure, MeasureDefinition.Of(measure), selected, views, chart, tolerance, note);
    }

    // The target record behind the score's target, when the score's target is that record's effective value for the quarter
    // (a roll-up's target summed from the units below has no single record, and its explanation says how it was judged).
    private async Task<(string? Tolerance, string? Note)> ToleranceAsync(UnitFramework scope, Measure measure, ScoreView latest, CancellationToken cancellationToken)
    {
        if (latest.Score.Target is not { } target)
        {
            return (null, null);
        }

        var resolver = new TargetResolver(scope.Policy.Hierarchy, await targets.ListAsync(scope.Framework.Code, cancellationToken));
        var effective = resolver.ResolveEffective(measure, scope.Unit.Code, latest.Score.Period);
        return effective is not null && effective.Target.Value == target
            ? (ScoreView.ToleranceText(measure, effective.Target), effective.Note)
            : (null, null);
    }
}
