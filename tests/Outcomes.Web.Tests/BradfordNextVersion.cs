namespace Outcomes.Web.Tests;

/// <summary>
/// The sample Bradford framework folder as a council would send its next version: v1 closed on a date and a v2 from
/// the next day without CLA (and, when asked, with a new required quarterly measure, a copy of BR1). Shared by the web
/// and CLI tests of loading a next version (linked into Outcomes.Cli.Tests).
/// </summary>
internal static class BradfordNextVersion
{
    /// <summary>File name → text for every file of the folder, with framework.v1.yaml closed and framework.v2.yaml added.</summary>
    public static Dictionary<string, string> Files(string repositoryRoot, string closeOn, string? addRequired = null)
    {
        var folder = Path.Combine(repositoryRoot, "samples", "frameworks", "bradford");
        var files = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var v1 = files["framework.v1.yaml"];
        files["framework.v1.yaml"] = v1.Replace("effective_from: 2016-04-01\n", $"effective_from: 2016-04-01\neffective_to: {closeOn}\n", StringComparison.Ordinal);
        var lines = v1.Split('\n').ToList();
        var start = lines.FindIndex(l => l == "  - code: CLA");
        var end = lines.FindIndex(start + 1, l => l.StartsWith("  - code: ", StringComparison.Ordinal) || (l.Length > 0 && !l.StartsWith(' ')));
        lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        if (addRequired is not null)
        {
            var br1 = lines.FindIndex(l => l == "  - code: BR1");
            var br2 = lines.FindIndex(l => l == "  - code: BR2");
            var copy = lines.GetRange(br1, br2 - br1)
                .Select(l => l == "  - code: BR1" ? $"  - code: {addRequired}" : l.StartsWith("    title: ", StringComparison.Ordinal) ? $"    title: New measure {addRequired}" : l);
            lines.InsertRange(br2, copy);
        }

        var nextDay = DateOnly.ParseExact(closeOn, "yyyy-MM-dd").AddDays(1);
        files["framework.v2.yaml"] = string.Join('\n', lines)
            .Replace("version: 1\n", "version: 2\n", StringComparison.Ordinal)
            .Replace("effective_from: 2016-04-01\n", $"effective_from: {nextDay:yyyy-MM-dd}\n", StringComparison.Ordinal);
        return files;
    }
}
