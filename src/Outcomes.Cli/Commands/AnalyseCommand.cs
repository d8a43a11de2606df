using System.CommandLine;
using Outcomes.Cli.Analysis;
using Spectre.Console;

namespace Outcomes.Cli.Commands;

/// <summary>
/// <c>outcomes analyse FILE.csv</c>: intervals, benchmark comparisons, funnel positions, SPC and recent trend for the
/// series in a CSV, without a store. Exit codes: 0 done, 1 the file was refused (the message names row and column),
/// 2 a bad option.
/// </summary>
public static class AnalyseCommand
{
    /// <summary>The verb with its options.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "CSV: area, period, and count + denominator, count, or value (with optional lower_ci, upper_ci); optional benchmark, target" };
        var json = new Option<bool>("--json") { Description = "Write JSON (stable camelCase names, see README) instead of tables" };
        var multiplier = new Option<string>("--multiplier") { Description = "Scale of count/denominator: 100 for percentages, 1000 or 100000 for rates", DefaultValueFactory = _ => "100", HelpName = "N" };
        var confidence = new Option<string>("--confidence") { Description = "Interval printed and used for the benchmark comparison", DefaultValueFactory = _ => "95", HelpName = "95|99.8" };
        var polarity = new Option<string>("--polarity") { Description = "Which way is better", DefaultValueFactory = _ => "none", HelpName = "higher|lower|none" };
        var noScreening = new Option<bool>("--no-screening") { Description = "Keep large moving ranges in the SPC limits (the MDC Excel tool's way)" };
        var runLength = new Option<string>("--run-length") { Description = "Points in an SPC shift or trend", DefaultValueFactory = _ => "7", HelpName = "N" };
        var baseline = new Option<string?>("--baseline") { Description = "Fix SPC limits on the first N points of each series (N ≥ 12)", HelpName = "N" };
        var rate = new Option<bool>("--rate") { Description = "count/denominator is a rate (Byar interval) rather than a proportion (Wilson)" };
        var decimals = new Option<string>("--decimals") { Description = "Decimals in the table (JSON keeps full precision)", DefaultValueFactory = _ => "1", HelpName = "N" };
        var command = new Command("analyse", "Confidence intervals, benchmark comparison, funnel, SPC and recent trend for the series in a CSV")
        {
            file, json, multiplier, confidence, polarity, noScreening, runLength, baseline, rate, decimals,
        };
        command.SetAction(parse =>
        {
            var settings = AnalyseSettings.TryCreate(
                parse.GetValue(multiplier)!, parse.GetValue(confidence)!, parse.GetValue(polarity)!, parse.GetValue(noScreening),
                parse.GetValue(runLength)!, parse.GetValue(baseline), parse.GetValue(rate), parse.GetValue(decimals)!, out var error);
            if (settings is null)
            {
                Console.Error.WriteLine(error);
                return 2;
            }

            var path = parse.GetValue(file)!;
            try
            {
                var report = SeriesAnalyser.Analyse(AnalyseCsvReader.Read(path, settings), settings);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(AnalyseJson.Write(report));
                }
                else
                {
                    AnalyseTable.Write(AnsiConsole.Console, report);
                }

                return 0;
            }
            catch (AnalyseInputException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"error: {path}: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
