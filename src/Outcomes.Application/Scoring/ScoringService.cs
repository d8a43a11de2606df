using Microsoft.Extensions.Logging;
using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Scoring.Engine;
using Outcomes.Scoring.Statistics;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Scoring;

public sealed record ScoringSummary(string FrameworkCode, IReadOnlyList<Period> Periods, int Scores, IReadOnlyDictionary<RagStatus, int> ByStatus);

/// <summary>
/// Loads what scoring needs from the store, runs the pure engine for each period under the framework version in
/// force then, and stores the scores for packs. Roll-ups follow today's structure: the latest period's end.
/// </summary>
public sealed class ScoringService(OutcomesStore store, ILogger<ScoringService> logger)
{
    public const string England = "E92000001";

    public async Task<ScoringSummary> ScoreAsync(string frameworkCode, Period? only = null, CancellationToken ct = default)
    {
        var framework = await new FrameworkRepository(store).GetAsync(frameworkCode, ct)
            ?? throw new InvalidOperationException($"Framework '{frameworkCode}' is not in the store; load it with `outcomes frameworks load`.");
        var hierarchy = await new OrgUnitRepository(store).LoadHierarchyAsync(framework.AuthorityCode, ct);
        var observations = await new ObservationRepository(store).ListCurrentAsync(frameworkCode, null, ct);
        var targets = await new TargetRepository(store).ListAsync(frameworkCode, ct);
        var comparators = await LoadEnglandAsync(framework, ct);

        // Every period is scored even when one is asked for: SPC and trends read each series' history.
        var periods = observations.Select(o => o.Period).Where(p => p.Type == PeriodType.FinancialQuarter).Distinct().Order().ToList();

        var asOf = periods.Count > 0 ? periods[^1].End : DateOnly.MinValue;
        var scores = new List<Score>();
        foreach (var byVersion in periods.GroupBy(p => framework.VersionOn(p.Start)))
        {
            if (byVersion.Key is not { } version)
            {
                logger.LogWarning("No version of {Framework} was in force for {Periods}; not scored", frameworkCode, string.Join(", ", byVersion));
                continue;
            }

            var engine = new ScoringEngine(
                new ScoringRequest { Version = version, Hierarchy = hierarchy, Observations = observations, Targets = targets, Comparators = comparators },
                asOf);
            scores.AddRange(engine.ScoreAll(byVersion));
        }

        var enriched = ScoreStatistics.Enrich(framework, hierarchy, asOf, scores);
        if (only is { } single)
        {
            enriched = enriched.Where(s => s.Period == single).ToList();
            periods = periods.Where(p => p == single).ToList();
        }

        scores = [.. enriched];
        await new ScoreRepository(store).ReplaceAsync(frameworkCode, scores, ct);
        var byStatus = scores.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Scored {Framework}: {Count} scores over {Periods} periods", frameworkCode, scores.Count, periods.Count);
        return new ScoringSummary(frameworkCode, periods, scores.Count, byStatus);
    }

    private async Task<IReadOnlyList<ComparatorValue>> LoadEnglandAsync(Framework framework, CancellationToken ct)
    {
        var repository = new ComparatorRepository(store);
        var values = new List<ComparatorValue>();
        foreach (var indicator in framework.Versions.SelectMany(v => v.Measures).SelectMany(m => m.Comparators).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            values.AddRange(await repository.ListAsync(indicator, England, ct));
        }

        return values;
    }
}
