using ClosedXML.Excel;
using Outcomes.Reporting.Excel;

namespace Outcomes.Reporting.Tests.Excel;

public class CoverSheetTests
{
    [Test]
    public void Carries_the_front_sheet_and_summary_as_label_and_value_pairs()
    {
        using var workbook = ExcelSamplePack.Open();
        var cover = workbook.Worksheet("Cover");
        string Value(string label) => cover.Column(1).CellsUsed().Single(c => c.GetString() == label).CellRight().GetString();

        Assert.Multiple(() =>
        {
            Assert.That(cover.Cell(1, 1).GetString(), Is.EqualTo("City of Bradford Metropolitan District Council"));
            Assert.That(cover.Cell(2, 1).GetString(), Is.EqualTo("Children's centre outcomes: Bradford North Cluster, 2025-26 Q1"));
            Assert.That(Value("Agenda item"), Is.EqualTo("7"));
            Assert.That(Value("Date of meeting"), Is.EqualTo("10 September 2025"));
            Assert.That(Value("Data as at"), Is.EqualTo("18 July 2025"));
            Assert.That(Value("Executive summary"), Does.StartWith("4 of 9 measures green or better"));
            Assert.That(Value("Contact"), Does.Contain("jane.smith@example.gov.uk"));
        });
    }

    [Test]
    public void Writes_to_a_path()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "board-pack.xlsx");
        ExcelPackWriter.Write(SamplePack.Model(), path);

        using var workbook = new XLWorkbook(path);
        Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(new[] { "Cover", "Scorecard", "Trends", "Data", "SPC", "Definitions" }));
    }
}
