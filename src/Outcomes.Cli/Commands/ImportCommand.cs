using Microsoft.Extensions.Logging;
using System.CommandLine;
using Outcomes.Application.Imports;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Return templates (.xlsx) to import", Arity = ArgumentArity.OneOrMore };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate only; store nothing" };
        var user = new Option<string>("--as") { Description = "Who is submitting", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("import", "Validate and import quarterly returns; a file with any error stores nothing") { files, dryRun, user };
        command.SetAction(async (parse, ct) =>
        {
            using var logs = CliContext.Logs(parse);
            var store = CliContext.OpenStore(parse, logs);
            await store.MigrateAsync(ct);
            var service = new ReturnImportService(store, logs.CreateLogger<ReturnImportService>());
            var failed = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                if (!File.Exists(file))
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]✗[/] {file}: no such file");
                    failed++;
                    continue;
                }

                var result = await service.ImportAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file, ct), parse.GetValue(user)!, DateTimeOffset.UtcNow, parse.GetValue(dryRun), ct);
                Print(result, parse.GetValue(dryRun));
                failed += result.HasErrors || (result.Outcome is { Stored: false } o && o.Kind != Storage.Repositories.ImportOutcomeKind.Duplicate) ? 1 : 0;
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
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
}
