using System.CommandLine;
using Outcomes.Application.Samples;
using Outcomes.Ingestion.Frameworks;
using Outcomes.Ingestion.OpenData;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

public static class SampleCommands
{
    public const int DefaultSeed = 20170401;

    public static Command Create()
    {
        var samples = new Option<string>("--samples") { Description = "The samples folder", DefaultValueFactory = _ => CliContext.DefaultSamples() };
        var seed = new Option<int>("--seed") { Description = "Random seed (the committed samples use the default)", DefaultValueFactory = _ => DefaultSeed };
        var generate = new Command("generate", "Regenerate samples/returns (8 quarters, every returning unit) and samples/returns-with-problems") { samples, seed };
        generate.SetAction(parse =>
        {
            var folder = parse.GetValue(samples)!;
            var packages = FrameworkPackageLoader.LoadAll(Path.Combine(folder, "frameworks")).Select(r => r.Package
                ?? throw new InvalidOperationException($"{r.SourceFolder}: {string.Join("; ", r.Problems)}")).ToList();
            var gld = DfeOpenDataReader.Read(Path.Combine(folder, "open-data", "dfe-eyfsp-gld-by-la-2013-2019.csv"), DfeIndicatorMappings.Gld).Values;
            var returns = Path.Combine(folder, "returns");
            if (Directory.Exists(returns))
            {
                Directory.Delete(returns, recursive: true);
            }

            var generator = new SampleReturnGenerator(parse.GetValue(seed));
            var table = new Table().AddColumns("Framework", "Returns written");
            foreach (var package in packages)
            {
                var written = generator.Generate(package, gld, SampleReturnGenerator.DefaultQuarters, returns);
                table.AddRow(package.Framework.Code, written.Files.ToString());
            }

            AnsiConsole.Write(table);
            var problems = SampleProblemWriter.Write(packages, returns, Path.Combine(folder, "returns-with-problems"));
            AnsiConsole.MarkupLineInterpolated($"{problems.Count} files with deliberate problems in {Path.Combine(folder, "returns-with-problems")}");
            return 0;
        });
        return new Command("samples", "Sample data") { generate };
    }
}
