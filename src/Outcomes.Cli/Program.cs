using System.CommandLine;
using Outcomes.Cli.Commands;
using Spectre.Console;

// Piped output (make, CI logs) would otherwise wrap tables at 80 columns.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
}

var root = new RootCommand("Outcomes: KPI and outcomes-framework reporting for early-help services")
{
    CliContext.Store, CliContext.SqlServer, CliContext.Verbose,
    DbCommands.Create(),
    FrameworkCommands.Create(),
    ComparatorCommands.Create(),
    TemplateCommand.Create(),
    ImportCommand.Create(),
    ReturnsCommands.Create(), ReturnsCommands.CreateAudit(),
    UsersCommands.Create(),
    ScoreCommand.Create(),
    PackCommand.Create(),
    ScrutinyPackCommand.Create(),
    SampleCommands.Create(),
    DemoCommand.Create(),
    BenchCommand.Create(),
    AnalyseCommand.Create(),
};

var parsed = root.Parse(args);
try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
                               or Outcomes.Reporting.Pdf.ChromiumNotFoundException or TimeoutException)
{
    // A problem the user can act on (an unknown framework, a missing file, no browser): say it, not a stack trace.
    AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
    if (parsed.GetValue(CliContext.Verbose))
    {
        AnsiConsole.WriteLine(e.ToString());
    }
    else
    {
        AnsiConsole.MarkupLine("[grey](run with --verbose for the details)[/]");
    }

    return 1;
}
