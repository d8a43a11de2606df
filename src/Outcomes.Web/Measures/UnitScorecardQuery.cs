using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Measures;

/// <summary>A unit's scorecard for one quarter: every scored measure, in the framework's order.</summary>
public sealed record UnitScorecard(UnitFramework Scope, Period Period, IReadOnlyList<Period> Periods, IReadOnlyList<ScoreView> Lines);

/// <summary>Reads a unit's scorecard from the stored scores; null when there is nothing the caller may see.</summary>
public sealed class UnitScorecardQuery(UnitFrameworks scopes, ScoreRepository scores)
{
    /// <param name="period">The quarter asked for; null for the latest one scored.</param>
    public async Task<UnitScorecard?> BuildAsync(HttpContext context, string unitCode, string frameworkCode, Period? period, CancellationToken cancellationToken)
    {
        if (await scopes.FindAsync(context, unitCode, frameworkCode, cancellationToken) is not { } scope)
        {
            return null;
        }

        var all = await scores.ListAsync(scope.Framework.Code, null, scope.Unit.Code, cancellationToken);
        if (all.Count == 0)
        {
            return null;
        }

        var periods = all.Select(s => s.Period).Distinct().OrderByDescending(p => p.End).ThenBy(p => p.Type).ToList();
        var selected = period ?? periods[0];
        if (!periods.Contains(selected))
        {
            return null;
        }

        var measures = MeasuresOn(scope.Framework, selected);
        var lines = all
            .Where(s => s.Period == selected)
            .Select(s => (Score: s, Order: measures.FindIndex(m => string.Equals(m.Code, s.MeasureCode, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(x => x.Order < 0 ? int.MaxValue : x.Order)
            .ThenBy(x => x.Score.MeasureCode, StringComparer.Ordinal)
            .Select(x =>
            {
                if (Find(scope.Framework, x.Score.MeasureCode, selected) is not { } measure)
                {
                    return null;
                }

                var series = all.Where(s => string.Equals(s.MeasureCode, x.Score.MeasureCode, StringComparison.OrdinalIgnoreCase)
                    && s.Period.Type == selected.Type && s.Period <= selected).ToList();
                return ScoreView.Of(measure, series)[^1];
            })
            .OfType<ScoreView>()
            .ToList();
        return new UnitScorecard(scope, selected, periods, lines);
    }

    /// <summary>The measures of the version in force at the period's start (the latest version when none is).</summary>
    public static List<Measure> MeasuresOn(Framework framework, Period period)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return [.. (framework.VersionOn(period.Start) ?? framework.Versions.MaxBy(v => v.Version))?.Measures ?? []];
    }

    /// <summary>The measure as the version in force at the period defines it, else as the latest version that has it.</summary>
    public static Measure? Find(Framework framework, string measureCode, Period period)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return framework.VersionOn(period.Start)?.Find(measureCode)
            ?? framework.Versions.OrderByDescending(v => v.Version).Select(v => v.Find(measureCode)).FirstOrDefault(m => m is not null);
    }
}
