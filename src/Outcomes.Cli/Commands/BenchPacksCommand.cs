using System.CommandLine;
using Outcomes.Application.Benchmarks;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

/// <summary>
/// <c>outcomes bench packs</c>: pages per second for one authority's quarter of packs with a warm browser, and the share
/// of time in templating and charts (model → HTML), Chromium (HTML → PDF) and the contents-page pass
/// (see <see cref="PackBenchmark"/>).
/// </summary>
public static class BenchPacksCommand
{
    public static Command Create()
    {
        var samples = new Option<string>("--samples") { Description = "The samples folder", DefaultValueFactory = _ => CliContext.DefaultSamples() };
        var work = new Option<string>("--work") { Description = "Scratch folder for the store and the packs", DefaultValueFactory = _ => Path.Combine("out", "bench-packs") };
        var rebuild = new Option<bool>("--rebuild") { Description = "Build the store from the samples even if the scratch folder has one" };
        var large = new Option<int[]>("--large-pages")
        {
            Description = "Pages of the large board packs (Essex's measure pages repeated)", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [20, 50],
        };
        var repeats = new Option<int>("--repeats") { Description = "Times to render the whole set", DefaultValueFactory = _ => 1 };
        var command = new Command("packs", "Pack rendering: pages per second, and time in templating, Chromium and the contents pass") { samples, work, rebuild, large, repeats };
        command.SetAction(async (parse, ct) =>
        {
            using var logs = CliContext.Logs(parse);
            var result = await new PackBenchmark(logs).RunAsync(
                parse.GetValue(samples)!, parse.GetValue(work)!, parse.GetValue(rebuild), parse.GetValue(large)!, parse.GetValue(repeats), ct);
            Report(result);
            return 0;
        });
        return command;
    }

    private static void Report(PackBenchResult result)
    {
        AnsiConsole.MarkupLineInterpolated(
            $"Store: {(result.StoreReused ? "reused" : $"built from the samples in {result.StoreBuild.TotalSeconds:0.0} s")}; warm-up pack (Chromium launch, JIT) {result.WarmUp.TotalSeconds:0.00} s; {Environment.ProcessorCount} cores");
        var table = new Table().AddColumns("Pack", "Pages", "Store", "Model → HTML", "Chromium: load", "Chromium: probe + first print", "Contents check", "PDF total", "Pages/s", "Excel");
        foreach (var p in result.Packs)
        {
            var t = p.Timings;
            table.AddRow(
                p.Name, p.Pages.ToString(), Ms(t.Data), Ms(t.ModelToHtml), Ms(t.Print.Load), Ms(t.Print.FirstPrint), $"{Ms(t.Contents)} ({t.Print.Passes} prints)", Ms(t.Pdf),
                p.PagesPerSecond.ToString("0.0"), t.Excel > TimeSpan.Zero ? Ms(t.Excel) : "–");
        }

        AnsiConsole.Write(table);
        Summary("Authority's quarter (scrutiny + board packs)", result.Packs.Where(p => p.Name.StartsWith("Bradford", StringComparison.Ordinal)).ToList());
        foreach (var large in result.Packs.Where(p => p.Name.StartsWith("Essex", StringComparison.Ordinal)))
        {
            Summary(large.Name, [large]);
        }

        AnsiConsole.MarkupLineInterpolated($"All packs: {result.Pages} pages in {result.Wall.TotalSeconds:0.00} s wall clock (Excel included), {result.Pages / result.Pdf.TotalSeconds:0.0} pages/s on the PDF path");
    }

    private static void Summary(string name, IReadOnlyList<PackBenchFigures> packs)
    {
        var pdf = packs.Aggregate(TimeSpan.Zero, (t, p) => t + p.Timings.Pdf).TotalSeconds;
        double Share(Func<PackBenchFigures, TimeSpan> part) => packs.Sum(p => part(p).TotalSeconds) / pdf * 100;
        AnsiConsole.MarkupLineInterpolated(
            $"{name}: {packs.Sum(p => p.Pages)} pages, PDF {pdf:0.00} s, {packs.Sum(p => p.Pages) / pdf:0.0} pages/s; store {Share(p => p.Timings.Data):0}%, model → HTML {Share(p => p.Timings.ModelToHtml):0}%, Chromium {Share(p => p.Timings.Chromium):0}%, contents pass {Share(p => p.Timings.Contents):0}%");
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0} ms";
}
