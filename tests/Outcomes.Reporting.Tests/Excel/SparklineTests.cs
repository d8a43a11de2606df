using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Outcomes.Reporting.Excel;
using X14 = DocumentFormat.OpenXml.Office2010.Excel;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>The Trends sheet's sparklines, read with the OpenXML SDK (ClosedXML 0.95.4 does not know them).</summary>
public class SparklineTests
{
    private static (WorksheetPart Part, List<X14.SparklineGroup> Groups) Trends(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Trends");
        var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
        var groups = part.Worksheet.Descendants<X14.SparklineGroup>().ToList();
        return (part, groups);
    }

    [Test]
    public void Each_measure_with_figures_has_a_line_sparkline_over_its_own_period_cells()
    {
        using var document = SpreadsheetDocument.Open(ExcelSamplePack.Path, isEditable: false);
        var (part, groups) = Trends(document);
        var sparklines = groups.Single().Descendants<X14.Sparkline>()
            .Select(s => (Data: s.GetFirstChild<DocumentFormat.OpenXml.Office.Excel.Formula>()!.Text,
                          Cell: s.GetFirstChild<DocumentFormat.OpenXml.Office.Excel.ReferenceSequence>()!.Text))
            .ToList();
        using var workbook = ExcelSamplePack.Open();
        var sheet = workbook.Worksheet("Trends");

        Assert.Multiple(() =>
        {
            Assert.That(part.Worksheet.GetFirstChild<WorksheetExtensionList>()!.Elements<WorksheetExtension>().Select(e => e.Uri?.Value),
                Does.Contain(SparklineInjector.ExtensionUri));
            Assert.That(groups.Single().Type?.Value ?? X14.SparklineTypeValues.Line, Is.EqualTo(X14.SparklineTypeValues.Line));
            Assert.That(groups.Single().DisplayEmptyCellsAs?.Value, Is.EqualTo(X14.DisplayBlanksAsValues.Gap));
            Assert.That(sparklines, Has.Count.EqualTo(8), "the nine measures less NEWREG, which has no figures");
            foreach (var (data, cell) in sparklines)
            {
                var row = sheet.Cell(cell).Address.RowNumber;
                Assert.That(sheet.Cell(row, 4).Address.ToStringRelative(), Is.EqualTo(cell), "drawn in the Trend column");
                Assert.That(data, Is.EqualTo($"Trends!E{row}:H{row}"), sheet.Cell(row, 1).GetString());
            }

            Assert.That(sparklines.Select(s => sheet.Cell(s.Cell).Address.RowNumber).Select(r => sheet.Cell(r, 1).GetString()),
                Is.EqualTo(ExcelSamplePack.Version.Measures.Select(m => m.Code).Where(c => c != "NEWREG")));
        });
    }

    [Test]
    public void The_sheet_with_sparklines_is_valid_office_2010_xml()
    {
        using var document = SpreadsheetDocument.Open(ExcelSamplePack.Path, isEditable: false);
        var (part, _) = Trends(document);

        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010).Validate(part)
            .Select(e => $"{e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void The_whole_workbook_is_valid_office_2010_xml()
    {
        using var document = SpreadsheetDocument.Open(ExcelSamplePack.Path, isEditable: false);

        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void ClosedXML_still_opens_the_workbook_after_the_sparklines_are_added()
    {
        using var workbook = ExcelSamplePack.Open();

        Assert.That(workbook.Worksheet("Trends").Cell(5, 1).GetString(), Is.EqualTo("REG-U5"));
    }

    [Test]
    public void Sheet_names_that_need_quotes_get_them()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SparklineInjector.SheetReference("Trends"), Is.EqualTo("Trends!"));
            Assert.That(SparklineInjector.SheetReference("Gap measures"), Is.EqualTo("'Gap measures'!"));
            Assert.That(SparklineInjector.SheetReference("Children's trends"), Is.EqualTo("'Children''s trends'!"));
        });
    }

    [Test]
    public void A_sheet_with_a_quoted_name_gets_sparklines_referring_to_it()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Gap measures");
        var specs = TrendsSheetWriter.Write(sheet, "Gaps", ["2024-25 Q4", "2025-26 Q1"],
        [
            new TrendRow
            {
                OrgUnitCode = "BRD", Code = "GAP", Title = "Gap", UnitText = "%", NumberFormat = "0.0",
                Figures = [new PeriodFigure("2024-25 Q4", 3m, "3.0"), new PeriodFigure("2025-26 Q1", 2.5m, "2.5")],
            },
        ]);
        using var stream = new MemoryStream();
        SparklineInjector.Save(workbook, stream, new Dictionary<string, IReadOnlyList<SparklineSpec>> { ["Gap measures"] = specs });
        stream.Position = 0;

        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var formula = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Office.Excel.Formula>().Single();
        Assert.That(formula.Text, Is.EqualTo("'Gap measures'!E5:F5"));
    }
}
