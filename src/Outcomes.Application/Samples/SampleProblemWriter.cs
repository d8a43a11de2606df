using ClosedXML.Excel;
using Outcomes.Domain.Periods;
using Outcomes.Ingestion.Frameworks;
using Outcomes.Ingestion.Returns;

namespace Outcomes.Application.Samples;

/// <summary>
/// Makes samples/returns-with-problems: copies of good sample returns with the mistakes officers really make,
/// each documented in the folder's README, so the demo and tests can show the messages people get.
/// </summary>
public static class SampleProblemWriter
{
    public sealed record ProblemFile(string FileName, string What);

    public static IReadOnlyList<ProblemFile> Write(IReadOnlyList<FrameworkPackage> packages, string returnsFolder, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(packages);
        Directory.CreateDirectory(outputFolder);
        var written = new List<ProblemFile>();
        var quarter = Period.FinancialQuarter(2018, 2);

        string Source(string council, int index = 0) =>
            Directory.GetFiles(Path.Combine(returnsFolder, council), $"*_{quarter.Key.Replace(' ', '_')}.xlsx").Order(StringComparer.Ordinal).ElementAt(index);

        written.Add(Edit(Source("bradford"), outputFolder, "bradford-value-written-as-1.2k.xlsx",
            "A count typed as \"1.2k\": refused as ambiguous, with the cell named.",
            ws => SetFirst(ws, Measure(packages, "bradford", m => m.Unit == Domain.Frameworks.MeasureUnit.Count), ReturnTemplateLayout.Columns.Value, "1.2k")));
        written.Add(Edit(Source("blackpool"), outputFolder, "blackpool-percentage-over-100.xlsx",
            "A percentage of 120 with no numerator or denominator: outside 0–100.",
            ws => SetPercentage(ws, Measure(packages, "blackpool", m => m.Unit == Domain.Frameworks.MeasureUnit.Percentage && !m.HasRatio, m => m.Unit == Domain.Frameworks.MeasureUnit.Percentage))));
        written.Add(Edit(Source("leeds"), outputFolder, "leeds-numerator-exceeds-denominator.xlsx",
            "More children reaching the outcome than were counted: numerator greater than denominator.",
            ws => SetRatio(ws, Measure(packages, "leeds", m => m.HasRatio), 412, 398)));
        written.Add(Edit(Source("north-east-lincolnshire"), outputFolder, "nel-approx-value-and-blank-required.xlsx",
            "\"approx 40\" in a value cell, and a required measure left blank.",
            ws =>
            {
                var codes = Codes(ws);
                SetFirst(ws, codes[0], ReturnTemplateLayout.Columns.Value, "approx 40");
                ClearRow(ws, codes[^1]);
            }));
        written.Add(Edit(Source("wiltshire"), outputFolder, "wiltshire-excel-error-value.xlsx",
            "A value cell holding the Excel error #DIV/0! (a formula that divided by zero).",
            ws => SetFirst(ws, Codes(ws)[0], ReturnTemplateLayout.Columns.Value, "#DIV/0!")));

        var essex = packages.First(p => SampleReturnGenerator.CouncilFolder(p) == "essex");
        var v1 = essex.Framework.Versions.First(v => v.Version == 1);
        var stalePath = Path.Combine(outputFolder, "essex-stale-template-version-1.xlsx");
        using (var stream = File.Create(stalePath))
        {
            ReturnTemplateWriter.Write(v1, essex.ReturningUnitsOn(quarter.End)[0], quarter, quarter.End.AddDays(20), null, stream);
        }

        written.Add(new ProblemFile(Path.GetFileName(stalePath), "A template made from framework version 1 used for a quarter under version 2: recognised as stale."));

        var pdfPath = Path.Combine(outputFolder, "not-a-spreadsheet.xlsx");
        File.WriteAllText(pdfPath, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        written.Add(new ProblemFile(Path.GetFileName(pdfPath), "A PDF renamed to .xlsx: not a spreadsheet at all."));

        File.WriteAllLines(Path.Combine(outputFolder, "README.md"),
            ["# Returns with deliberate problems", string.Empty,
             "Made by `outcomes samples generate` from the good returns beside them; the demo validates each (a dry run) and prints what an officer would be told.",
             string.Empty, "| file | the problem |", "|---|---|", .. written.Select(w => $"| `{w.FileName}` | {w.What} |")]);
        return written;
    }

    private static string Measure(IReadOnlyList<FrameworkPackage> packages, string council, params Func<Domain.Frameworks.Measure, bool>[] preferences)
    {
        var version = packages.First(p => SampleReturnGenerator.CouncilFolder(p) == council).Framework.Versions[^1];
        return preferences.Select(p => version.Measures.FirstOrDefault(m => m.Frequency != Domain.Frameworks.Frequency.Annual && p(m)))
            .First(m => m is not null)!.Code;
    }

    private static ProblemFile Edit(string source, string outputFolder, string name, string what, Action<IXLWorksheet> change)
    {
        using var workbook = new XLWorkbook(source);
        change(workbook.Worksheet(ReturnTemplateLayout.DataSheet));
        workbook.SaveAs(Path.Combine(outputFolder, name));
        return new ProblemFile(name, what);
    }

    private static List<string> Codes(IXLWorksheet ws) =>
        ws.RowsUsed().Where(r => r.RowNumber() >= ReturnTemplateLayout.FirstDataRow)
            .Select(r => r.Cell(ReturnTemplateLayout.Columns.Code).GetString()).Where(c => c.Length > 0).ToList();

    private static IXLRow Row(IXLWorksheet ws, string code) =>
        ws.RowsUsed().First(r => r.RowNumber() >= ReturnTemplateLayout.FirstDataRow && r.Cell(ReturnTemplateLayout.Columns.Code).GetString() == code);

    private static void SetFirst(IXLWorksheet ws, string code, int column, string text) => Row(ws, code).Cell(column).Value = text;

    private static void SetPercentage(IXLWorksheet ws, string code)
    {
        var row = Row(ws, code);
        row.Cell(ReturnTemplateLayout.Columns.Value).Value = 120;
        row.Cell(ReturnTemplateLayout.Columns.Numerator).Clear(XLClearOptions.Contents);
        row.Cell(ReturnTemplateLayout.Columns.Denominator).Clear(XLClearOptions.Contents);
    }

    private static void SetRatio(IXLWorksheet ws, string code, int numerator, int denominator)
    {
        var row = Row(ws, code);
        row.Cell(ReturnTemplateLayout.Columns.Value).Clear(XLClearOptions.Contents);
        row.Cell(ReturnTemplateLayout.Columns.Numerator).Value = numerator;
        row.Cell(ReturnTemplateLayout.Columns.Denominator).Value = denominator;
    }

    private static void ClearRow(IXLWorksheet ws, string code)
    {
        var row = Row(ws, code);
        foreach (var column in new[] { ReturnTemplateLayout.Columns.Value, ReturnTemplateLayout.Columns.Numerator, ReturnTemplateLayout.Columns.Denominator })
        {
            row.Cell(column).Clear(XLClearOptions.Contents);
        }
    }
}
