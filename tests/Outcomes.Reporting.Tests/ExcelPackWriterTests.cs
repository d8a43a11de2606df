using ClosedXML.Excel;
using Outcomes.Reporting.Excel;

namespace Outcomes.Reporting.Tests;

public class ExcelPackWriterTests
{
    private static XLWorkbook WriteAndReadBack()
    {
        var stream = new MemoryStream();
        ExcelPackWriter.Write(SamplePack.Model(), stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    private static IXLRow RowFor(IXLWorksheet sheet, string code) =>
        sheet.RowsUsed().Single(r => r.Cell(2).GetString() == code);

    [Test]
    public void Has_the_four_sheets_in_order()
    {
        using var workbook = WriteAndReadBack();

        Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(new[] { "Cover", "Scorecard", "Data", "Definitions" }));
    }

    [Test]
    public void Scorecard_has_numbers_with_unit_formats_and_status_letters_in_their_own_filled_column()
    {
        using var workbook = WriteAndReadBack();
        var sheet = workbook.Worksheet("Scorecard");
        var reg = RowFor(sheet, "REG-U5");
        var reref = RowFor(sheet, "REREF");
        var teen = RowFor(sheet, "TEEN");

        Assert.Multiple(() =>
        {
            Assert.That(sheet.Cell(4, 7).GetString(), Is.EqualTo("RAG"));
            Assert.That(reg.Cell(5).GetDouble(), Is.EqualTo(64.0));
            Assert.That(reg.Cell(5).Style.NumberFormat.Format, Is.EqualTo("0.0\"%\""));
            Assert.That(RowFor(sheet, "ENG-U5").Cell(5).GetDouble(), Is.EqualTo(71.3));
            Assert.That(RowFor(sheet, "LOWINC").Cell(5).Style.NumberFormat.Format, Is.EqualTo("#,##0"));
            Assert.That(teen.Cell(5).GetString(), Is.EqualTo("c"));
            Assert.That(reg.Cell(7).GetString(), Is.EqualTo("G"));
            Assert.That(reref.Cell(7).GetString(), Is.EqualTo("R"));
            Assert.That(reref.Cell(7).Style.Fill.BackgroundColor.Color.ToArgb() & 0xFFFFFF, Is.EqualTo(0xD4351C));
            Assert.That(reref.Cell(10).GetString(), Is.EqualTo("Worsening"));
        });
    }

    [Test]
    public void Commentary_that_looks_like_a_formula_stays_text()
    {
        using var workbook = WriteAndReadBack();
        var cell = RowFor(workbook.Worksheet("Scorecard"), "REG-U5").Cell(14);

        Assert.Multiple(() =>
        {
            Assert.That(cell.HasFormula, Is.False);
            Assert.That(cell.FormulaA1, Is.Empty);
            Assert.That(cell.DataType, Is.EqualTo(XLDataType.Text));
            Assert.That(cell.GetString(), Is.EqualTo("=SUM(A1)"));
            Assert.That(workbook.Worksheets.SelectMany(w => w.CellsUsed()).Any(c => c.HasFormula), Is.False);
        });
    }

    [Test]
    public void Headers_are_frozen_and_repeated_columns_have_widths_and_pages_are_landscape_fit_to_width()
    {
        using var workbook = WriteAndReadBack();
        var scorecard = workbook.Worksheet("Scorecard");
        var data = workbook.Worksheet("Data");

        Assert.Multiple(() =>
        {
            Assert.That(scorecard.SheetView.SplitRow, Is.EqualTo(4));
            Assert.That(data.SheetView.SplitRow, Is.EqualTo(1));
            Assert.That(workbook.Worksheet("Definitions").SheetView.SplitRow, Is.EqualTo(1));
            Assert.That(scorecard.Column(3).Width, Is.EqualTo(44));
            Assert.That(scorecard.Column(14).Width, Is.EqualTo(60));
            Assert.That(data.Column(4).Width, Is.EqualTo(44));
            Assert.That(scorecard.PageSetup.PageOrientation, Is.EqualTo(XLPageOrientation.Landscape));
            Assert.That(scorecard.PageSetup.PagesWide, Is.EqualTo(1));
            Assert.That(scorecard.PageSetup.PagesTall, Is.EqualTo(0));
            Assert.That(scorecard.PageSetup.FirstRowToRepeatAtTop, Is.EqualTo(4));
        });
    }

    [Test]
    public void Data_is_a_filtered_table_in_long_format_with_history()
    {
        using var workbook = WriteAndReadBack();
        var data = workbook.Worksheet("Data");
        var table = data.Tables.Single();

        Assert.Multiple(() =>
        {
            Assert.That(table.Name, Is.EqualTo("PackData"));
            Assert.That(table.ShowAutoFilter, Is.True);
            Assert.That(table.DataRange.RowCount(), Is.EqualTo(7 * 4));
            Assert.That(table.HeadersRow().Cell(7).GetString(), Is.EqualTo("Value"));
            var teenNow = table.DataRange.Rows().Single(r => r.Cell(3).GetString() == "TEEN" && r.Cell(2).GetString() == "2025-26 Q1");
            Assert.That(teenNow.Cell(7).IsEmpty(), Is.True);
            Assert.That(teenNow.Cell(8).GetString(), Is.EqualTo("c"));
        });
    }

    [Test]
    public void Cover_carries_the_front_sheet_and_summary()
    {
        using var workbook = WriteAndReadBack();
        var cover = workbook.Worksheet("Cover");
        var text = string.Join("\n", cover.CellsUsed().Select(c => c.GetString()));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("City of Bradford Metropolitan District Council"));
            Assert.That(text, Does.Contain("3 of 7 measures green or better"));
            Assert.That(text, Does.Contain("10 September 2025"));
            Assert.That(workbook.Properties.Title, Does.Contain("Bradford North Cluster"));
        });
    }

    [Test]
    public void Writes_to_a_path()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "board-pack.xlsx");
        ExcelPackWriter.Write(SamplePack.Model(), path);

        using var workbook = new XLWorkbook(path);
        Assert.That(workbook.Worksheets, Has.Count.EqualTo(4));
    }
}
