using ClosedXML.Excel;
using Outcomes.Reporting.Excel;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>Text beginning = + - @ (commentary, titles, definitions) is written as text on every sheet, never as a formula.</summary>
public class FormulaTextTests
{
    [Test]
    public void No_cell_in_the_workbook_holds_a_formula()
    {
        using var workbook = ExcelSamplePack.Open();

        Assert.That(workbook.Worksheets.SelectMany(w => w.CellsUsed()).Where(c => c.HasFormula).Select(c => c.Address.ToString()), Is.Empty);
    }

    [Test]
    public void Commentary_that_looks_like_a_formula_stays_text()
    {
        using var workbook = ExcelSamplePack.Open();
        var cell = SheetRows.ByCode(workbook.Worksheet("Scorecard"), 2, "REG-U5").Cell(16);

        Assert.Multiple(() =>
        {
            Assert.That(cell.HasFormula, Is.False);
            Assert.That(cell.FormulaA1, Is.Empty);
            Assert.That(cell.DataType, Is.EqualTo(XLDataType.Text));
            Assert.That(cell.GetString(), Is.EqualTo("=SUM(A1)"));
            Assert.That(cell.Style.IncludeQuotePrefix, Is.True);
        });
    }

    [TestCase("Scorecard")]
    [TestCase("Trends")]
    [TestCase("Definitions")]
    public void A_measure_title_starting_with_equals_stays_text(string sheet)
    {
        using var workbook = ExcelSamplePack.Open();
        var cell = workbook.Worksheet(sheet).CellsUsed().Single(c => c.GetString() == ExcelSamplePack.FormulaTitle);

        Assert.Multiple(() =>
        {
            Assert.That(cell.HasFormula, Is.False);
            Assert.That(cell.DataType, Is.EqualTo(XLDataType.Text));
            Assert.That(cell.Style.IncludeQuotePrefix, Is.True);
        });
    }

    [Test]
    public void Definitions_starting_with_at_or_minus_stay_text()
    {
        using var workbook = ExcelSamplePack.Open();
        var cells = workbook.Worksheet("Definitions").CellsUsed().Where(c => c.GetString().StartsWith('@') || c.GetString().StartsWith('-')).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(cells.Select(c => c.GetString()), Is.EquivalentTo(new[] { "@risk: contacts made, per 1,000 children under 5.", "-1 means none were counted." }));
            Assert.That(cells.All(c => c.DataType == XLDataType.Text && !c.HasFormula && c.Style.IncludeQuotePrefix), Is.True);
        });
    }

    [TestCase("=1+1", true)]
    [TestCase("+44 1274 000000", true)]
    [TestCase("-3", true)]
    [TestCase("@SUM(A1)", true)]
    [TestCase("Re-referrals", false)]
    [TestCase("", false)]
    public void Knows_what_a_spreadsheet_would_read_as_a_formula(string text, bool expected) =>
        Assert.That(CellText.LooksLikeFormula(text), Is.EqualTo(expected));

    [Test]
    public void Text_that_looks_like_a_number_stays_text_too()
    {
        using var workbook = new XLWorkbook();
        var cell = CellText.Write(workbook.Worksheets.Add("S").Cell(1, 1), "-3");
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;

        using var back = new XLWorkbook(stream);
        var read = back.Worksheet("S").Cell(1, 1);
        Assert.Multiple(() =>
        {
            Assert.That(read.DataType, Is.EqualTo(XLDataType.Text));
            Assert.That(read.GetString(), Is.EqualTo("-3"));
            Assert.That(cell.HasFormula, Is.False);
        });
    }
}
