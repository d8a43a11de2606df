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

return await root.Parse(args).InvokeAsync();
