using System.Diagnostics;
using Microsoft.Extensions.Options;
using Outcomes.Application.Scoring;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Scoring;

/// <summary>
/// Scores frameworks again in the background after imports, one framework at a time. It looks at the store at start-up
/// (requests left by the last run, or recorded by the CLI or another server), whenever this server records a request,
/// and every Outcomes:Scoring:PollSeconds. Each request is claimed, its framework scored over every period
/// (<see cref="ScoringService"/>), and then removed only if no import asked again meanwhile, in which case it runs
/// again. A failure is logged and retried after a back-off; nothing here stops the host.
/// </summary>
public sealed class ScoringWorker(
    ScoringRequestRepository requests, ScoringSignal signal, OutcomesStore store, IOptions<ScoringOptions> options, TimeProvider clock,
    ILoggerFactory loggers, ILogger<ScoringWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Background scoring is off on this server ({Section}:Enabled); requests wait for another server or `outcomes score`", ScoringOptions.SectionName);
            return;
        }

        logger.LogInformation("Background scoring started: polling every {PollSeconds} s, claims held {LeaseMinutes} min", settings.PollSeconds, settings.LeaseMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(settings, stoppingToken);
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The host is stopping; a claimed request is taken again after its lease.
            }
            catch (Exception e)
            {
                // The store could not be read (locked, unreachable): try again at the next poll.
                logger.LogError(e, "Background scoring could not read its requests; trying again in {PollSeconds} s", settings.PollSeconds);
                await WaitQuietlyAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Runs every request free to run now, one at a time.</summary>
    private async Task DrainAsync(ScoringOptions settings, CancellationToken stoppingToken)
    {
        // A read first: most looks find nothing, and claiming is a write.
        if ((await requests.ListPendingAsync(stoppingToken)).Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested
            && await requests.ClaimAsync(clock.GetUtcNow(), settings.Lease, stoppingToken) is { } request)
        {
            await RunAsync(request, settings, stoppingToken);
        }
    }

    private async Task RunAsync(RescoringRequest request, ScoringOptions settings, CancellationToken stoppingToken)
    {
        var timer = Stopwatch.StartNew();
        try
        {
            var summary = await new ScoringService(store, loggers.CreateLogger<ScoringService>()).ScoreAsync(request.FrameworkCode, ct: stoppingToken);
            var done = await requests.CompleteAsync(request, CancellationToken.None);
            logger.LogInformation(
                "Scored {Framework} in the background: {Scores} scores over {Periods} periods in {ElapsedMs} ms{Again}",
                request.FrameworkCode, summary.Scores, summary.Periods.Count, timer.ElapsedMilliseconds, done ? "" : "; asked again meanwhile, so scoring again");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var failures = request.Attempts + 1;
            var wait = settings.BackOff(failures);
            logger.LogError(
                e, "Background scoring of {Framework} failed (attempt {Attempt}); kept, and tried again in {RetrySeconds} s",
                request.FrameworkCode, failures, (int)wait.TotalSeconds);
            await requests.FailAsync(request, clock.GetUtcNow() + wait, e.Message, CancellationToken.None);
        }
    }

    private static async Task WaitQuietlyAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
