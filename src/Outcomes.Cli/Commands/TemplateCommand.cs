using System.CommandLine;
using Outcomes.Domain.Periods;
using Outcomes.Ingestion.Returns;
using Outcomes.Storage.Repositories;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

public static class TemplateCommand
{
    public static readonly Option<string> Framework = new("--framework", "-f") { Description = "Framework code, e.g. BRD-CC", Required = true };
    public static readonly Option<string> Org = new("--org", "-o") { Description = "Org unit code, e.g. BRD-CL1", Required = true };
    public static readonly Option<string> PeriodOption = new("--period", "-p") { Description = "Quarter, e.g. \"2017-18 Q3\"", Required = true };

    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "File to write (default: <org>_<period>.xlsx)" };
        var command = new Command("template", "Write a blank return template (.xlsx) for an org unit and quarter") { Framework, Org, PeriodOption, output };
        command.SetAction(async (parse, ct) =>
        {
            if (!PeriodParser.TryParse(parse.GetValue(PeriodOption), out var period, out var periodError))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]--period:[/] {periodError}");
                return 2;
            }

            using var logs = CliContext.Logs(parse);
            var store = CliContext.OpenStore(parse, logs);
            await store.MigrateAsync(ct);
            var code = parse.GetValue(Framework)!;
            if (await new FrameworkRepository(store).GetAsync(code, ct) is not { } framework || framework.VersionOn(period.Start) is not { } version)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]--framework:[/] '{code}' is not loaded, or has no version in force for {period.Key}");
                return 1;
            }

            var hierarchy = await new OrgUnitRepository(store).LoadHierarchyAsync(framework.AuthorityCode, ct);
            if (!hierarchy.TryGet(parse.GetValue(Org)!, out var unit))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]--org:[/] '{parse.GetValue(Org)}' is not an org unit of {framework.Name}");
                return 1;
            }

            var previous = (await new ObservationRepository(store).ListCurrentAsync(code, [unit.Code], ct))
                .Where(o => o.Period == period.Previous()).ToDictionary(o => o.MeasureCode, StringComparer.OrdinalIgnoreCase);
            var path = parse.GetValue(output) ?? $"{unit.Code}_{period.Key.Replace(' ', '_')}.xlsx";
            await using (var stream = File.Create(path))
            {
                ReturnTemplateWriter.Write(version, unit, period, period.End.AddDays(20), previous, stream);
            }

            AnsiConsole.MarkupLineInterpolated($"Template for [bold]{unit.Name}[/] {period.Key} ({framework.Code} v{version.Version}): {path}");
            return 0;
        });
        return command;
    }
}
