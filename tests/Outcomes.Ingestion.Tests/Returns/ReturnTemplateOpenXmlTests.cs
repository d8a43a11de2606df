using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static Outcomes.Ingestion.Tests.Returns.ReturnFixtures;

namespace Outcomes.Ingestion.Tests.Returns;

/// <summary>What Excel will see when it opens the file: schema-valid parts, formulas as Excel spells them.</summary>
public class ReturnTemplateOpenXmlTests
{
    [Test]
    public void The_template_is_valid_Open_XML()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Template(Q3)), false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.That(errors, Is.Empty, string.Join("\n", errors));
    }

    [Test]
    public void Validation_formulas_are_written_without_a_leading_equals_and_the_identity_sheet_is_very_hidden()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Template()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Descendants<Sheet>().ToList();
        var data = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == "Data").Id!);
        var formulas = data.Worksheet.Descendants<DataValidation>().Select(v => v.Formula1?.Text ?? string.Empty).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(formulas, Is.Not.Empty);
            Assert.That(formulas, Has.None.StartWith("="));
            Assert.That(sheets.Single(s => s.Name == "_template").State?.Value, Is.EqualTo(SheetStateValues.VeryHidden));
            Assert.That(data.Worksheet.Descendants<SheetProtection>().Single().Sheet?.Value, Is.True);
        });
    }
}
