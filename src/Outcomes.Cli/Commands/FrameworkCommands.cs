using Microsoft.Extensions.Logging;
using System.CommandLine;
using Outcomes.Application.Frameworks;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

public static class FrameworkCommands
{
    public static Command Create()
    {
        var folders = new Argument<string[]>("folders")
        {
            Description = "Council framework folders (organisation.yaml, framework.vN.yaml, targets.yaml); default: every folder in samples/frameworks",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var load = new Command("load", "Validate framework folders and store them; a folder with any problem stores nothing") { folders };
        load.SetAction(async (parse, ct) =>
        {
            using var logs = CliContext.Logs(parse);
            var store = CliContext.OpenStore(parse, logs);
            await store.MigrateAsync(ct);
            var service = new FrameworkLoadingService(store, logs.CreateLogger<FrameworkLoadingService>());
            var given = parse.GetValue(folders) ?? [];
            var results = given.Length == 0
                ? await service.LoadAllAsync(Path.Combine(CliContext.DefaultSamples(), "frameworks"), ct)
                : [.. await Task.WhenAll(given.Select(f => service.LoadAsync(f, ct)))];
            var table = new Table().AddColumns("Folder", "Framework", "Org units", "Targets", "Versions added", "Unchanged", "Result");
            foreach (var r in results)
            {
                table.AddRow(
                    Markup.Escape(Path.GetFileName(r.Folder)), Markup.Escape(r.FrameworkCode ?? "–"), r.OrgUnits.ToString(), r.Targets.ToString(),
                    string.Join(",", r.AddedVersions), string.Join(",", r.UnchangedVersions),
                    r.Succeeded ? "[green]stored[/]" : $"[red]{r.Problems.Count} problems[/]");
            }

            AnsiConsole.Write(table);
            foreach (var problem in results.SelectMany(r => r.Problems))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]✗[/] {problem}");
            }

            return results.All(r => r.Succeeded) ? 0 : 1;
        });
        return new Command("frameworks", "Outcomes frameworks as versioned YAML data") { load };
    }
}
