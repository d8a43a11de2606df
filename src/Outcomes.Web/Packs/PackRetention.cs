using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Packs;

/// <summary>What one clean-up did: the jobs expired, the orphan files removed, the stored paths refused, the bytes freed.</summary>
public sealed record PackCleanUp(IReadOnlyList<long> Expired, IReadOnlyList<string> OrphansRemoved, IReadOnlyList<string> Refused, long BytesFreed)
{
    public bool DidAnything => Expired.Count > 0 || OrphansRemoved.Count > 0 || Refused.Count > 0;
}

/// <summary>
/// Keeps the packs folder from filling the disk. A done pack whose job finished more than Outcomes:Packs:KeepDays ago
/// has its files removed and its job marked expired (the row stays; the pack can be made again). Then files in the
/// folder that no kept job refers to, and older than the same number of days, are removed: only in the folders the
/// service makes (one per job, named by the id of a failed, expired or done job of this store), never in a queued or
/// running job's folder, never files directly in the folder, in folders named otherwise or after an id this store has
/// not given (another store's, should two share a folder), nor anything reached through a link. A stored path outside
/// the folder is never deleted. Every removal is logged and written to the audit log (tables pack_jobs and pack_files).
/// </summary>
public sealed class PackRetention(
    PackJobRepository jobs, OutcomesStore store, IOptions<PackOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<PackRetention> logger)
    : IDisposable
{
    public const int MaxKeepDays = 3650;
    public const string AuditedBy = "pack clean-up";
    public const string JobsAuditTable = "pack_jobs";
    public const string FilesAuditTable = "pack_files";

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public string OutputFolder { get; } = Path.TrimEndingDirectorySeparator(options.Value.ResolvedOutputFolder(environment.ContentRootPath));

    public int KeepDays => options.Value.KeepDays;

    /// <summary>One clean-up; waits for one already running (the periodic one, or a test's) to finish first.</summary>
    public async Task<PackCleanUp> RunOnceAsync(CancellationToken ct)
    {
        if (KeepDays == 0)
        {
            return new PackCleanUp([], [], [], 0);
        }

        await _oneAtATime.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            var run = new Run(now, now.AddDays(-KeepDays));
            foreach (var job in (await jobs.ListKeptAsync(ct)).Where(j => j.Status == PackJobStatus.Done && (j.FinishedAt ?? j.RequestedAt) < run.Cutoff))
            {
                await ExpireAsync(job, run, ct);
            }

            await RemoveOrphansAsync(run, ct);
            var done = new PackCleanUp(run.Expired, run.Orphans, run.Refused, run.Bytes);
            logger.Log(
                done.DidAnything ? LogLevel.Information : LogLevel.Debug,
                "Pack clean-up (keeping {KeepDays} days): {Expired} packs expired, {Orphans} orphan files removed, {Bytes} bytes freed, {Refused} paths outside {Folder} left alone",
                KeepDays, done.Expired.Count, done.OrphansRemoved.Count, done.BytesFreed, done.Refused.Count, OutputFolder);
            return done;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private async Task ExpireAsync(PackJob job, Run run, CancellationToken ct)
    {
        var removed = new List<string>();
        long bytes = 0;
        foreach (var stored in new[] { job.PdfPath, job.XlsxPath }.OfType<string>())
        {
            if (PackFiles.Inside(OutputFolder, stored) is not { } full)
            {
                logger.LogWarning("Pack job {Job} names the file {Path}, which is outside the packs folder {Folder}: it was left alone", job.Id, stored, OutputFolder);
                run.Refused.Add(stored);
                continue;
            }

            var file = new FileInfo(full);
            if (!file.Exists)
            {
                continue;
            }

            var size = file.Length;
            if (!TryDelete(file, $"pack job {job.Id}"))
            {
                return; // Not marked expired: the next run tries again.
            }

            removed.Add(stored);
            bytes += size;
            RemoveIfEmpty(file.Directory);
        }

        if (!await jobs.ExpireAsync(job.Id, run.Now, ct))
        {
            return;
        }

        run.Expired.Add(job.Id);
        run.Bytes += bytes;
        logger.LogInformation(
            "Pack job {Job} expired ({Kind} pack for {Unit} {Period}, finished {Finished:u}, kept {KeepDays} days): removed {Files} ({Bytes} bytes)",
            job.Id, PackJobRepository.KindText(job.Kind), job.OrgUnitCode, job.PeriodKey, job.FinishedAt, KeepDays, removed, bytes);
        await new AuditRepository(store).AppendAsync(
            new AuditEntry(
                0, AuditedBy, run.Now, JobsAuditTable, job.Id.ToString(CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(new { pdf = job.PdfPath, xlsx = job.XlsxPath, finishedAt = job.FinishedAt }),
                JsonSerializer.Serialize(new { expiredAt = run.Now, removed, bytes }),
                $"Pack files removed: kept for {KeepDays} days (Outcomes:Packs:KeepDays)"),
            ct);
    }

    private async Task RemoveOrphansAsync(Run run, CancellationToken ct)
    {
        var root = new DirectoryInfo(OutputFolder);
        if (!root.Exists)
        {
            return;
        }

        // Newest id first: a job made after it reads as not this store's (left alone), never as finished.
        var newest = await jobs.NewestIdAsync(ct);
        var kept = await jobs.ListKeptAsync(ct);
        var referenced = kept.SelectMany(j => new[] { j.PdfPath, j.XlsxPath }).Select(p => PackFiles.Inside(OutputFolder, p)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var busy = kept.Where(j => !j.IsFinished).Select(j => j.Id).ToHashSet();
        foreach (var folder in root.EnumerateDirectories())
        {
            if (folder.LinkTarget is not null
                || !long.TryParse(folder.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || folder.Name != id.ToString(CultureInfo.InvariantCulture)
                || id < 1 || id > newest || busy.Contains(id))
            {
                continue;
            }

            var removedHere = false;
            foreach (var file in folder.EnumerateFiles())
            {
                if (file.LinkTarget is not null || referenced.Contains(file.FullName) || file.LastWriteTimeUtc >= run.Cutoff.UtcDateTime)
                {
                    continue;
                }

                var relative = Path.GetRelativePath(OutputFolder, file.FullName);
                var (size, written) = (file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
                if (!TryDelete(file, "an orphan"))
                {
                    continue;
                }

                removedHere = true;
                run.Orphans.Add(relative);
                run.Bytes += size;
                logger.LogInformation(
                    "Removed orphan pack file {Path} ({Bytes} bytes, last written {Written:u}): no kept pack job refers to it and it is older than {KeepDays} days",
                    relative, size, written, KeepDays);
                await new AuditRepository(store).AppendAsync(
                    new AuditEntry(
                        0, AuditedBy, run.Now, FilesAuditTable, relative.Replace(Path.DirectorySeparatorChar, '/'),
                        JsonSerializer.Serialize(new { bytes = size, lastWritten = written }), null,
                        $"Orphan file removed from the packs folder: no pack job refers to it and it is older than {KeepDays} days"),
                    ct);
            }

            if (removedHere || folder.LastWriteTimeUtc < run.Cutoff.UtcDateTime)
            {
                RemoveIfEmpty(folder);
            }
        }
    }

    private bool TryDelete(FileInfo file, string whose)
    {
        try
        {
            file.Delete();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not remove {File} ({Whose}); the clean-up tries again next time", file.FullName, whose);
            return false;
        }
    }

    /// <summary>Removes a job's folder once empty; never the packs folder itself or anything outside it.</summary>
    private void RemoveIfEmpty(DirectoryInfo? folder)
    {
        if (folder is null || !folder.FullName.StartsWith(OutputFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            if (folder.Exists && !folder.EnumerateFileSystemInfos().Any())
            {
                folder.Delete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not remove the empty pack folder {Folder}", folder.FullName);
        }
    }

    private sealed class Run(DateTimeOffset now, DateTimeOffset cutoff)
    {
        public DateTimeOffset Now { get; } = now;

        public DateTimeOffset Cutoff { get; } = cutoff;

        public List<long> Expired { get; } = [];

        public List<string> Orphans { get; } = [];

        public List<string> Refused { get; } = [];

        public long Bytes { get; set; }
    }
}

/// <summary>Runs the pack clean-up at start-up and then every Outcomes:Packs:CleanUpInterval; a failed run is logged and tried again next time.</summary>
public sealed class PackRetentionService(PackRetention retention, IOptions<PackOptions> options, TimeProvider clock, ILogger<PackRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (retention.KeepDays == 0)
        {
            logger.LogInformation("Packs are kept for ever (Outcomes:Packs:KeepDays is 0): no clean-up of {Folder}", retention.OutputFolder);
            return;
        }

        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.CleanUpInterval, clock);
        try
        {
            do
            {
                try
                {
                    await retention.RunOnceAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A failed clean-up (store unreachable, folder unreadable) must not stop the host; it runs again.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    logger.LogError(e, "The pack clean-up failed; it runs again in {Interval}", options.Value.CleanUpInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
