using ClosedXML.Excel;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>The scrutiny workbook's Data sheet (long format with SPC, as a table) and SPC sheet (authority and clusters).</summary>
public class ScrutinyDataAndSpcSheetTests
{
    private static IXLTableRow DataRow(XLWorkbook workbook, string unit, string code, string period) =>
        workbook.Worksheet("Data").Tables.Single().DataRange.Rows()
            .Single(r => r.Cell(1).GetString() == unit && r.Cell(3).GetString() == code && r.Cell(2).GetString() == period);

    [Test]
    public void Data_has_a_row_per_unit_measure_and_quarter_held()
    {
        var model = ExcelSampleScrutiny.Model();
        using var workbook = ExcelSampleScrutiny.Open();
        var table = workbook.Worksheet("Data").Tables.Single();
        var rows = table.DataRange.Rows().Select(r => (r.Cell(1).GetString(), r.Cell(3).GetString(), r.Cell(2).GetString())).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.EqualTo(model.Data.Select(d => (d.OrgUnitCode, d.MeasureCode, d.PeriodKey))));
            Assert.That(rows, Has.Count.EqualTo(52), "REACH 14 (North has four quarters), VISITS 11, GLD 11, CLA 8, NEWREG 8");
            Assert.That(table.HeadersRow().Cells().Select(c => c.GetString()).Skip(15),
                Is.EqualTo(new[] { "SPC mean", "SPC lower limit", "SPC upper limit", "Special cause", "SPC variation", "SPC assurance" }));
        });
    }

    [Test]
    public void Data_figures_match_the_authoritys_scores_with_the_spc_they_were_judged_by()
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var reach = DataRow(workbook, "BRD", "REACH", "2018-19 Q4");
        var gld = DataRow(workbook, "BRD", "GLD", "2018-19 Q4");

        Assert.Multiple(() =>
        {
            Assert.That(reach.Cell(7).GetDouble(), Is.EqualTo(74.0));
            Assert.That(reach.Cell(7).Style.NumberFormat.Format, Is.EqualTo("0.0\"%\""));
            Assert.That(reach.Cell(8).GetString(), Is.EqualTo("74.0%"));
            Assert.That((reach.Cell(9).GetDouble(), reach.Cell(10).GetDouble()), Is.EqualTo((370.0, 500.0)));
            Assert.That(reach.Cell(11).GetDouble(), Is.EqualTo(85.0), "target");
            Assert.That(reach.Cell(12).GetString(), Is.EqualTo("R"));
            Assert.That((reach.Cell(16).GetDouble(), reach.Cell(17).GetDouble(), reach.Cell(18).GetDouble()), Is.EqualTo((80.0, 76.0, 84.0)));
            Assert.That(reach.Cell(16).Style.NumberFormat.Format, Is.EqualTo("0.0\"%\""));
            Assert.That(reach.Cell(19).GetString(), Is.EqualTo("Yes"));
            Assert.That(reach.Cell(20).GetString(), Is.EqualTo("Special cause: concern"));
            Assert.That(reach.Cell(21).GetString(), Is.EqualTo("Consistently fails"));
            Assert.That(gld.Cell(7).GetDouble(), Is.EqualTo(66.8), "5140 / 7694 rounded as printed");
            Assert.That(gld.Cell(15).GetDouble(), Is.EqualTo(71.5), "England");
            Assert.That(DataRow(workbook, "BRD", "REACH", "2017-18 Q1").Cell(16).IsEmpty(), Is.True, "no SPC reading stored for that point");
        });
    }

    [Test]
    public void A_disclosive_figure_keeps_no_value_numerator_denominator_or_spc_anywhere()
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var west = DataRow(workbook, "BRD-CL3", "REACH", "2018-19 Q4");
        var spcSheet = workbook.Worksheet("SPC");

        Assert.Multiple(() =>
        {
            Assert.That(west.Cell(7).IsEmpty(), Is.True);
            Assert.That(west.Cell(8).GetString(), Is.EqualTo("c"));
            Assert.That(west.Cell(9).IsEmpty() && west.Cell(10).IsEmpty(), Is.True, "3 of 4 would give the figure away");
            Assert.That(Enumerable.Range(16, 6).Select(c => west.Cell(c).IsEmpty()), Is.All.True, "West's SPC reading is not shown");
            Assert.That(DataRow(workbook, "BRD-CL3", "VISITS", "2018-19 Q4").Cell(7).IsEmpty(), Is.True);
            Assert.That(spcSheet.RowsUsed().Select(r => r.Cell(1).GetString()), Does.Not.Contain("West"));
            Assert.That(workbook.Worksheets.SelectMany(w => w.CellsUsed()).Where(c => c.DataType == XLDataType.Number).Select(c => c.GetDouble()),
                Has.None.EqualTo((double)ExcelSampleScrutiny.WestSpc.Mean).Within(1e-9));
            Assert.That(workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()),
                Has.None.Contains(ExcelSampleScrutiny.WestSpc.Explanation));
        });
    }

    [Test]
    public void Spc_has_the_authority_and_each_cluster_with_a_reading_with_mean_limits_and_readings_per_quarter()
    {
        using var workbook = ExcelSampleScrutiny.Open();
        var sheet = workbook.Worksheet("SPC");
        var table = sheet.Tables.Single();
        var rows = table.DataRange.Rows().ToList();
        var north = rows.Single(r => r.Cell(1).GetString() == "North" && r.Cell(4).GetString() == "2018-19 Q4");
        var authority = rows.Single(r => r.Cell(1).GetString() == "Authority" && r.Cell(4).GetString() == "2018-19 Q4");

        Assert.Multiple(() =>
        {
            Assert.That(table.HeadersRow().Cells(1, 8).Select(c => c.GetString()),
                Is.EqualTo(new[] { "Org unit", "Code", "Measure", "Period", "Value", "Mean", "Lower limit", "Upper limit" }));
            Assert.That(rows.Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString())).Distinct(),
                Is.EqualTo(new[] { ("North", "REACH"), ("Authority", "REACH") }), "the units and measures that have an SPC reading");
            Assert.That(rows, Has.Count.EqualTo(4 + 8));
            Assert.That((north.Cell(5).GetDouble(), north.Cell(6).GetDouble(), north.Cell(7).GetDouble(), north.Cell(8).GetDouble()),
                Is.EqualTo((85.0, 83.5, 77.25, 89.75)));
            Assert.That(north.Cell(10).GetString(), Is.EqualTo("Common cause"));
            Assert.That(north.Cell(11).GetString(), Is.EqualTo("Hit and miss"));
            Assert.That(authority.Cell(9).GetString(), Is.EqualTo("Yes"));
            Assert.That(authority.Cell(10).GetString(), Is.EqualTo("Special cause: concern"));
            Assert.That(authority.Cell(12).GetString(), Is.EqualTo("Trial"));
        });
    }
}
