using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Ingestion.History;
using Outcomes.Reporting.Disclosure;
using Outcomes.Scoring.Exceptions;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Packs;

/// <summary>
/// The figures of a period's returns that the history checks flag (an outlier against the unit's earlier values, or a
/// jump from last quarter), judged again when a pack is made from the stored returns as they stand, by the same
/// <see cref="HistoryChecks"/> that warned the officer at upload; with whether the return explains them.
/// </summary>
public static class OutliersFound
{
    /// <param name="version">The framework version in force, whose disclosure thresholds mark findings that would quote a withheld figure; null to mark none.</param>
    public static async Task<IReadOnlyList<OutlierFlag>> ListAsync(
        OutcomesStore store, string frameworkCode, IReadOnlyCollection<string> returningUnits, Period period, FrameworkVersion? version = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(returningUnits);
        if (returningUnits.Count == 0)
        {
            return [];
        }

        var stored = await new ObservationRepository(store).ListCurrentAsync(frameworkCode, returningUnits, cancellationToken);
        var now = stored.Where(o => o.Period == period).ToList();
        var earlier = stored.Where(o => o.Period < period).ToList();
        return HistoryChecks.Check(now, earlier)
            .Select(f => new OutlierFlag(
                f.Observation.OrgUnitCode, f.MeasureCode, period, f.Detail, !f.NeedsCommentary,
                version?.Find(f.MeasureCode) is { } measure && DisclosureControl.QuotesWithheldObservation(measure, f.Observation, earlier)))
            .ToList();
    }
}
