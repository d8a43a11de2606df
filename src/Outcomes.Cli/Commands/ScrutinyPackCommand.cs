using System.CommandLine;
using Microsoft.Extensions.Logging;
using Outcomes.Application.Packs;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.ScrutinyPack;
using Outcomes.Reporting.Templates;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

/// <summary><c>outcomes scrutiny-pack -f BRD-CC -p "2018-19 Q4"</c>: the authority-wide scrutiny trend pack (PDF and Excel).</summary>
public static class ScrutinyPackCommand
{
    public static Command Create()
    {
        var settings = new Option<string?>("--settings") { Description = "Pack settings (.yaml or .json); the scrutiny: section names the committee and statistical neighbours" };
        var output = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "out" };
        var templates = new Option<string?>("--templates") { Description = "Templates folder (default: the shipped report-templates)" };
        var command = new Command("scrutiny-pack", "Render the authority-wide scrutiny trend pack (PDF and Excel) for a framework and quarter from stored scores and comparators")
        {
            TemplateCommand.Framework, TemplateCommand.PeriodOption, settings, output, templates,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!PeriodParser.TryParse(parse.GetValue(TemplateCommand.PeriodOption), out var period, out var periodError))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]--period:[/] {periodError}");
                return 2;
            }

            using var logs = CliContext.Logs(parse);
            var store = CliContext.OpenStore(parse, logs);
            var file = parse.GetValue(settings);
            var packSettings = file is null ? PackSettings.Default : PackSettings.Load(file);
            var scrutiny = file is null ? ScrutinySettings.Default : ScrutinySettings.Load(file);
            await using var printer = new PdfPrinter(new PdfPrinterOptions(), logs.CreateLogger<PdfPrinter>());
            var service = new ScrutinyPackService(store, new TemplateRenderer(parse.GetValue(templates)), printer, logs.CreateLogger<ScrutinyPackService>());
            var pack = await service.RenderAsync(parse.GetValue(TemplateCommand.Framework)!, period, packSettings, scrutiny, parse.GetValue(output)!, ct);
            AnsiConsole.MarkupLineInterpolated($"[bold]{pack.AuthorityName}[/] {pack.PeriodKey}: scrutiny pack, {pack.Measures} measures across {pack.Units} units");
            foreach (var line in pack.Summary)
            {
                AnsiConsole.MarkupLineInterpolated($"  {line}");
            }

            AnsiConsole.MarkupLineInterpolated($"  PDF:   {pack.PdfPath}");
            AnsiConsole.MarkupLineInterpolated($"  Excel: {pack.ExcelPath}");
            return 0;
        });
        return command;
    }
}
