using System.CommandLine;
using Outcomes.Cli.Commands;

var root = new RootCommand("Outcomes: KPI and outcomes-framework reporting for early-help services")
{
    CliContext.Store, CliContext.SqlServer, CliContext.Verbose,
    DbCommands.Create(),
    FrameworkCommands.Create(),
    ComparatorCommands.Create(),
    TemplateCommand.Create(),
    ImportCommand.Create(),
    ScoreCommand.Create(),
    PackCommand.Create(),
    SampleCommands.Create(),
    DemoCommand.Create(),
    BenchCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
