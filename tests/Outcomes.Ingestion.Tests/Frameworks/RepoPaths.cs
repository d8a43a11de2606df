namespace Outcomes.Ingestion.Tests.Frameworks;

/// <summary>Finds the repository (the folder holding Outcomes.sln) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Outcomes.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new DirectoryNotFoundException("No Outcomes.sln above the test directory.");
        }
    }

    public static string SampleFrameworks => Path.Combine(Root, "samples", "frameworks");

    /// <summary>../shared/data (the published source) when present, else samples/open-data, the copy kept in the repository.</summary>
    public static string SharedData =>
        Directory.Exists(Path.Combine(Root, "..", "shared", "data"))
            ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"))
            : Path.Combine(Root, "samples", "open-data");

    /// <summary>Reads a DfE CSV (quoted fields allowed, BOM tolerated) as rows of column → value.</summary>
    public static IEnumerable<Dictionary<string, string>> ReadCsv(string fileName)
    {
        using var reader = new StreamReader(Path.Combine(SharedData, fileName));
        var header = Split(reader.ReadLine()!.TrimStart('\uFEFF'));
        while (reader.ReadLine() is { } line)
        {
            var cells = Split(line);
            yield return header.Select((h, i) => (h, v: i < cells.Count ? cells[i].Trim() : string.Empty))
                .ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal);
        }
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
