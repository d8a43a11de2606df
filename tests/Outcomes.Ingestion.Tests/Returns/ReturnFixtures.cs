using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Ingestion.Returns;

namespace Outcomes.Ingestion.Tests.Returns;

/// <summary>A small hand-made framework and helpers that write, fill and re-read real .xlsx bytes.</summary>
internal static class ReturnFixtures
{
    public static readonly OrgUnit Cluster = new("BRD-C1", "Bradford Cluster 1", OrgUnitType.Cluster, "BRD");

    public static readonly Period Q1 = Period.FinancialQuarter(2017, 1);

    public static readonly Period Q3 = Period.FinancialQuarter(2017, 3);

    public static readonly DateOnly Deadline = new(2017, 7, 31);

    public static FrameworkVersion Version(int version = 1) => new()
    {
        FrameworkCode = "BRD-CC",
        Version = version,
        EffectiveFrom = new DateOnly(2017, 4, 1),
        Measures =
        [
            new Measure { Code = "REG", Title = "Families registered", Unit = MeasureUnit.Count },
            new Measure { Code = "REF", Title = "Referrals", Unit = MeasureUnit.Count },
            new Measure { Code = "RR", Title = "Re-referrals", Unit = MeasureUnit.Count },
            new Measure
            {
                Code = "ENG", Title = "Registered families engaged", Unit = MeasureUnit.Percentage, Decimals = 1,
                Aggregation = Aggregation.Ratio, NumeratorLabel = "families engaged", DenominatorLabel = "families registered",
            },
            new Measure
            {
                Code = "GLD", Title = "Good level of development", Unit = MeasureUnit.Percentage, Decimals = 1,
                Aggregation = Aggregation.Ratio, Frequency = Frequency.Annual,
            },
            new Measure
            {
                Code = "CLA", Title = "Children looked after per 10,000", Unit = MeasureUnit.Rate, RatePer = 10000,
                Aggregation = Aggregation.Ratio, ReportedAt = "Authority",
            },
            new Measure { Code = "SPEND", Title = "Spend on outreach", Unit = MeasureUnit.Currency, Decimals = 2, Required = false },
        ],
        Rules =
        [
            new CrossMeasureRule("RR_LE_REF", "re-referrals are a subset of referrals", "RR", RuleOperator.LessThanOrEqual, "REF"),
        ],
    };

    public static byte[] Template(
        Period? period = null,
        FrameworkVersion? version = null,
        IReadOnlyDictionary<string, Observation>? previous = null,
        IReadOnlyDictionary<string, Observation>? prefill = null)
    {
        using var output = new MemoryStream();
        ReturnTemplateWriter.Write(version ?? Version(), Cluster, period ?? Q1, Deadline, previous, output, prefill);
        return output.ToArray();
    }

    /// <summary>Opens the workbook, lets the test type into it as a user would, and saves it again.</summary>
    public static byte[] Fill(byte[] xlsx, Action<IXLWorksheet> fill)
    {
        using var input = new MemoryStream(xlsx);
        using var workbook = new XLWorkbook(input);
        fill(workbook.Worksheet(ReturnTemplateLayout.DataSheet));
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>A template with every required measure answered sensibly for Q1.</summary>
    public static byte[] CompleteQ1(Action<IXLWorksheet>? more = null) =>
        Fill(Template(), ws =>
        {
            Cell(ws, "REG", "D").SetValue(120);
            Cell(ws, "REF", "D").SetValue(40);
            Cell(ws, "RR", "D").SetValue(5);
            Cell(ws, "ENG", "E").SetValue(30);
            Cell(ws, "ENG", "F").SetValue(120);
            more?.Invoke(ws);
        });

    public static ReturnReadResult Read(byte[] xlsx, FrameworkVersion? version = null) =>
        ReturnTemplateReader.Read("return.xlsx", new MemoryStream(xlsx), version ?? Version());

    public static int RowOf(IXLWorksheet ws, string code) =>
        ws.Column(1).CellsUsed().First(c => c.GetString() == code).Address.RowNumber;

    public static IXLCell Cell(IXLWorksheet ws, string code, string column) => ws.Cell(RowOf(ws, code), column);

    public static string Address(byte[] xlsx, string code, string column)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        return $"{column}{RowOf(workbook.Worksheet(ReturnTemplateLayout.DataSheet), code)}";
    }

    /// <summary>
    /// Rewrites one Data cell as Excel saves a formula: the formula plus its cached result, which may be an error
    /// value (t="e"). ClosedXML does not write cached results itself, so this goes through the Open XML SDK.
    /// </summary>
    public static byte[] WithFormula(byte[] xlsx, string address, string formula, string cachedValue, bool isError)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbookPart = document.WorkbookPart!;
            var sheet = workbookPart.Workbook.Descendants<Sheet>().First(s => s.Name == ReturnTemplateLayout.DataSheet);
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            var cell = part.Worksheet.Descendants<Cell>().First(c => c.CellReference == address);
            cell.RemoveAllChildren();
            cell.Append(new CellFormula(formula), new CellValue(cachedValue));
            cell.DataType = isError ? CellValues.Error : null;
            part.Worksheet.Save();
        }

        return stream.ToArray();
    }
}
