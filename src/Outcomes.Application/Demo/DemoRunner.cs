using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Outcomes.Application.Frameworks;
using Outcomes.Application.Imports;
using Outcomes.Application.OpenData;
using Outcomes.Application.Packs;
using Outcomes.Application.Scoring;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Ingestion.OpenData;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.ScrutinyPack;
using Outcomes.Reporting.Templates;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Demo;

public sealed record DemoOptions(string SamplesFolder, string OutputFolder, string StorePath, string? TemplatesFolder = null, bool Packs = true);

public sealed record DemoCouncil(
    string Folder, string FrameworkCode, string Name, int ReturnsImported, int ReturnsRefused, int Scores,
    IReadOnlyDictionary<RagStatus, int> AuthorityStatuses, Period? LatestPeriod, RenderedPack? Pack, RenderedScrutinyPack? ScrutinyPack = null);

public sealed record DemoResult(
    IReadOnlyList<DemoCouncil> Councils, IReadOnlyList<ReturnImportResult> ProblemFiles, int Comparators,
    IReadOnlyDictionary<string, TimeSpan> Timings);

/// <summary>
/// The end-to-end path on the embedded default: a fresh SQLite store, every sample framework and return,
/// DfE comparators, scoring, and per sample authority for its latest quarter one advisory-board pack (PDF and Excel) and
/// one scrutiny trend pack (PDF and Excel).
/// The files in samples/returns-with-problems are validated (not imported) to show what officers see.
/// </summary>
public sealed class DemoRunner(ILoggerFactory logs)
{
    public async Task<DemoResult> RunAsync(DemoOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timings = new Dictionary<string, TimeSpan>();
        var clock = Stopwatch.StartNew();
        void Lap(string step)
        {
            timings[step] = clock.Elapsed;
            progress?.Report($"{step}: {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
        }

        Directory.CreateDirectory(options.OutputFolder);
        foreach (var file in new[] { options.StorePath, options.StorePath + "-wal", options.StorePath + "-shm" })
        {
            File.Delete(file);
        }

        var store = OutcomesStore.Sqlite(options.StorePath, logs);
        await store.MigrateAsync(ct);
        Lap("migrate");

        var loaded = await new FrameworkLoadingService(store, logs.CreateLogger<FrameworkLoadingService>())
            .LoadAllAsync(Path.Combine(options.SamplesFolder, "frameworks"), ct);
        var refused = loaded.Where(l => !l.Succeeded).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException("Sample frameworks did not load: " + string.Join(" ", refused.SelectMany(r => r.Problems)));
        }

        Lap("frameworks");

        var comparators = new ComparatorLoadingService(store, logs.CreateLogger<ComparatorLoadingService>());
        var openData = Path.Combine(options.SamplesFolder, "open-data");
        var gld = await comparators.LoadAsync(Path.Combine(openData, "dfe-eyfsp-gld-by-la-2013-2019.csv"), DfeIndicatorMappings.Gld, ct);
        var cla = await comparators.LoadAsync(Path.Combine(openData, "dfe-cla-number-and-rate-per-10k-2021-2025.csv"), DfeIndicatorMappings.ChildrenLookedAfter, ct);
        Lap("comparators");

        var importer = new ReturnImportService(store, logs.CreateLogger<ReturnImportService>());
        var imported = new Dictionary<string, (int Ok, int Refused)>(StringComparer.OrdinalIgnoreCase);
        foreach (var council in loaded)
        {
            var folder = Path.Combine(options.SamplesFolder, "returns", Path.GetFileName(council.Folder));
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.xlsx").Order(StringComparer.Ordinal).ToList() : [];
            int ok = 0, bad = 0;
            foreach (var file in files)
            {
                var result = await importer.ImportAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file, ct), "demo@outcomes.example", SampleSubmissionTime, false, ct);
                if (result.Stored)
                {
                    ok++;
                }
                else
                {
                    bad++;
                    logs.CreateLogger<DemoRunner>().LogWarning("Sample return {File} was not stored: {Issues}", file, string.Join("; ", result.Issues.Where(i => i.IsError)));
                }
            }

            imported[council.FrameworkCode!] = (ok, bad);
        }

        var problemFiles = new List<ReturnImportResult>();
        var problemsFolder = Path.Combine(options.SamplesFolder, "returns-with-problems");
        var problemPaths = Directory.Exists(problemsFolder) ? Directory.GetFiles(problemsFolder) : [];
        foreach (var file in problemPaths.Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            problemFiles.Add(await importer.ImportAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file, ct), "demo@outcomes.example", SampleSubmissionTime, dryRun: true, ct));
        }

        Lap("returns");

        var scoring = new ScoringService(store, logs.CreateLogger<ScoringService>());
        var scored = new Dictionary<string, ScoringSummary>(StringComparer.OrdinalIgnoreCase);
        foreach (var council in loaded)
        {
            scored[council.FrameworkCode!] = await scoring.ScoreAsync(council.FrameworkCode!, null, ct);
        }

        Lap("scoring");

        var councils = new List<DemoCouncil>();
        await using var printer = options.Packs ? new PdfPrinter(new PdfPrinterOptions(), logs.CreateLogger<PdfPrinter>()) : null;
        var renderer = new TemplateRenderer(options.TemplatesFolder);
        foreach (var council in loaded)
        {
            var code = council.FrameworkCode!;
            var framework = (await new FrameworkRepository(store).GetAsync(code, ct))!;
            var latest = scored[code].Periods.Count > 0 ? scored[code].Periods[^1] : (Period?)null;
            var authorityScores = latest is { } p ? await new ScoreRepository(store).ListAsync(code, p, framework.AuthorityCode, ct) : [];
            RenderedPack? pack = null;
            RenderedScrutinyPack? scrutinyPack = null;
            if (printer is not null && latest is { } period)
            {
                var councilFolder = Path.GetFileName(council.Folder);
                var settingsFile = Path.Combine(options.SamplesFolder, "pack-settings", councilFolder + ".yaml");
                var settings = File.Exists(settingsFile) ? PackSettings.Load(settingsFile) : PackSettings.Default;
                pack = await new BoardPackService(store, renderer, printer, logs.CreateLogger<BoardPackService>())
                    .RenderAsync(code, framework.AuthorityCode, period, settings, Path.Combine(options.OutputFolder, councilFolder), ct);
                var scrutiny = File.Exists(settingsFile) ? ScrutinySettings.Load(settingsFile) : ScrutinySettings.Default;
                scrutinyPack = await new ScrutinyPackService(store, renderer, printer, logs.CreateLogger<ScrutinyPackService>())
                    .RenderAsync(code, period, settings, scrutiny, Path.Combine(options.OutputFolder, councilFolder), ct);
            }

            councils.Add(new DemoCouncil(
                Path.GetFileName(council.Folder), code, framework.Name, imported[code].Ok, imported[code].Refused, scored[code].Scores,
                authorityScores.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count()), latest, pack, scrutinyPack));
        }

        Lap("packs");
        return new DemoResult(councils, problemFiles, gld.Stored + cla.Stored, timings);
    }

    /// <summary>Sample returns count as submitted 20 days after their quarter ends (the usual deadline), in UTC.</summary>
    public static DateTimeOffset SampleSubmissionTime(Period period) =>
        new(period.End.AddDays(20).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}
