using Microsoft.Extensions.Options;
using Outcomes.Application.Packs;
using Outcomes.Domain.Periods;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Packs;

/// <summary>
/// Makes one queued pack: marks it running, renders it through the same services as `outcomes pack` and
/// `outcomes scrutiny-pack` (sharing the host's one Chromium), writes its progress into the store as it goes, and
/// records the files or a failure people can act on. The exception itself goes only to the log.
/// </summary>
public sealed class PackJobRunner(
    PackJobRepository jobs, OutcomesStore store, BoardPackService boardPacks, ScrutinyPackService scrutinyPacks, PackSettingsCatalog settings,
    IOptions<PackOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<PackJobRunner> logger)
{
    public const string StoppedMessage = "The service was stopped while this pack was being made, so it was not finished. Generate it again.";

    public string OutputFolder { get; } = options.Value.ResolvedOutputFolder(environment.ContentRootPath);

    public async Task RunAsync(long id, CancellationToken stoppingToken)
    {
        if (!await jobs.StartAsync(id, clock.GetUtcNow(), stoppingToken) || await jobs.GetAsync(id, stoppingToken) is not { } job)
        {
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PackJob"] = id });
        var folder = Path.Combine(OutputFolder, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var progress = new StoredProgress(jobs, id, logger);
        try
        {
            var files = await RenderAsync(job, folder, progress, stoppingToken);
            await progress.FlushAsync();
            await jobs.FinishAsync(id, clock.GetUtcNow(), files, CancellationToken.None);
            logger.LogInformation("Pack job {Job} done: {Kind} pack for {Unit} {Period}, {Pages} pages", id, job.Kind, job.OrgUnitCode, job.PeriodKey, files.PageCount);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await progress.FlushAsync();
            await jobs.FailAsync(id, clock.GetUtcNow(), StoppedMessage, CancellationToken.None);
            RemoveQuietly(folder);
            logger.LogWarning("Pack job {Job} stopped with the service", id);
        }
#pragma warning disable CA1031 // Any failure of one pack is recorded against it; the queue carries on with the next.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await progress.FlushAsync();
            logger.LogError(e, "Pack job {Job} failed ({Kind} pack for {Unit} {Period})", id, job.Kind, job.OrgUnitCode, job.PeriodKey);
            await jobs.FailAsync(id, clock.GetUtcNow(), PackFailures.Message(e, id), CancellationToken.None);
            RemoveQuietly(folder);
        }
    }

    private async Task<PackJobFiles> RenderAsync(PackJob job, string folder, IProgress<PackProgress> progress, CancellationToken ct)
    {
        if (!PeriodParser.TryParse(job.PeriodKey, out var period, out var error))
        {
            throw new PackRequestException($"The quarter '{job.PeriodKey}' is not one the service understands ({error}).");
        }

        var hierarchy = await new OrgUnitRepository(store).LoadHierarchyAsync(job.AuthorityCode, ct);
        var authority = hierarchy.TryGet(job.AuthorityCode, out var found)
            ? found
            : throw new PackRequestException($"The authority {job.AuthorityCode} is no longer in the store.");
        var chosen = settings.For(authority.Code, authority.Name);
        string pdf, xlsx;
        int? pages;
        if (job.Kind == PackKind.Board)
        {
            var pack = await boardPacks.RenderAsync(job.FrameworkCode, job.OrgUnitCode, period, chosen.Pack, folder, progress, ct);
            (pdf, xlsx, pages) = (pack.PdfPath, pack.ExcelPath, pack.Timings?.Print.Pages);
        }
        else
        {
            var pack = await scrutinyPacks.RenderAsync(job.FrameworkCode, period, chosen.Pack, chosen.Scrutiny, folder, progress, ct);
            (pdf, xlsx, pages) = (pack.PdfPath, pack.ExcelPath, pack.Timings?.Print.Pages);
        }

        return new PackJobFiles(
            Path.GetRelativePath(OutputFolder, pdf), new FileInfo(pdf).Length, Path.GetRelativePath(OutputFolder, xlsx), new FileInfo(xlsx).Length, pages ?? 0);
    }

    private void RemoveQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not remove the unfinished pack folder {Folder}", folder);
        }
    }

    /// <summary>Writes each stage into the store in the order reported, without holding up the render.</summary>
    private sealed class StoredProgress(PackJobRepository jobs, long id, ILogger logger) : IProgress<PackProgress>
    {
        private readonly Lock _lock = new();
        private Task _last = Task.CompletedTask;

        public void Report(PackProgress value)
        {
            lock (_lock)
            {
                _last = _last.ContinueWith(
                    async _ =>
                    {
                        try
                        {
                            await jobs.ReportAsync(id, value.Stage, value.Percent);
                        }
#pragma warning disable CA1031 // Progress is a courtesy: a failed write must not fail the pack.
                        catch (Exception e)
#pragma warning restore CA1031
                        {
                            logger.LogWarning(e, "Could not record progress '{Stage}' of pack job {Job}", value.Stage, id);
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.None,
                    TaskScheduler.Default).Unwrap();
            }
        }

        public Task FlushAsync()
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }
}
