using ClosedXML.Excel;
using Outcomes.Reporting.Excel.Scrutiny;
using Outcomes.Reporting.ScrutinyPack;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>The scrutiny workbook's Comparison (England and neighbours with intervals) and Gaps sheets.</summary>
public class ScrutinyComparisonAndGapsSheetTests
{
    private static List<IXLTableRow> TableRows(XLWorkbook workbook, string sheet) => workbook.Worksheet(sheet).Tables.Single().DataRange.Rows().ToList();

    [Test]
    public void Comparison_lists_the_authority_its_neighbours_and_england_with_intervals_and_the_comparison_word()
    {
        var model = ExcelSampleScrutiny.Model();
        using var workbook = ExcelSampleScrutiny.Open();
        var gld = TableRows(workbook, "Comparison").Where(r => r.Cell(1).GetString() == "GLD").ToList();
        var authority = gld.Single(r => r.Cell(5).GetString() == "Authority");
        var england = gld.Single(r => r.Cell(5).GetString() == "England");

        Assert.Multiple(() =>
        {
            Assert.That(gld.Select(r => r.Cell(4).GetString()),
                Is.EqualTo(new[] { model.AuthorityName, "Calderdale", "Kirklees", "Leeds", "Yorkshire and the Humber (region)", "England" }));
            Assert.That(gld.Select(r => r.Cell(5).GetString()),
                Is.EqualTo(new[] { "Authority", "Statistical neighbour", "Statistical neighbour", "Statistical neighbour", "Region", "England" }));
            Assert.That(gld.Single(r => r.Cell(5).GetString() == "Region").Cell(6).GetDouble(), Is.EqualTo(69.4));
            Assert.That(gld.Select(r => r.Cell(3).GetString()), Is.All.EqualTo("2017/18"));
            Assert.That(authority.Cell(6).GetDouble(), Is.EqualTo(66.8));
            Assert.That(authority.Cell(6).Style.NumberFormat.Format, Is.EqualTo("0.0\"%\""));
            Assert.That((authority.Cell(7).GetDouble(), authority.Cell(8).GetDouble()), Is.EqualTo((65.7, 67.8)), "the PDF's 65.7% to 67.8%");
            Assert.That(authority.Cell(9).GetString(), Is.EqualTo("Worse than England"));
            Assert.That(authority.Cell(10).GetString(), Does.Contain("66.8% was worse than England (71.5%)").And.Contain("Source: published dfe-gld"));
            Assert.That(gld.Single(r => r.Cell(4).GetString() == "Calderdale").Cell(9).GetString(), Is.EqualTo("Similar to England"));
            Assert.That(england.Cell(6).GetDouble(), Is.EqualTo(71.5));
            Assert.That(england.Cell(7).IsEmpty(), Is.True, "England is the benchmark, without an interval");
            Assert.That(england.Cell(9).GetString(), Is.EqualTo("Benchmark"));
        });
    }

    [Test]
    public void A_suppressed_neighbour_figure_stays_hidden_and_a_measure_without_comparators_says_why()
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var rows = TableRows(workbook, "Comparison");
        var leeds = rows.Single(r => r.Cell(4).GetString() == "Leeds");
        var cla = rows.Single(r => r.Cell(1).GetString() == "CLA");

        Assert.Multiple(() =>
        {
            Assert.That(leeds.Cell(6).DataType, Is.EqualTo(XLDataType.Text));
            Assert.That(leeds.Cell(6).GetString(), Is.EqualTo("c"));
            Assert.That(leeds.Cell(7).IsEmpty() && leeds.Cell(8).IsEmpty(), Is.True);
            Assert.That(leeds.Cell(9).GetString(), Is.EqualTo("Not compared"));
            Assert.That(cla.Cell(4).IsEmpty(), Is.True);
            Assert.That(cla.Cell(10).GetString(), Does.Contain("cover a period ending by 2018-19 Q4"));
            Assert.That(workbook.Worksheet("Comparison").Cell(2, 1).GetString(), Does.Contain("3 local authorities named in the pack settings"));
            Assert.That(workbook.Worksheet("Comparison").Cell(3, 1).GetString(), Does.Contain("Reach in deprived areas"));
        });
    }

    [Test]
    public void Gaps_give_each_years_groups_gap_and_englands_gap_as_numbers()
    {
        var item = ExcelSampleScrutiny.Model().Gaps.Items.Single();
        using var workbook = ExcelSampleScrutiny.Open();
        var rows = TableRows(workbook, "Gaps");
        var first = rows[0];

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Cell(3).GetString()), Is.EqualTo(item.Rows.Select(r => r.PeriodKey)));
            Assert.That((first.Cell(4).GetString(), first.Cell(6).GetString()), Is.EqualTo(("girls", "boys")));
            Assert.That((first.Cell(5).GetDouble(), first.Cell(7).GetDouble()), Is.EqualTo((56.5, 41.5)));
            Assert.That(first.Cell(5).Style.NumberFormat.Format, Is.EqualTo("0.0\"%\""));
            Assert.That(first.Cell(8).GetDouble(), Is.EqualTo(15.0), "the PDF's 15.0 points");
            Assert.That(first.Cell(8).Style.NumberFormat.Format, Is.EqualTo("0.0"), "points, not a percentage");
            Assert.That(first.Cell(9).GetDouble(), Is.EqualTo(15.9).Within(1e-9), "England 60.5 − 44.6");
            Assert.That(rows[^1].Cell(8).GetDouble(), Is.EqualTo(13.5), "2017/18: 73.5 − 60.0");
            Assert.That(first.Cell(10).GetString(), Does.StartWith(item.Sentence).And.Contain(item.EnglandSentence));
            Assert.That(rows.Skip(1).Select(r => r.Cell(10).GetString()), Is.All.Empty, "the sentence once, on the first year");
        });
    }

    [Test]
    public void Without_any_gap_data_the_gaps_sheet_says_so_in_a_line()
    {
        var input = ExcelSampleScrutiny.Input();
        var model = ScrutinyPackModelBuilder.Build(input with { Comparators = input.Comparators.Where(c => c.Breakdown == "Total").ToList() });
        using var stream = new MemoryStream();
        ScrutinyExcelWriter.Write(model, stream);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet("Gaps");

        Assert.Multiple(() =>
        {
            Assert.That(sheet.Tables, Is.Empty);
            Assert.That(sheet.Cell(2, 1).GetString(), Does.StartWith("No gap between groups can be shown"));
            Assert.That(sheet.Cell(5, 1).GetString(), Is.EqualTo(GapsSheetWriter.NoneText));
            Assert.That(sheet.RowsUsed().Count(), Is.EqualTo(4), "title, coverage, header and the line");
            Assert.That(sheet.SheetView.SplitRow, Is.EqualTo(4));
        });
    }
}
