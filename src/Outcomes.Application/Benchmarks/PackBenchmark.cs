using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Outcomes.Application.Demo;
using Outcomes.Application.Packs;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.ScrutinyPack;
using Outcomes.Reporting.Templates;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Benchmarks;

/// <summary>One pack rendered by the benchmark: what it was, its pages and where its time went.</summary>
public sealed record PackBenchFigures(string Name, PackTimings Timings)
{
    public int Pages => Timings.Print.Pages;

    public double PagesPerSecond => Pages / Timings.Pdf.TotalSeconds;
}

/// <summary>The benchmark's packs, the store they came from, and the wall-clock time of the timed run.</summary>
public sealed record PackBenchResult(IReadOnlyList<PackBenchFigures> Packs, TimeSpan Wall, TimeSpan StoreBuild, bool StoreReused, TimeSpan WarmUp)
{
    public int Pages => Packs.Sum(p => p.Pages);

    public TimeSpan Pdf => Packs.Aggregate(TimeSpan.Zero, (t, p) => t + p.Timings.Pdf);
}

/// <summary>
/// Issue 5's pack benchmark. A store is built from the samples as the demo builds it (the demo's own code path,
/// without its packs), then with a warm browser (one untimed pack launches Chromium and JIT-compiles the path):
/// one authority's quarter, i.e. its scrutiny pack and a board pack per unit directly under it (Bradford: 7 clusters),
/// through the same services the demo and the CLI use; and large board packs made from the authority with the most
/// measures (Essex) by repeating its measure pages until the pack reaches about 20 and 50 pages, printed through the
/// same renderer and printer. Each pack reports store reads, model → HTML (view model with its SVG charts, and the
/// Liquid template), Chromium (HTML → the first PDF) and the contents-page pass (read back, fill in, print again).
/// </summary>
public sealed class PackBenchmark(ILoggerFactory logs)
{
    public const string Bradford = "BRD-CC";
    public const string Essex = "ESX-CFWS";

    public async Task<PackBenchResult> RunAsync(
        string samplesFolder, string workFolder, bool rebuild, IReadOnlyList<int> largePages, int repeats = 1, CancellationToken ct = default)
    {
        Directory.CreateDirectory(workFolder);
        var storePath = Path.Combine(workFolder, "packs.db");
        var clock = Stopwatch.StartNew();
        var reused = !rebuild && File.Exists(storePath);
        if (!reused)
        {
            await new DemoRunner(logs).RunAsync(new DemoOptions(samplesFolder, workFolder, storePath, Packs: false), null, ct);
        }

        var storeBuild = clock.Elapsed;
        var store = OutcomesStore.Sqlite(storePath, logs);
        if (reused)
        {
            // A store kept from an earlier build may predate the newest migrations.
            await store.MigrateAsync(ct);
        }

        var period = Period.FinancialQuarter(2018, 4);
        var settings = PackSettings.Load(Path.Combine(samplesFolder, "pack-settings", "bradford.yaml"));
        var scrutinySettings = ScrutinySettings.Load(Path.Combine(samplesFolder, "pack-settings", "bradford.yaml"));
        var essexSettings = PackSettings.Load(Path.Combine(samplesFolder, "pack-settings", "essex.yaml"));
        var output = Path.Combine(workFolder, "packs");

        await using var printer = new PdfPrinter(new PdfPrinterOptions(), logs.CreateLogger<PdfPrinter>());
        var renderer = new TemplateRenderer();
        var boardPacks = new BoardPackService(store, renderer, printer, logs.CreateLogger<BoardPackService>());
        var scrutinyPacks = new ScrutinyPackService(store, renderer, printer, logs.CreateLogger<ScrutinyPackService>());

        var framework = await new FrameworkRepository(store).GetAsync(Bradford, ct)
            ?? throw new InvalidOperationException($"The store has no {Bradford}; rebuild it (--rebuild).");
        var hierarchy = await new OrgUnitRepository(store).LoadHierarchyAsync(framework.AuthorityCode, ct);
        var clusters = hierarchy.ChildrenOn(framework.AuthorityCode, period.End);

        clock.Restart();
        await boardPacks.RenderAsync(Bradford, framework.AuthorityCode, period, settings, Path.Combine(output, "warm-up"), ct);
        var warmUp = clock.Elapsed;

        var figures = new List<PackBenchFigures>();
        clock.Restart();
        for (var round = 0; round < repeats; round++)
        {
            var scrutiny = await scrutinyPacks.RenderAsync(Bradford, period, settings, scrutinySettings, output, ct);
            figures.Add(new PackBenchFigures($"Bradford scrutiny pack", scrutiny.Timings!));
            foreach (var cluster in clusters)
            {
                var pack = await boardPacks.RenderAsync(Bradford, cluster.Code, period, settings, output, ct);
                figures.Add(new PackBenchFigures($"Bradford board pack {cluster.Code}", pack.Timings!));
            }

            var essex = await new FrameworkRepository(store).GetAsync(Essex, ct)
                ?? throw new InvalidOperationException($"The store has no {Essex}; rebuild it (--rebuild).");
            var (model, _, data, built) = await boardPacks.BuildModelAsync(Essex, essex.AuthorityCode, period, essexSettings, ct);
            foreach (var pages in largePages)
            {
                figures.Add(await LargeBoardPackAsync(renderer, printer, model, pages, data, built, ct));
            }
        }

        return new PackBenchResult(figures, clock.Elapsed, storeBuild, reused, warmUp);
    }

    /// <summary>
    /// Essex's authority board pack with its measure pages repeated (in order, numbered on) so the printed pack has
    /// about <paramref name="pages"/> pages: a board pack of that size has the same parts as a real one.
    /// </summary>
    private static async Task<PackBenchFigures> LargeBoardPackAsync(
        TemplateRenderer renderer, PdfPrinter printer, BoardPackModel essex, int pages, TimeSpan data, TimeSpan built, CancellationToken ct)
    {
        // Front sheet, contents, the summary and scorecard pages, definitions and implications: about 7 pages besides the measures.
        var measurePages = Math.Max(1, pages - 7);
        var details = Enumerable.Range(0, measurePages).Select(i => essex.Details[i % essex.Details.Count]).ToList();
        var model = essex with { Details = details };
        var clock = Stopwatch.StartNew();
        var html = await renderer.RenderBoardPackAsync(model);
        var templated = clock.Elapsed;
        var print = await printer.PrintWithTimingsAsync(html, model.DocumentTitle, model.CouncilName, ct);
        return new PackBenchFigures($"Essex board pack, {measurePages} measure pages", new PackTimings(data, built, templated, print, TimeSpan.Zero));
    }
}
