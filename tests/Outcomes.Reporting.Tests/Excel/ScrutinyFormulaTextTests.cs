using ClosedXML.Excel;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>Text beginning = + - @ in the scrutiny workbook (a measure title, a definition) is text, never a formula.</summary>
public class ScrutinyFormulaTextTests
{
    [Test]
    public void No_cell_in_the_workbook_holds_a_formula()
    {
        using var workbook = ExcelSampleScrutiny.Open();

        Assert.That(workbook.Worksheets.SelectMany(w => w.CellsUsed()).Where(c => c.HasFormula).Select(c => $"{c.Worksheet.Name}!{c.Address}"), Is.Empty);
    }

    [TestCase("Overview")]
    [TestCase("Trends")]
    [TestCase("Data")]
    [TestCase("Definitions")]
    public void A_measure_title_starting_with_plus_stays_text(string sheet)
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var cells = workbook.Worksheet(sheet).CellsUsed().Where(c => c.GetString() == ExcelSampleScrutiny.FormulaTitle).ToList();

        Assert.That(cells, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var cell in cells)
            {
                Assert.That(cell.HasFormula, Is.False);
                Assert.That(cell.DataType, Is.EqualTo(XLDataType.Text));
                Assert.That(cell.Style.IncludeQuotePrefix, Is.True);
            }
        });
    }

    [Test]
    public void A_definition_starting_with_equals_stays_those_characters()
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var cell = SheetRows.ByCode(workbook.Worksheet("Definitions"), 1, "NEWREG").Cell(3);

        Assert.Multiple(() =>
        {
            Assert.That(cell.GetString(), Is.EqualTo(ExcelSampleScrutiny.FormulaDefinition));
            Assert.That(cell.FormulaA1, Is.Empty);
            Assert.That(cell.Style.IncludeQuotePrefix, Is.True);
        });
    }
}
