using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using X14 = DocumentFormat.OpenXml.Office2010.Excel;
using Xm = DocumentFormat.OpenXml.Office.Excel;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>The scrutiny workbook's Trends sheet: every measure × unit over the quarters, with sparklines read by the OpenXML SDK.</summary>
public class ScrutinyTrendsSheetTests
{
    private static readonly string[] Quarters =
        ["2017-18 Q1", "2017-18 Q2", "2017-18 Q3", "2017-18 Q4", "2018-19 Q1", "2018-19 Q2", "2018-19 Q3", "2018-19 Q4"];

    private static IXLRow Row(IXLWorksheet sheet, string unit, string code) =>
        sheet.RowsUsed().Single(r => r.RowNumber() > 4 && r.Cell(1).GetString() == unit && r.Cell(2).GetString() == code);

    [Test]
    public void Has_a_row_per_measure_and_unit_with_quarters_as_columns()
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var sheet = workbook.Worksheet("Trends");
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > 4).Select(r => $"{r.Cell(2).GetString()} {r.Cell(1).GetString()}").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(sheet.Row(4).Cells(1, 5).Select(c => c.GetString()), Is.EqualTo(new[] { "Org unit", "Code", "Measure", "Unit", "Trend" }));
            Assert.That(sheet.Row(4).Cells(6, 13).Select(c => c.GetString()), Is.EqualTo(Quarters));
            Assert.That(rows, Is.EqualTo(new[]
            {
                "REACH North", "REACH South", "REACH West", "REACH Authority", "VISITS North", "VISITS South", "VISITS West", "VISITS Authority",
                "GLD North", "GLD South", "GLD West", "GLD Authority", "CLA Authority", "NEWREG Authority",
            }));
        });
    }

    [Test]
    public void Figures_match_the_model_and_hidden_ones_stay_text()
    {
        var data = ExcelSampleScrutiny.Model().Data;
        using var workbook = ExcelSampleScrutiny.Open();
        var sheet = workbook.Worksheet("Trends");
        var authority = Row(sheet, "Authority", "REACH");

        Assert.Multiple(() =>
        {
            Assert.That(authority.Cells(6, 13).Select(c => c.GetDouble()),
                Is.EqualTo(data.Where(d => d.OrgUnitCode == "BRD" && d.MeasureCode == "REACH").Select(d => (double)d.Value!.Value)));
            Assert.That(authority.Cell(13).Style.NumberFormat.Format, Is.EqualTo("0.0\"%\""));
            Assert.That(Row(sheet, "North", "REACH").Cells(10, 13).Select(c => c.GetDouble()), Is.EqualTo(new[] { 82.0, 84.0, 83.0, 85.0 }));
            Assert.That(Row(sheet, "North", "REACH").Cell(9).IsEmpty(), Is.True, "no figure held for that quarter");
            Assert.That(Row(sheet, "West", "REACH").Cell(13).GetString(), Is.EqualTo("c"));
            Assert.That(Row(sheet, "West", "VISITS").Cell(13).DataType, Is.EqualTo(XLDataType.Text));
            Assert.That(Row(sheet, "Authority", "CLA").Cell(13).GetString(), Is.EqualTo("No data"));
        });
    }

    [Test]
    public void Every_row_with_a_figure_shown_has_a_sparkline_over_its_own_quarter_cells()
    {
        using var document = SpreadsheetDocument.Open(ExcelSampleScrutiny.Path, isEditable: false);
        var workbookPart = document.WorkbookPart!;
        var sheetId = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Trends").Id!.Value!;
        var groups = ((WorksheetPart)workbookPart.GetPartById(sheetId)).Worksheet.Descendants<X14.SparklineGroup>().ToList();
        var sparklines = groups.Single().Descendants<X14.Sparkline>()
            .Select(s => (Data: s.GetFirstChild<Xm.Formula>()!.Text, Cell: s.GetFirstChild<Xm.ReferenceSequence>()!.Text))
            .ToList();
        using var workbook = ExcelSampleScrutiny.Open();
        var sheet = workbook.Worksheet("Trends");

        Assert.Multiple(() =>
        {
            Assert.That(sparklines, Has.Count.EqualTo(11), "14 rows less West's two hidden figures and CLA's none");
            foreach (var (data, cell) in sparklines)
            {
                var row = sheet.Cell(cell).Address.RowNumber;
                Assert.That(cell, Is.EqualTo($"E{row}"), "drawn in the Trend column");
                Assert.That(data, Is.EqualTo($"Trends!F{row}:M{row}"));
            }

            var drawn = sparklines.Select(s => sheet.Cell(s.Cell).Address.RowNumber).Select(r => $"{sheet.Cell(r, 2).GetString()} {sheet.Cell(r, 1).GetString()}").ToList();
            Assert.That(drawn, Does.Not.Contain("REACH West").And.Not.Contain("VISITS West").And.Not.Contain("CLA Authority"));
            Assert.That(drawn, Does.Contain("REACH North").And.Contain("NEWREG Authority"));
        });
    }
}
