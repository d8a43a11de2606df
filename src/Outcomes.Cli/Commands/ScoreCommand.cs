using Microsoft.Extensions.Logging;
using System.CommandLine;
using Outcomes.Application.Scoring;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

public static class ScoreCommand
{
    public static Command Create()
    {
        var framework = new Option<string>("--framework", "-f") { Description = "Framework code", Required = true };
        var period = new Option<string?>("--period", "-p") { Description = "Only this quarter (default: every quarter with data)" };
        var command = new Command("score", "Score stored returns against targets and comparators, and store the scores") { framework, period };
        command.SetAction(async (parse, ct) =>
        {
            Period? only = null;
            if (parse.GetValue(period) is { } text)
            {
                if (!PeriodParser.TryParse(text, out var p, out var error))
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]--period:[/] {error}");
                    return 2;
                }

                only = p;
            }

            using var logs = CliContext.Logs(parse);
            var store = CliContext.OpenStore(parse, logs);
            await store.MigrateAsync(ct);
            var summary = await new ScoringService(store, logs.CreateLogger<ScoringService>()).ScoreAsync(parse.GetValue(framework)!, only, ct);
            AnsiConsole.MarkupLineInterpolated($"{summary.FrameworkCode}: {summary.Scores} scores over {summary.Periods.Count} quarters — {Describe(summary.ByStatus)}");
            return 0;
        });
        return command;
    }

    public static string Describe(IReadOnlyDictionary<RagStatus, int> byStatus) =>
        string.Join(", ", Enum.GetValues<RagStatus>().Where(byStatus.ContainsKey).Select(s => $"{byStatus[s]} {s.ToString().ToLowerInvariant()}"));
}
