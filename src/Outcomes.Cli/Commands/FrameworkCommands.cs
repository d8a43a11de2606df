using Microsoft.Extensions.Logging;
using System.CommandLine;
using Outcomes.Application.Frameworks;
using Outcomes.Application.Scoring;
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
        var user = new Option<string>("--as") { Description = "Who is loading (audited when a load closes a stored version)", DefaultValueFactory = _ => Environment.UserName };
        var load = new Command("load", "Validate framework folders and store them; a folder with any problem stores nothing. A new version closes the one before and re-scores the framework") { folders, user };
        load.SetAction(async (parse, ct) =>
        {
            using var logs = CliContext.Logs(parse);
            var store = CliContext.OpenStore(parse, logs);
            await store.MigrateAsync(ct);
            var service = new FrameworkLoadingService(store, logs.CreateLogger<FrameworkLoadingService>());
            var given = parse.GetValue(folders) ?? [];
            var by = parse.GetValue(user)!;
            var results = given.Length == 0
                ? await service.LoadAllAsync(Path.Combine(CliContext.DefaultSamples(), "frameworks"), by, ct)
                : [.. await Task.WhenAll(given.Select(f => service.LoadAsync(f, by, ct)))];
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

            // A new version after stored history moves the periods from its start to its rules: score them again, as the
            // web upload and the targets upload do, so packs and pages follow at once.
            foreach (var r in results.Where(r => r.Succeeded && r.ChangesHistory))
            {
                foreach (var c in r.Closed)
                {
                    AnsiConsole.MarkupLineInterpolated($"{r.FrameworkCode}: version {c.Version} now ends on {c.EffectiveTo:yyyy-MM-dd}; version {c.ClosedBy} applies from {c.EffectiveTo.AddDays(1):yyyy-MM-dd}");
                }

                if (r.Moved.Count > 0)
                {
                    AnsiConsole.MarkupLineInterpolated($"{r.FrameworkCode}: {MovedReturns.Summary(r.Moved)}");
                    foreach (var line in r.MovedLines)
                    {
                        AnsiConsole.MarkupLineInterpolated($"  {line}");
                    }
                }

                var summary = await new ScoringService(store, logs.CreateLogger<ScoringService>()).ScoreAsync(r.FrameworkCode!, null, ct);
                AnsiConsole.MarkupLineInterpolated(
                    $"{summary.FrameworkCode}: scored again — {summary.Scores} scores over {summary.Periods.Count} quarters — {ScoreCommand.Describe(summary.ByStatus)}");
            }

            return results.All(r => r.Succeeded) ? 0 : 1;
        });
        return new Command("frameworks", "Outcomes frameworks as versioned YAML data") { load };
    }
}
