using Microsoft.Extensions.Logging;
using System.CommandLine;
using Outcomes.Application.Imports;
using Outcomes.Ingestion.Wide;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Return templates (.xlsx), long CSVs (.csv, with --framework) or wide workbooks (.xlsx with --mapping)", Arity = ArgumentArity.OneOrMore };
        var framework = new Option<string?>("--framework", "-f") { Description = "Framework code (required for .csv and --mapping files; templates name their own)" };
        var mapping = new Option<string?>("--mapping") { Description = "Column mapping (YAML or JSON) for a wide workbook: see samples/wide/README.md" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate only; store nothing" };
        var user = new Option<string>("--as") { Description = "Who is submitting", DefaultValueFactory = _ => Environment.UserName };
        var report = new Option<string?>("--error-report")
        {
            Description = "For a template with problems, write the annotated workbook (bad cells highlighted and commented, plus an Errors sheet) to this folder",
        };
        var noScore = new Option<bool>("--no-score")
        {
            Description = "Do not score the frameworks that gained returns (for loading many files before one `outcomes score`)",
        };
        var command = new Command("import", "Validate and import quarterly returns; a file with any error stores nothing; then score each framework that gained returns")
        {
            files, dryRun, user, framework, mapping, report, noScore,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var logs = CliContext.Logs(parse);
            var store = CliContext.OpenStore(parse, logs);
            await store.MigrateAsync(ct);
            var service = new ReturnImportService(store, logs.CreateLogger<ReturnImportService>());
            var csv = new CsvImportService(store, logs.CreateLogger<CsvImportService>());
            var wide = new WideImportService(store, logs.CreateLogger<WideImportService>());
            var frameworkCode = parse.GetValue(framework);
            WideMapping? wideMapping = null;
            if (parse.GetValue(mapping) is { } mappingPath)
            {
                if (!File.Exists(mappingPath))
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]✗[/] {mappingPath}: no such mapping file");
                    return 2;
                }

                wideMapping = WideImportService.LoadMapping(mappingPath, out var problems);
                if (wideMapping is null)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]✗[/] {mappingPath}: the mapping cannot be used");
                    foreach (var problem in problems)
                    {
                        AnsiConsole.MarkupLineInterpolated($"    [red]error[/]   {problem.Message}");
                    }

                    return 2;
                }
            }

            var failed = 0;
            var gained = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in parse.GetValue(files)!)
            {
                if (!File.Exists(file))
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]✗[/] {file}: no such file");
                    failed++;
                    continue;
                }

                var isCsv = string.Equals(Path.GetExtension(file), ".csv", StringComparison.OrdinalIgnoreCase);
                if ((isCsv || wideMapping is not null) && string.IsNullOrWhiteSpace(frameworkCode))
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]✗[/] {file}: --framework CODE is required for a {(isCsv ? "CSV" : "mapped workbook")}");
                    return 2;
                }

                if (isCsv || wideMapping is not null)
                {
                    var bytes = await File.ReadAllBytesAsync(file, ct);
                    var many = isCsv
                        ? await csv.ImportAsync(Path.GetFileName(file), bytes, frameworkCode!, parse.GetValue(user)!, DateTimeOffset.UtcNow, parse.GetValue(dryRun), ct)
                        : await wide.ImportAsync(Path.GetFileName(file), bytes, wideMapping!, frameworkCode!, parse.GetValue(user)!, DateTimeOffset.UtcNow, parse.GetValue(dryRun), ct);
                    Print(many, parse.GetValue(dryRun));
                    failed += many.HasErrors ? 1 : 0;
                    if (many.Returns.Any(r => r.Outcome?.Stored == true))
                    {
                        gained.Add(frameworkCode!);
                    }

                    continue;
                }

                var uploaded = await File.ReadAllBytesAsync(file, ct);
                var result = await service.ImportAsync(Path.GetFileName(file), uploaded, parse.GetValue(user)!, DateTimeOffset.UtcNow, parse.GetValue(dryRun), ct);
                Print(result, parse.GetValue(dryRun));
                if (result.Stored && result.FrameworkCode is { } code)
                {
                    gained.Add(code);
                }

                if (parse.GetValue(report) is { } folder && result.Issues.Count > 0)
                {
                    Directory.CreateDirectory(folder);
                    var path = Path.Combine(folder, Path.GetFileNameWithoutExtension(file) + ".errors.xlsx");
                    await File.WriteAllBytesAsync(path, Ingestion.ErrorReports.ErrorReportWriter.Write(uploaded, result.Issues), ct);
                    AnsiConsole.MarkupLineInterpolated($"    error report: {path}");
                }
                failed += result.HasErrors || (result.Outcome is { Stored: false } o && o.Kind != Storage.Repositories.ImportOutcomeKind.Duplicate) ? 1 : 0;
            }

            await ScoreGainedAsync(store, logs, gained, parse.GetValue(noScore), ct);
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>
    /// Scores each framework that gained a return or a new version, so scorecards, dashboards and packs show it (a
    /// framework is scored whole: SPC and trends read each series' history); with --no-score, says how to do it later.
    /// </summary>
    private static async Task ScoreGainedAsync(Storage.OutcomesStore store, ILoggerFactory logs, IReadOnlyCollection<string> gained, bool skip, CancellationToken ct)
    {
        foreach (var code in gained)
        {
            if (skip)
            {
                AnsiConsole.MarkupLineInterpolated($"{code}: not scored (--no-score); run `outcomes score -f {code}` when the imports are done");
                continue;
            }

            var summary = await new Application.Scoring.ScoringService(store, logs.CreateLogger<Application.Scoring.ScoringService>()).ScoreAsync(code, null, ct);
            AnsiConsole.MarkupLineInterpolated(
                $"{summary.FrameworkCode}: scored — {summary.Scores} scores over {summary.Periods.Count} quarters — {ScoreCommand.Describe(summary.ByStatus)}");
        }
    }

    public static void Print(ReturnImportResult result, bool dryRun)
    {
        var head = result.HasErrors ? "[red]✗ not imported[/]"
            : dryRun ? "[green]✓ valid[/] (dry run: nothing stored)"
            : result.Outcome is { } o ? (o.Stored ? $"[green]✓ stored[/] version {o.VersionNumber}: {o.Inserted} inserted, {o.Updated} updated, {o.Unchanged} unchanged" : $"[yellow]{Markup.Escape(o.Message)}[/]")
            : string.Empty;
        AnsiConsole.MarkupLine($"{Markup.Escape(result.File)}: {head}");
        foreach (var issue in result.Issues)
        {
            AnsiConsole.MarkupLine($"    {(issue.IsError ? "[red]error[/]  " : "[yellow]warning[/]")} {Markup.Escape(issue.Message)} [grey]({Markup.Escape(issue.RuleCode)})[/]");
        }
    }

    /// <summary>A long CSV or wide workbook: one line for the file, one per return, then the issues as the template path prints them.</summary>
    public static void Print(MultiReturnImportResult result, bool dryRun)
    {
        var head = result.HasErrors ? "[red]✗ not imported[/]"
            : dryRun ? $"[green]✓ valid[/] (dry run: nothing stored): {result.RowsRead} rows, {result.Returns.Count} returns"
            : $"[green]✓ stored[/] {result.RowsRead} rows, {result.Returns.Count} returns: {result.Inserted} inserted, {result.Updated} updated, {result.Unchanged} unchanged";
        AnsiConsole.MarkupLine($"{Markup.Escape(result.File)}: {head}");
        if (!dryRun && !result.HasErrors)
        {
            foreach (var r in result.Returns.Where(r => r.Outcome is not null))
            {
                var o = r.Outcome!;
                var what = o.Stored ? $"version {o.VersionNumber}: {o.Inserted} inserted, {o.Updated} updated, {o.Unchanged} unchanged" : o.Message;
                AnsiConsole.MarkupLine($"    [grey]{Markup.Escape(r.OrgUnitCode)} {Markup.Escape(r.Period.Key)}[/] {Markup.Escape(what)}");
            }
        }

        foreach (var issue in result.Issues)
        {
            AnsiConsole.MarkupLine($"    {(issue.IsError ? "[red]error[/]  " : "[yellow]warning[/]")} {Markup.Escape(issue.Message)} [grey]({Markup.Escape(issue.RuleCode)})[/]");
        }
    }
}
