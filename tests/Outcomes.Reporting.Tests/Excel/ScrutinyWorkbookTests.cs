using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Outcomes.Reporting.Excel.Scrutiny;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>What every sheet of the scrutiny workbook shares with the board workbook: order, frozen headers, print set-up, widths, no merged cells.</summary>
public class ScrutinyWorkbookTests
{
    /// <summary>Sheet → the header row frozen and repeated on every printed page, the first repeated row, and the columns kept in view.</summary>
    private static readonly (string Sheet, int HeaderRow, int FirstRepeatedRow, int FrozenColumns)[] Sheets =
    [
        ("Cover", 2, 1, 0), ("Overview", 4, 4, 2), ("Trends", 4, 4, 5), ("Data", 1, 1, 0), ("SPC", 4, 4, 3),
        ("Comparison", 4, 4, 2), ("Gaps", 4, 4, 2), ("Definitions", 1, 1, 2),
    ];

    [Test]
    public void Has_the_eight_sheets_in_order()
    {
        using var workbook = ExcelSampleScrutiny.Open();

        Assert.Multiple(() =>
        {
            Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(Sheets.Select(s => s.Sheet)));
            Assert.That(ScrutinyExcelWriter.SheetNames, Is.EqualTo(Sheets.Select(s => s.Sheet)));
        });
    }

    [Test]
    public void Every_sheet_freezes_its_header_rows_and_leading_columns()
    {
        using var workbook = ExcelSampleScrutiny.Open();

        Assert.Multiple(() =>
        {
            foreach (var (sheet, headerRow, _, frozenColumns) in Sheets)
            {
                Assert.That(workbook.Worksheet(sheet).SheetView.SplitRow, Is.EqualTo(headerRow), sheet);
                Assert.That(workbook.Worksheet(sheet).SheetView.SplitColumn, Is.EqualTo(frozenColumns), sheet);
            }
        });
    }

    [Test]
    public void Every_sheet_prints_landscape_one_page_wide_with_its_header_rows_repeated()
    {
        using var workbook = ExcelSampleScrutiny.Open();

        Assert.Multiple(() =>
        {
            foreach (var (sheet, headerRow, firstRepeated, _) in Sheets)
            {
                var setup = workbook.Worksheet(sheet).PageSetup;
                Assert.That(setup.PageOrientation, Is.EqualTo(XLPageOrientation.Landscape), sheet);
                Assert.That(setup.PagesWide, Is.EqualTo(1), sheet);
                Assert.That(setup.PagesTall, Is.EqualTo(0), sheet);
                Assert.That(setup.PaperSize, Is.EqualTo(XLPaperSize.A4Paper), sheet);
                Assert.That(setup.FirstRowToRepeatAtTop, Is.EqualTo(firstRepeated), sheet);
                Assert.That(setup.LastRowToRepeatAtTop, Is.EqualTo(headerRow), sheet);
            }
        });
    }

    [Test]
    public void Every_used_column_has_an_explicit_width_and_no_sheet_has_merged_cells()
    {
        using var workbook = ExcelSampleScrutiny.Open();

        Assert.Multiple(() =>
        {
            foreach (var ws in workbook.Worksheets)
            {
                var used = ws.RangeUsed()!;
                for (var c = 1; c <= used.LastColumn().ColumnNumber(); c++)
                {
                    Assert.That(ws.Column(c).Width, Is.Not.EqualTo(ws.ColumnWidth), $"{ws.Name} column {c}");
                }

                Assert.That(ws.MergedRanges, Is.Empty, ws.Name);
            }
        });
    }

    [Test]
    public void Data_SPC_Comparison_and_Gaps_are_filtered_tables()
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var tables = workbook.Worksheets.SelectMany(w => w.Tables.Select(t => (Sheet: w.Name, Table: t))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(tables.Select(t => (t.Sheet, t.Table.Name)),
                Is.EqualTo(new[] { ("Data", "ScrutinyData"), ("SPC", "ScrutinySpc"), ("Comparison", "ScrutinyComparison"), ("Gaps", "ScrutinyGaps") }));
            Assert.That(tables.Select(t => t.Table.ShowAutoFilter), Is.All.True);
            Assert.That(tables.Select(t => t.Table.AutoFilter), Is.All.Not.Null);
        });
    }

    [Test]
    public void The_cover_carries_the_front_sheet_and_the_properties_carry_the_title()
    {
        var model = ExcelSampleScrutiny.Model();
        using var workbook = ExcelSampleScrutiny.Open();
        var cover = workbook.Worksheet("Cover");
        string Line(string label) => cover.Column(1).CellsUsed().Single(c => c.GetString() == label).CellRight().GetString();

        Assert.Multiple(() =>
        {
            Assert.That(cover.Cell(1, 1).GetString(), Is.EqualTo(model.CouncilName));
            Assert.That(cover.Cell(2, 1).GetString(), Is.EqualTo(model.FrontSheet.Title));
            Assert.That(Line("Report to"), Is.EqualTo("Children's Services Overview and Scrutiny Committee"));
            Assert.That(Line("Date of meeting"), Is.EqualTo("20 June 2019"));
            Assert.That(Line("Data as at"), Is.EqualTo("20 April 2019"), "from the data, not the clock");
            Assert.That(Line("Quarters"), Is.EqualTo("8 quarters, 2017-18 Q1 to 2018-19 Q4"));
            Assert.That(Line("Units"), Does.Contain("North: North cluster (BRD-CL1)").And.Contain($"Authority: {model.AuthorityName} (BRD)"));
            Assert.That(Line("Summary"), Does.StartWith(model.Summary[0]));
            Assert.That(workbook.Properties.Title, Is.EqualTo(model.DocumentTitle));
            Assert.That(workbook.Properties.Author, Is.EqualTo(model.CouncilName));
        });
    }

    [Test]
    public void The_whole_workbook_is_valid_office_2010_xml()
    {
        using var document = SpreadsheetDocument.Open(ExcelSampleScrutiny.Path, isEditable: false);

        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Writes_the_same_workbook_to_a_stream()
    {
        using var stream = new MemoryStream();
        ScrutinyExcelWriter.Write(ExcelSampleScrutiny.Model(), stream);
        stream.Position = 0;

        using var workbook = new XLWorkbook(stream);
        Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(Sheets.Select(s => s.Sheet)));
    }
}
