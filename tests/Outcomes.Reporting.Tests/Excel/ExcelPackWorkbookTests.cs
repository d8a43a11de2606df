using ClosedXML.Excel;
using Outcomes.Reporting.Excel;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>What every sheet of the Excel board pack shares: order, frozen headers, print set-up, widths, no merged cells.</summary>
public class ExcelPackWorkbookTests
{
    /// <summary>Sheet → the header row frozen on screen and repeated on every printed page.</summary>
    private static readonly (string Sheet, int HeaderRow, int FirstRepeatedRow)[] Sheets =
    [
        ("Cover", 2, 1), ("Scorecard", 4, 4), ("Trends", 4, 4), ("Data", 1, 1), ("SPC", 4, 4), ("Definitions", 1, 1),
    ];

    [Test]
    public void Has_the_six_sheets_in_order()
    {
        using var workbook = ExcelSamplePack.Open();

        Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(Sheets.Select(s => s.Sheet)));
    }

    [Test]
    public void Every_sheet_freezes_its_header_rows()
    {
        using var workbook = ExcelSamplePack.Open();

        Assert.Multiple(() =>
        {
            foreach (var (sheet, headerRow, _) in Sheets)
            {
                Assert.That(workbook.Worksheet(sheet).SheetView.SplitRow, Is.EqualTo(headerRow), sheet);
            }

            Assert.That(workbook.Worksheet("Trends").SheetView.SplitColumn, Is.EqualTo(4), "Trends keeps code, measure, unit and trend in view");
        });
    }

    [Test]
    public void Every_sheet_prints_landscape_one_page_wide_with_its_header_rows_repeated()
    {
        using var workbook = ExcelSamplePack.Open();

        Assert.Multiple(() =>
        {
            foreach (var (sheet, headerRow, firstRepeated) in Sheets)
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
    public void Every_used_column_has_an_explicit_width()
    {
        using var workbook = ExcelSamplePack.Open();

        Assert.Multiple(() =>
        {
            foreach (var ws in workbook.Worksheets)
            {
                var used = ws.RangeUsed()!;
                for (var c = 1; c <= used.LastColumn().ColumnNumber(); c++)
                {
                    Assert.That(ws.Column(c).Width, Is.Not.EqualTo(ws.ColumnWidth), $"{ws.Name} column {c}");
                }
            }

            Assert.That(workbook.Worksheet("Scorecard").Column(3).Width, Is.EqualTo(40));
            Assert.That(workbook.Worksheet("Data").Column(4).Width, Is.EqualTo(40));
            Assert.That(workbook.Worksheet("Definitions").Column(3).Width, Is.EqualTo(70));
        });
    }

    [Test]
    public void No_sheet_has_merged_cells()
    {
        using var workbook = ExcelSamplePack.Open();

        Assert.That(workbook.Worksheets.Select(w => (w.Name, w.MergedRanges.Count)), Has.All.Matches<(string, int Count)>(x => x.Count == 0));
    }

    [Test]
    public void Carries_the_title_and_author_from_the_model()
    {
        using var workbook = ExcelSamplePack.Open();

        Assert.Multiple(() =>
        {
            Assert.That(workbook.Properties.Title, Does.Contain("Bradford North Cluster"));
            Assert.That(workbook.Properties.Author, Is.EqualTo("City of Bradford Metropolitan District Council"));
        });
    }

    [Test]
    public void Writes_the_same_workbook_to_a_stream()
    {
        using var stream = new MemoryStream();
        ExcelPackWriter.Write(ExcelSamplePack.Model(), stream);
        stream.Position = 0;

        using var workbook = new XLWorkbook(stream);
        Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(Sheets.Select(s => s.Sheet)));
    }
}
