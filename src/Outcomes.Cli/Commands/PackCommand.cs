using Microsoft.Extensions.Logging;
using System.CommandLine;
using Outcomes.Application.Packs;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.Templates;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

public static class PackCommand
{
    public static Command Create()
    {
        var settings = new Option<string?>("--settings") { Description = "Pack settings (.yaml or .json): council name, committee, officer, colours" };
        var output = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "out" };
        var templates = new Option<string?>("--templates") { Description = "Templates folder (default: the shipped report-templates)" };
        var command = new Command("pack", "Render the advisory-board pack (PDF and Excel) for an org unit and quarter from stored scores")
        {
            TemplateCommand.Framework, TemplateCommand.Org, TemplateCommand.PeriodOption, settings, output, templates,
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
            var packSettings = parse.GetValue(settings) is { } file ? PackSettings.Load(file) : PackSettings.Default;
            await using var printer = new PdfPrinter(new PdfPrinterOptions(), logs.CreateLogger<PdfPrinter>());
            var service = new BoardPackService(store, new TemplateRenderer(parse.GetValue(templates)), printer, logs.CreateLogger<BoardPackService>());
            var pack = await service.RenderAsync(parse.GetValue(TemplateCommand.Framework)!, parse.GetValue(TemplateCommand.Org)!, period, packSettings, parse.GetValue(output)!, ct);
            AnsiConsole.MarkupLineInterpolated($"{pack.OrgUnitName} {pack.PeriodKey}: {pack.ExecutiveSummary}");
            AnsiConsole.MarkupLineInterpolated($"  PDF:   {pack.PdfPath}");
            AnsiConsole.MarkupLineInterpolated($"  Excel: {pack.ExcelPath}");
            return 0;
        });
        return command;
    }
}
