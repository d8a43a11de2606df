using System.CommandLine;
using System.Diagnostics;
using Outcomes.Application.Samples;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Engine;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

/// <summary>
/// Scores a synthetic national-scale store in memory (authorities × centres in clusters of five × measures × quarters)
/// and reports observations per second and peak memory. Loading from the store is not included.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var authorities = new Option<int>("--authorities") { DefaultValueFactory = _ => 150 };
        var centres = new Option<int>("--centres") { Description = "Centres per authority (clusters of five)", DefaultValueFactory = _ => 25 };
        var measures = new Option<int>("--measures") { DefaultValueFactory = _ => 30 };
        var quarters = new Option<int>("--quarters") { DefaultValueFactory = _ => 40 };
        var command = new Command("bench", "Benchmark scoring on a synthetic store") { authorities, centres, measures, quarters, ImportCommand() };
        command.SetAction(parse =>
        {
            var (a, c, m, q) = (parse.GetValue(authorities), parse.GetValue(centres), parse.GetValue(measures), parse.GetValue(quarters));
            var version = Framework(m);
            var periods = Enumerable.Range(0, q).Select(i => Period.FinancialQuarter(2015, 1).Shift(i)).ToList();
            var model = new SampleValueModel(1);
            long observations = 0, scores = 0;
            var generate = TimeSpan.Zero;
            var score = Stopwatch.StartNew();
            score.Stop();
            for (var authority = 0; authority < a; authority++)
            {
                var build = Stopwatch.StartNew();
                var (tree, leaves) = Tree(authority, c);
                var data = new List<Observation>(c * m * q);
                foreach (var leaf in leaves)
                {
                    foreach (var measure in version.Measures)
                    {
                        data.AddRange(periods.Select(p => model.Generate(measure, leaf, p, 60m, 150)));
                    }
                }

                generate += build.Elapsed;
                observations += data.Count;
                score.Start();
                var engine = new ScoringEngine(new ScoringRequest { Version = version, Hierarchy = tree, Observations = data, Targets = Targets(version) }, periods[^1].End);
                foreach (var period in periods)
                {
                    scores += engine.ScorePeriod(period).Count;
                }

                score.Stop();
            }

            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
            AnsiConsole.MarkupLineInterpolated($"{a} authorities × {c} centres × {m} measures × {q} quarters = {observations:N0} observations");
            AnsiConsole.MarkupLineInterpolated($"scoring (roll-ups, targets, RAG, direction, CIs, explanations): {score.Elapsed.TotalSeconds:0.00} s, {observations / score.Elapsed.TotalSeconds:N0} observations/s, {scores:N0} scores");
            AnsiConsole.MarkupLineInterpolated($"synthetic data generation (not scoring): {generate.TotalSeconds:0.00} s; peak working set {peak:N0} MiB; {Environment.ProcessorCount} cores");
            return 0;
        });
        return command;
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
