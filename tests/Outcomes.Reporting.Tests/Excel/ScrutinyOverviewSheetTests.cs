using ClosedXML.Excel;
using Outcomes.Reporting.Excel;
using Outcomes.Reporting.Excel.Scrutiny;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>The Overview sheet: the tartan rug as status letters coloured by conditional formatting, with figures beside them.</summary>
public class ScrutinyOverviewSheetTests
{
    /// <summary>The model's status class → the fill the letter must get (pack.css's RAG colours).</summary>
    private static readonly Dictionary<string, int> FillByClass = new()
    {
        ["rag-red"] = 0xD4351C, ["rag-amber"] = 0xF47738, ["rag-green"] = 0x00703C, ["rag-blue"] = 0x1D70B8, ["rag-grey"] = 0xB1B4B6,
    };

    [Test]
    public void Has_a_letter_and_a_figure_column_per_unit_then_the_authority()
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var sheet = workbook.Worksheet("Overview");
        var headers = sheet.Row(OverviewSheetWriter.HeaderRow).CellsUsed().Select(c => c.GetString()).ToList();

        Assert.That(headers, Is.EqualTo(new[]
        {
            "Code", "Measure", "North", "North figure", "South", "South figure", "West", "West figure", "Authority", "Authority figure",
        }));
    }

    [Test]
    public void Every_rug_cell_has_the_models_letter_coloured_by_a_rule_with_the_models_status_colour()
    {
        var overview = ExcelSampleScrutiny.Model().Overview;
        using var workbook = ExcelSampleScrutiny.Open();
        var sheet = workbook.Worksheet("Overview");
        var rules = sheet.ConditionalFormats
            .Where(cf => cf.ConditionalFormatType == XLConditionalFormatType.CellIs && cf.Operator == XLCFOperator.Equal)
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rules, Has.Count.EqualTo(overview.Columns.Count * StatusFormatting.Colours.Count), "one rule per status per letter column");
            foreach (var row in overview.Rows)
            {
                var line = SheetRows.ByCode(sheet, 1, row.Code);
                for (var i = 0; i < row.Cells.Count; i++)
                {
                    var model = row.Cells[i];
                    var cell = line.Cell(OverviewSheetWriter.LetterColumn(i));
                    Assert.That(cell.GetString(), Is.EqualTo(model.Letter), $"{row.Code} {model.Column}");
                    var rule = rules.Single(r => r.Values[1].Value.Trim('"') == model.Letter && r.Range.Contains(cell));
                    Assert.That(rule.Style.Fill.BackgroundColor.Color.ToArgb() & 0xFFFFFF, Is.EqualTo(FillByClass[model.StatusClass]), $"{row.Code} {model.Column}");
                }
            }
        });
    }

    [Test]
    public void The_rug_holds_the_letters_the_pack_prints()
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var sheet = workbook.Worksheet("Overview");
        IEnumerable<string> Letters(string code) => Enumerable.Range(0, 4).Select(i => SheetRows.ByCode(sheet, 1, code).Cell(OverviewSheetWriter.LetterColumn(i)).GetString());

        Assert.Multiple(() =>
        {
            Assert.That(Letters("REACH"), Is.EqualTo(new[] { "G", "R", "A", "R" }));
            Assert.That(Letters("VISITS"), Is.EqualTo(new[] { "B", "G", "R", "G" }));
            Assert.That(Letters("CLA"), Is.All.EqualTo("–"));
        });
    }

    [Test]
    public void Figures_are_numbers_in_the_measures_format_and_hidden_ones_say_c()
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var sheet = workbook.Worksheet("Overview");
        IXLCell Figure(string code, int unit) => SheetRows.ByCode(sheet, 1, code).Cell(OverviewSheetWriter.LetterColumn(unit) + 1);

        Assert.Multiple(() =>
        {
            Assert.That(Figure("REACH", 0).GetDouble(), Is.EqualTo(85.0));
            Assert.That(Figure("REACH", 0).Style.NumberFormat.Format, Is.EqualTo("0.0\"%\""));
            Assert.That(Figure("REACH", 3).GetDouble(), Is.EqualTo(74.0), "the authority");
            Assert.That(Figure("GLD", 2).GetDouble(), Is.EqualTo(67.2), "rounded as printed");
            Assert.That(Figure("VISITS", 1).GetDouble(), Is.EqualTo(607));
            Assert.That(Figure("VISITS", 1).Style.NumberFormat.Format, Is.EqualTo("#,##0"));
            Assert.That(Figure("REACH", 2).DataType, Is.EqualTo(XLDataType.Text));
            Assert.That(Figure("REACH", 2).GetString(), Is.EqualTo("c"), "3 of 4 is disclosive");
            Assert.That(Figure("VISITS", 2).GetString(), Is.EqualTo("c"));
            Assert.That(Figure("CLA", 0).GetString(), Is.EqualTo("Not reported"));
            Assert.That(Figure("CLA", 3).GetString(), Is.EqualTo("No data"));
        });
    }

    [Test]
    public void Says_what_the_letters_mean_above_the_rug()
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var sheet = workbook.Worksheet("Overview");

        Assert.Multiple(() =>
        {
            Assert.That(sheet.Cell(1, 1).GetString(), Is.EqualTo($"{ExcelSampleScrutiny.Model().AuthorityName}: status of each measure by cluster, 2018-19 Q4"));
            Assert.That(sheet.Cell(2, 1).GetString(), Does.Contain("R red, A amber, G green").And.Contain("The colour repeats the letter"));
            Assert.That(sheet.Cell(3, 1).GetString(), Is.EqualTo(ExcelSampleScrutiny.Model().Overview.Summary));
        });
    }
}
