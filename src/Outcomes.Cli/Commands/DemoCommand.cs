using System.CommandLine;
using Outcomes.Application.Demo;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Where the packs go", DefaultValueFactory = _ => "out" };
        var samples = new Option<string>("--samples") { Description = "The samples folder", DefaultValueFactory = _ => CliContext.DefaultSamples() };
        var noPacks = new Option<bool>("--no-packs") { Description = "Build and score the store but render no packs" };
        var command = new Command("demo", "Fresh SQLite store from the samples: load, import, score, and write a board pack and a scrutiny pack per authority") { output, samples, noPacks };
        command.SetAction(async (parse, ct) =>
        {
            using var logs = CliContext.Logs(parse);
            var options = new DemoOptions(parse.GetValue(samples)!, parse.GetValue(output)!, parse.GetValue(CliContext.Store)!, Packs: !parse.GetValue(noPacks));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.StorePath))!);
            var progress = new Progress<string>(line => AnsiConsole.MarkupLineInterpolated($"[grey]{line}[/]"));
            var result = await new DemoRunner(logs).RunAsync(options, progress, ct);

            var table = new Table().AddColumns("Council", "Framework", "Returns", "Scores", "Latest", "Authority-level statuses");
            foreach (var c in result.Councils)
            {
                table.AddRow(
                    Markup.Escape(c.Folder), c.FrameworkCode, c.ReturnsRefused == 0 ? c.ReturnsImported.ToString() : $"{c.ReturnsImported} [red]({c.ReturnsRefused} refused)[/]",
                    c.Scores.ToString(), c.LatestPeriod?.Key ?? "–", ScoreCommand.Describe(c.AuthorityStatuses));
            }

            AnsiConsole.Write(table);
            foreach (var c in result.Councils.Where(c => c.Pack is not null))
            {
                AnsiConsole.MarkupLineInterpolated($"[bold]{c.Pack!.OrgUnitName}[/] {c.Pack.PeriodKey}: {c.Pack.ExecutiveSummary}");
                AnsiConsole.MarkupLineInterpolated($"    {c.Pack.PdfPath}  and  {Path.GetFileName(c.Pack.ExcelPath)}");
                if (c.ScrutinyPack is { } scrutiny)
                {
                    AnsiConsole.MarkupLineInterpolated($"    scrutiny pack: {scrutiny.PdfPath}  and  {Path.GetFileName(scrutiny.ExcelPath)}");
                }
            }

            AnsiConsole.MarkupLineInterpolated($"{result.Comparators} DfE comparator values loaded.");
            AnsiConsole.MarkupLine("[bold]What officers are told about the sample files with problems (validated, not imported):[/]");
            foreach (var file in result.ProblemFiles)
            {
                ImportCommand.Print(file, dryRun: true);
            }

            AnsiConsole.MarkupLineInterpolated($"Store: {options.StorePath}. Packs (PDF and Excel) are in {Path.GetFullPath(options.OutputFolder)}/<council>/.");
            AnsiConsole.MarkupLineInterpolated($"Timings: {string.Join(", ", result.Timings.Select(t => $"{t.Key} {t.Value.TotalSeconds:0.0} s"))}");
            return result.Councils.All(c => c.ReturnsRefused == 0) ? 0 : 1;
        });
        return command;
    }
}
