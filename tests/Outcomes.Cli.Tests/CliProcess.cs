using System.Diagnostics;

namespace Outcomes.Cli.Tests;

/// <summary>Runs the real `outcomes` program (built beside the tests) as a separate process.</summary>
internal static class CliProcess
{
    public sealed record Run(int ExitCode, string Output);

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Outcomes.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("Outcomes.sln not found above the test directory.");
        }
    }

    public static async Task<Run> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "outcomes.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await stdout + await stderr);
    }
}
