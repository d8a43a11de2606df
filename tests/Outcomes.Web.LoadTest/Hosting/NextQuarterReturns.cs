using ClosedXML.Excel;

namespace Outcomes.Web.LoadTest.Hosting;

/// <summary>A valid return not yet in the store, for a unit and a later quarter.</summary>
public sealed record NewReturn(string FrameworkCode, string OrgUnitCode, string PeriodKey, string FileName, byte[] Bytes);

/// <summary>
/// Good returns for quarters the samples do not have: a unit's 2018-19 Q4 sample return re-labelled (in its hidden
/// template sheet) for a later quarter, as an officer fills in next quarter's template.
/// </summary>
public static class NextQuarterReturns
{
    public static NewReturn Make(string sampleFile, string periodKey)
    {
        using var workbook = new XLWorkbook(sampleFile);
        var meta = workbook.Worksheet("_template");
        string Read(string key) => meta.RowsUsed().Single(r => r.Cell(1).GetString() == key).Cell(2).GetString();
        meta.RowsUsed().Single(r => r.Cell(1).GetString() == "period_key").Cell(2).Value = periodKey;
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        var unit = Read("org_unit_code");
        return new NewReturn(Read("framework_code"), unit, periodKey, $"{unit}_{periodKey.Replace(' ', '_')}.xlsx", output.ToArray());
    }

    /// <summary>
    /// <paramref name="count"/> distinct units' returns for <paramref name="periodKey"/>, taken a council at a time (the first
    /// unit of each council, then the second, …) from samples/returns.
    /// </summary>
    public static IReadOnlyList<NewReturn> Distinct(string samplesFolder, string periodKey, int count)
    {
        var byCouncil = Directory.GetDirectories(Path.Combine(samplesFolder, "returns")).Order(StringComparer.Ordinal)
            .Select(d => Directory.GetFiles(d, "*_2018-19_Q4.xlsx").Order(StringComparer.Ordinal).ToList())
            .ToList();
        var files = Enumerable.Range(0, byCouncil.Max(c => c.Count))
            .SelectMany(i => byCouncil.Where(c => i < c.Count).Select(c => c[i]))
            .Take(count)
            .ToList();
        return files.Count == count
            ? files.Select(f => Make(f, periodKey)).ToList()
            : throw new InvalidOperationException($"Only {files.Count} sample units to upload for, not {count}.");
    }
}
