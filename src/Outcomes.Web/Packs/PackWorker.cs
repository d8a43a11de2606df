using Microsoft.Extensions.Options;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Packs;

/// <summary>
/// Makes queued packs in the background, at most Outcomes:Packs:MaxConcurrentJobs at once. At start it settles what the
/// last run left: a job still marked running was cut off part-way (its files may be half-written, and re-running a pack
/// that brought the server down could bring it down again), so it is failed with a message saying to ask again; a job
/// still queued never started, so it is queued again, oldest first.
/// </summary>
public sealed class PackWorker(
    PackQueue queue, PackJobRunner runner, PackJobRepository jobs, IOptions<PackOptions> options, TimeProvider clock, ILogger<PackWorker> logger)
    : BackgroundService
{
    public const string CutOffMessage = "The service was restarted while this pack was being made, so it was not finished. Generate it again.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slots = options.Value.MaxConcurrentJobs;
        var workers = Enumerable.Range(1, slots).Select(slot => Task.Run(() => ConsumeAsync(slot, stoppingToken), CancellationToken.None)).ToList();
        try
        {
            await SettleLastRunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before the leftovers were queued: they stay queued in the store for the next start.
        }

        logger.LogInformation("Pack queue started: {Slots} at once, up to {Capacity} waiting", slots, queue.Capacity);
        await Task.WhenAll(workers);
    }

    private async Task SettleLastRunAsync(CancellationToken stoppingToken)
    {
        foreach (var cut in await jobs.ListAsync(PackJobStatus.Running, stoppingToken))
        {
            await jobs.FailAsync(cut.Id, clock.GetUtcNow(), CutOffMessage, stoppingToken);
            logger.LogWarning("Pack job {Job} was running when the service stopped; marked failed", cut.Id);
        }

        var waiting = await jobs.ListAsync(PackJobStatus.Queued, stoppingToken);
        foreach (var job in waiting)
        {
            await queue.EnqueueAsync(job.Id, stoppingToken);
        }

        if (waiting.Count > 0)
        {
            logger.LogInformation("Queued again {Count} pack jobs left waiting by the last run", waiting.Count);
        }
    }

    private async Task ConsumeAsync(int slot, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                logger.LogDebug("Slot {Slot} takes pack job {Job}", slot, id);
                await runner.RunAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
