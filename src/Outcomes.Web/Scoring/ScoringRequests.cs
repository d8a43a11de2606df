using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Scoring;

/// <summary>
/// Asks for a framework to be scored again after an import stored something: the request goes in the store (so it
/// survives a restart and any server may do it) and this server's scorer is woken.
/// </summary>
public sealed class ScoringRequests(ScoringRequestRepository requests, ScoringSignal signal, TimeProvider clock, ILogger<ScoringRequests> logger)
{
    public async Task QueueAsync(string frameworkCode, string requestedBy, CancellationToken cancellationToken)
    {
        await requests.RecordAsync(frameworkCode, requestedBy, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation("Scoring of {Framework} queued after an import by {User}", frameworkCode, requestedBy);
        signal.Raise();
    }

    /// <summary>
    /// Of <paramref name="visibleFrameworks"/> (the frameworks the user can see), those waiting to be scored again, in
    /// their order; one query. Never more than were passed in, so another authority's code is never shown.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingAmongAsync(IEnumerable<string> visibleFrameworks, CancellationToken cancellationToken)
    {
        var visible = visibleFrameworks.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (visible.Count == 0)
        {
            return [];
        }

        var pending = (await requests.ListPendingAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return visible.Where(pending.Contains).ToList();
    }
}
