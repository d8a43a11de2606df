using System.Globalization;
using System.Runtime.InteropServices;
using Outcomes.Storage.Changes;
using Outcomes.Web.LoadTest.Hosting;

namespace Outcomes.Web.LoadTest;

/// <summary>
/// `make loadtest`: a fresh sample store, the web host on a loopback port, a bounded load, a report, a store check.
/// Exit code 0 only when no request failed and every upload was stored exactly once. (Not top-level statements: their
/// Program class would hide the web app's.)
/// </summary>
public static class LoadTestMain
{
    public static async Task<int> Main(string[] args)
    {
        var plan = new LoadPlan(Readers: Option("--readers", 50), RequestsPerReader: Option("--requests", 40), Uploads: Option("--uploads", 5));
        var root = SampleStoreFile.FindRepositoryRoot(AppContext.BaseDirectory);

        Console.WriteLine($"{DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}; {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average before: {LoadAverage()}");
        Console.WriteLine("Building the sample store (as make demo, without packs)...");
        using var store = await SampleStoreFile.BuildAsync(root);
        using var server = LoopbackServer.Start(store.Path, root);
        Console.WriteLine($"Server on {server.BaseAddress}; warming up with one reader (10 dashboards, not counted)...");
        await new LoadRun(server, store).RunAsync(plan with { Readers = 1, RequestsPerReader = 10, Uploads = 1, UploadPeriod = "2019-20 Q1" });

        var changes = new StoreChanges(store.Store);
        var generationBefore = await changes.DataGenerationAsync();
        var result = await new LoadRun(server, store).RunAsync(plan);
        var generationAfter = await changes.DataGenerationAsync();
        Console.WriteLine(LoadReport.Describe(result));

        // Each move drops every dashboard the server keeps: the uploads' imports and re-scoring make the readers rebuild.
        Console.WriteLine($"Store data generation: {generationBefore} before the run, {generationAfter} after (every dashboard kept is dropped whenever it moves)");
        Console.WriteLine($"Load average after: {LoadAverage()}");
        return result.Errors.Count == 0 && result.StoreProblems.Count == 0 ? 0 : 1;

        int Option(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
        : "unknown";
}
