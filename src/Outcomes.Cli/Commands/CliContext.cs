using System.CommandLine;
using Microsoft.Extensions.Logging;
using Outcomes.Storage;

namespace Outcomes.Cli.Commands;

/// <summary>Options every verb shares (store, verbosity) and the objects made from them.</summary>
public static class CliContext
{
    public static readonly Option<string> Store = new("--store")
    {
        Description = "SQLite store file (the embedded default)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("OUTCOMES_STORE") ?? "out/outcomes.db",
        Recursive = true,
    };

    public static readonly Option<string?> SqlServer = new("--sqlserver")
    {
        Description = "SQL Server connection string (production store); overrides --store",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show structured log lines (Information and above)",
        Recursive = true,
    };

    public static ILoggerFactory Logs(ParseResult parse) =>
        LoggerFactory.Create(b => b
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
            .SetMinimumLevel(parse.GetValue(Verbose) ? LogLevel.Information : LogLevel.Warning));

    public static OutcomesStore OpenStore(ParseResult parse, ILoggerFactory logs)
    {
        if (parse.GetValue(SqlServer) is { Length: > 0 } connection)
        {
            return OutcomesStore.SqlServer(connection, logs);
        }

        var path = parse.GetValue(Store)!;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return OutcomesStore.Sqlite(path, logs);
    }

    /// <summary>The repository's samples folder: ./samples, or found by walking up to Outcomes.sln.</summary>
    public static string DefaultSamples()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outcomes.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        return "samples";
    }
}
