using System.CommandLine;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

public static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply the numbered schema scripts not yet applied (safe to repeat)");
        migrate.SetAction(async (parse, ct) =>
        {
            using var logs = CliContext.Logs(parse);
            var store = CliContext.OpenStore(parse, logs);
            var report = await store.MigrateAsync(ct);
            AnsiConsole.MarkupLineInterpolated($"[green]{store.Provider}[/]: {report.Applied.Count} applied, {report.AlreadyApplied.Count} already applied");
            foreach (var name in report.Applied)
            {
                AnsiConsole.WriteLine("  + " + name);
            }

            return 0;
        });
        return new Command("db", "The store") { migrate };
    }
}
