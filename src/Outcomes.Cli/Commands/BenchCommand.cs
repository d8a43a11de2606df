using System.CommandLine;
using System.Diagnostics;
using Outcomes.Application.Samples;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Engine;
using Outcomes.Scoring.Statistics;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

/// <summary>
/// Scores a synthetic national-scale store in memory (authorities × centres in clusters of five × measures × quarters)
/// and reports observations and scores per second and peak memory. Each authority's data is generated (standing in
/// for loading it from the store, and timed apart), then scored by its own engine as <c>ScoringService</c> does:
/// the engine build (grouping into series, roll-ups) and the scoring pass (targets, RAG, direction, CIs,
/// explanations, shared across cores) are timed separately. By default a store of 10 and one of 150 authorities.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var authorities = new Option<int[]>("--authorities")
        {
            Description = "Authorities in each store to score (one run per value)", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [10, 150],
        };
        var centres = new Option<int>("--centres") { Description = "Centres per authority (clusters of five)", DefaultValueFactory = _ => 25 };
        var measures = new Option<int>("--measures") { DefaultValueFactory = _ => 30 };
        var quarters = new Option<int>("--quarters") { DefaultValueFactory = _ => 40 };
        var threads = new Option<int>("--threads") { Description = "Cores the scoring pass may use (-1: all)", DefaultValueFactory = _ => -1 };
        var command = new Command("bench", "Benchmark scoring on a synthetic store") { authorities, centres, measures, quarters, threads, ImportCommand(), BenchPacksCommand.Create() };
        command.SetAction(parse =>
        {
            var (c, m, q, t) = (parse.GetValue(centres), parse.GetValue(measures), parse.GetValue(quarters), parse.GetValue(threads));
            Run(3, c, m, q, t); // warm-up, untimed: JIT and first-call costs are not scoring
            foreach (var a in parse.GetValue(authorities)!)
            {
                Report(a, c, m, q, Run(a, c, m, q, t));
            }

            return 0;
        });
        return command;
    }

    private sealed record Figures(
        long Observations, long Scores, TimeSpan Loading, TimeSpan Build, TimeSpan Scoring, TimeSpan Statistics, long Allocated, TimeSpan GcPause, int Collections,
        long BuildAllocated, long ScoringAllocated, long StatisticsAllocated);

    private static Figures Run(int authorities, int centres, int measures, int quarters, int threads)
    {
        var version = Framework(measures);
        var targets = Targets(version);
        var periods = Enumerable.Range(0, quarters).Select(i => Period.FinancialQuarter(2015, 1).Shift(i)).ToList();
        var model = new SampleValueModel(1);
        long observations = 0, scores = 0, allocated = 0, buildAllocated = 0, scoringAllocated = 0, statisticsAllocated = 0;
        TimeSpan loading = TimeSpan.Zero, build = TimeSpan.Zero, scoring = TimeSpan.Zero, statistics = TimeSpan.Zero, pause = TimeSpan.Zero;
        var framework = new Framework { Code = version.FrameworkCode, Name = "Bench", AuthorityCode = "BENCH", Versions = [version] };
        var collections = 0;
        for (var authority = 0; authority < authorities; authority++)
        {
            var clock = Stopwatch.StartNew();
            var (tree, leaves) = Tree(authority, centres);
            var data = new List<Observation>(centres * measures * quarters);
            foreach (var leaf in leaves)
            {
                foreach (var measure in version.Measures)
                {
                    data.AddRange(periods.Select(p => model.Generate(measure, leaf, p, 60m, 150)));
                }
            }

            loading += clock.Elapsed;
            observations += data.Count;
            var (bytes, paused, gcs) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0));
            clock.Restart();
            var engine = new ScoringEngine(new ScoringRequest { Version = version, Hierarchy = tree, Observations = data, Targets = targets }, periods[^1].End);
            build += clock.Elapsed;
            var afterBuild = GC.GetTotalAllocatedBytes();
            buildAllocated += afterBuild - bytes;
            clock.Restart();
            var scored = engine.ScoreAll(periods, threads);
            scoring += clock.Elapsed;
            var afterScoring = GC.GetTotalAllocatedBytes();
            scoringAllocated += afterScoring - afterBuild;
            clock.Restart();
            scores += ScoreStatistics.Enrich(framework, tree, periods[^1].End, scored).Count;
            statistics += clock.Elapsed;
            statisticsAllocated += GC.GetTotalAllocatedBytes() - afterScoring;
            allocated += GC.GetTotalAllocatedBytes() - bytes;
            pause += GC.GetTotalPauseDuration() - paused;
            collections += GC.CollectionCount(0) - gcs;
        }

        return new Figures(observations, scores, loading, build, scoring, statistics, allocated, pause, collections, buildAllocated, scoringAllocated, statisticsAllocated);
    }

    private static void Report(int authorities, int centres, int measures, int quarters, Figures f)
    {
        var total = (f.Build + f.Scoring + f.Statistics).TotalSeconds;
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64 / (1024.0 * 1024);
        var heap = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / (1024.0 * 1024);
        AnsiConsole.MarkupLineInterpolated($"{authorities} authorities × {centres} centres × {measures} measures × {quarters} quarters = {f.Observations:N0} observations");
        AnsiConsole.MarkupLineInterpolated($"  loading (synthetic generation, not scoring): {f.Loading.TotalSeconds:0.00} s");
        AnsiConsole.MarkupLineInterpolated($"  scoring: {total:0.00} s = engine build (series, roll-ups) {f.Build.TotalSeconds:0.00} s + scoring pass (targets, RAG, direction, CIs, explanations) {f.Scoring.TotalSeconds:0.00} s + series and peers (SPC at every point, recent trend, two-level England, quintiles, funnel) {f.Statistics.TotalSeconds:0.00} s on {Environment.ProcessorCount} cores");
        AnsiConsole.MarkupLineInterpolated($"  {f.Observations / total:N0} observations/s, {f.Scores / total:N0} scores/s ({f.Scores:N0} scores)");
        AnsiConsole.MarkupLineInterpolated($"  peak working set {peak:N0} MiB (managed heap after last GC {heap:N0} MiB); while scoring {f.Allocated / (1024.0 * 1024 * 1024):0.00} GiB allocated, {f.Collections:N0} GCs, {f.GcPause.TotalSeconds:0.00} s paused");
        AnsiConsole.MarkupLineInterpolated(
            $"  allocated per score: build {f.BuildAllocated / (double)f.Scores:N0} B, scoring pass {f.ScoringAllocated / (double)f.Scores:N0} B, series and peers {f.StatisticsAllocated / (double)f.Scores:N0} B");
    }

    private static Command ImportCommand()
    {
        var csvRows = new Option<int>("--csv-rows") { DefaultValueFactory = _ => 100_000 };
        var templateRows = new Option<int>("--template-rows") { DefaultValueFactory = _ => 20_000 };
        var work = new Option<string>("--work") { Description = "Scratch folder for the store and files", DefaultValueFactory = _ => Path.Combine("out", "bench") };
        var command = new Command("import", "Import throughput (validate and store) against merely reading the same files") { csvRows, templateRows, work };
        command.SetAction(async (parse, ct) =>
        {
            using var logs = CliContext.Logs(parse);
            var figures = await new Outcomes.Application.Benchmarks.ImportBenchmark(logs).RunAsync(parse.GetValue(work)!, parse.GetValue(csvRows), parse.GetValue(templateRows), ct);
            var table = new Table().AddColumns("File", "Rows", "Read only", "Rows/s", "Validate + store", "Rows/s", "Ratio", "Stored");
            foreach (var f in figures)
            {
                table.AddRow(f.Name, f.Rows.ToString("N0"), $"{f.Floor.TotalSeconds:0.00} s", f.FloorRowsPerSecond.ToString("N0"),
                    $"{f.Full.TotalSeconds:0.00} s", f.FullRowsPerSecond.ToString("N0"), $"{f.Ratio:0.0}×", f.Stored ? "yes" : "[red]no[/]");
            }

            AnsiConsole.Write(table);
            return figures.All(f => f.Stored) ? 0 : 1;
        });
        return command;
    }

    private static FrameworkVersion Framework(int measures) => new()
    {
        FrameworkCode = "BENCH", Version = 1, EffectiveFrom = new DateOnly(2015, 4, 1),
        Measures = Enumerable.Range(1, measures).Select(i => i % 2 == 0
            ? new Measure { Code = $"M{i}", Title = $"Ratio {i}", Unit = MeasureUnit.Percentage, Aggregation = Aggregation.Ratio, Decimals = 1, CiMethod = ConfidenceIntervalMethod.Wilson }
            : new Measure { Code = $"M{i}", Title = $"Count {i}", Unit = MeasureUnit.Count, Aggregation = Aggregation.Sum, Polarity = i % 3 == 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter })
            .ToList(),
    };

    private static List<Target> Targets(FrameworkVersion version) =>
        version.Measures.Select(m => new Target { FrameworkCode = "BENCH", MeasureCode = m.Code, Value = m.HasRatio ? 60m : 120m, Tolerance = 2m }).ToList();

    private static (OrgUnitHierarchy Tree, List<string> Leaves) Tree(int authority, int centres)
    {
        var code = $"A{authority}";
        var units = new List<OrgUnit> { new(code, code, OrgUnitType.Authority, code) };
        var links = new List<OrgUnitLink>();
        var leaves = new List<string>();
        for (var i = 0; i < centres; i++)
        {
            var cluster = $"{code}-K{i / 5}";
            if (i % 5 == 0)
            {
                units.Add(new OrgUnit(cluster, cluster, OrgUnitType.Cluster, code));
                links.Add(new OrgUnitLink(cluster, code));
            }

            var centre = $"{cluster}-C{i}";
            units.Add(new OrgUnit(centre, centre, OrgUnitType.Centre, code));
            links.Add(new OrgUnitLink(centre, cluster));
            leaves.Add(centre);
        }

        return (new OrgUnitHierarchy(units, links), leaves);
    }
}
