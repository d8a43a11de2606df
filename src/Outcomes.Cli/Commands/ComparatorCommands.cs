using Microsoft.Extensions.Logging;
using System.CommandLine;
using Outcomes.Application.OpenData;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

public static class ComparatorCommands
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A DfE open-data tidy CSV" };
        var mapping = new Option<string>("--mapping") { Description = "gld, cla, or a mapping JSON file", Required = true };
        var load = new Command("load", "Load England, regional and authority values from a DfE open-data CSV") { file, mapping };
        load.SetAction(async (parse, ct) =>
        {
            using var logs = CliContext.Logs(parse);
            if (ComparatorLoadingService.Mapping(parse.GetValue(mapping)!, out var error) is not { } map)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]--mapping:[/] {error}");
                return 2;
            }

            var store = CliContext.OpenStore(parse, logs);
            await store.MigrateAsync(ct);
            var result = await new ComparatorLoadingService(store, logs.CreateLogger<ComparatorLoadingService>()).LoadAsync(parse.GetValue(file)!, map, ct);
            foreach (var issue in result.Issues.Take(50))
            {
                AnsiConsole.MarkupLine($"{(issue.IsError ? "[red]error[/]" : "[yellow]warning[/]")} {Markup.Escape(issue.ToString())}");
            }

            AnsiConsole.MarkupLineInterpolated($"{result.Read} values read, {result.Stored} stored{(result.HasErrors ? " — nothing stored because of errors" : string.Empty)}");
            return result.HasErrors ? 1 : 0;
        });
        return new Command("comparators", "Benchmarks from open data") { load };
    }
}
