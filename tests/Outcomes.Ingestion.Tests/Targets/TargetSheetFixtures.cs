using System.Text;
using ClosedXML.Excel;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Ingestion.Targets;

namespace Outcomes.Ingestion.Tests.Targets;

/// <summary>A small framework of two versions and an authority of three units, and real .xlsx and .csv files built from rows.</summary>
internal static class TargetSheetFixtures
{
    public static readonly string[] Headers = TargetSheetLayout.Columns.Select(c => c.Header).ToArray();

    public static TargetSheetContext Context()
    {
        Measure[] first =
        [
            new() { Code = "P1", Title = "Reach", Unit = MeasureUnit.Percentage, Polarity = Polarity.HigherIsBetter, Aggregation = Aggregation.Ratio, CiMethod = ConfidenceIntervalMethod.Wilson },
            new() { Code = "L1", Title = "Re-referrals", Unit = MeasureUnit.Percentage, Polarity = Polarity.LowerIsBetter, Aggregation = Aggregation.Ratio },
            new() { Code = "C1", Title = "Families supported", Unit = MeasureUnit.Count, Cumulative = true },
            new() { Code = "C2", Title = "Annual survey returns", Unit = MeasureUnit.Count, Frequency = Frequency.Annual },
            new() { Code = "A1", Title = "School readiness", Unit = MeasureUnit.Percentage, ReportedAt = "Authority" },
        ];
        var framework = new Framework
        {
            Code = "TST-FW",
            Name = "Testshire outcomes",
            AuthorityCode = "TST",
            ReturningLevel = "Centre",
            Versions =
            [
                new FrameworkVersion { FrameworkCode = "TST-FW", Version = 1, EffectiveFrom = new DateOnly(2016, 4, 1), EffectiveTo = new DateOnly(2019, 3, 31), Measures = first },
                new FrameworkVersion
                {
                    FrameworkCode = "TST-FW", Version = 2, EffectiveFrom = new DateOnly(2019, 4, 1),
                    Measures = [.. first, new Measure { Code = "P2", Title = "Take-up", Unit = MeasureUnit.Percentage }],
                },
            ],
        };
        OrgUnit[] units =
        [
            new("TST", "Testshire County Council", OrgUnitType.Authority, "TST"),
            new("TST-CL1", "North cluster", OrgUnitType.Cluster, "TST"),
            new("TST-CE1", "Oak children's centre", OrgUnitType.Centre, "TST"),
            new("OTH-CL1", "Another council's cluster", OrgUnitType.Cluster, "OTH"),
        ];
        return new TargetSheetContext(framework, units);
    }

    /// <summary>A workbook whose Targets sheet has the template's headers and these rows (null leaves a cell empty; a DateTime is a date cell).</summary>
    public static byte[] Workbook(IEnumerable<object?[]> rows, string sheetName = TargetSheetLayout.Sheet, string[]? headers = null, Action<IXLWorksheet>? tweak = null)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.AddWorksheet(sheetName);
        headers ??= Headers;
        for (var c = 0; c < headers.Length; c++)
        {
            ws.Cell(1, c + 1).Value = headers[c];
        }

        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = ws.Cell(r, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case string s:
                        cell.SetValue(s);
                        break;
                    case DateTime d:
                        cell.Value = d;
                        cell.Style.DateFormat.Format = "yyyy-mm-dd";
                        break;
                    case var v:
                        cell.Value = Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                }
            }

            r++;
        }

        tweak?.Invoke(ws);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static byte[] CsvFile(IEnumerable<object?[]> rows)
    {
        var text = new StringBuilder(string.Join(',', Headers)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', Enumerable.Range(0, Headers.Length).Select(i => i < row.Length && row[i] is { } v
                ? Quote(v is DateTime d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!)
                : string.Empty))).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A row in template column order: unit, name, measure, title, from, to, target, stretch, tolerance, kind, source, then named extras.</summary>
    public static object?[] Row(
        object? unit, object? measure, object? from, object? to, object? value, object? stretch = null, object? tolerance = null, object? kind = null,
        object? source = null, object? phasing = null, object? profile = null, object? baselineValue = null, object? baselineDate = null,
        object? targetDate = null, object? useInterval = null, object? setOn = null, object? setBy = null) =>
        [unit, null, measure, null, from, to, value, stretch, tolerance, kind, source, phasing, profile, baselineValue, baselineDate, targetDate, useInterval, setOn, setBy];

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
}
