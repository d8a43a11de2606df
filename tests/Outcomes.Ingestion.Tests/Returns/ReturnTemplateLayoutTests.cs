using ClosedXML.Excel;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.Returns;
using static Outcomes.Ingestion.Tests.Returns.ReturnFixtures;

namespace Outcomes.Ingestion.Tests.Returns;

public class ReturnTemplateLayoutTests
{
    private static XLWorkbook Open(byte[] xlsx) => new(new MemoryStream(xlsx));

    [Test]
    public void The_template_has_a_cover_a_data_sheet_and_a_very_hidden_identity_sheet()
    {
        using var workbook = Open(Template());

        Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(new[] { "Cover", "Data", "_template" }));
        var meta = workbook.Worksheet("_template");
        var keys = Enumerable.Range(1, 7).ToDictionary(r => meta.Cell(r, 1).GetString(), r => meta.Cell(r, 2).GetString());
        Assert.Multiple(() =>
        {
            Assert.That(meta.Visibility, Is.EqualTo(XLWorksheetVisibility.VeryHidden));
            Assert.That(workbook.Worksheet("Data").Visibility, Is.EqualTo(XLWorksheetVisibility.Visible));
            Assert.That(keys["template_id"], Is.EqualTo("outcomes-return"));
            Assert.That(keys["template_version"], Is.EqualTo("1"));
            Assert.That(keys["framework_code"], Is.EqualTo("BRD-CC"));
            Assert.That(keys["framework_version"], Is.EqualTo("1"));
            Assert.That(keys["org_unit_code"], Is.EqualTo("BRD-C1"));
            Assert.That(keys["org_unit_type"], Is.EqualTo("Cluster"));
            Assert.That(keys["period_key"], Is.EqualTo("2017-18 Q1"));
        });
    }

    [Test]
    public void The_cover_names_the_unit_period_framework_and_deadline()
    {
        using var workbook = Open(Template());
        var cover = workbook.Worksheet("Cover");
        var text = string.Join("\n", cover.CellsUsed().Select(c => c.GetFormattedString()));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("BRD-C1"));
            Assert.That(text, Does.Contain("Bradford Cluster 1"));
            Assert.That(text, Does.Contain("2017-18 Q1"));
            Assert.That(text, Does.Contain("BRD-CC"));
            Assert.That(text, Does.Contain("31 July 2017"));
            Assert.That(text, Does.Contain("suppression code"));
            Assert.That(cover.IsProtected, Is.True);
        });
    }

    [Test]
    public void The_data_sheet_has_the_columns_in_order_with_widths_set()
    {
        using var workbook = Open(Template());
        var ws = workbook.Worksheet("Data");

        var headers = Enumerable.Range(1, ReturnTemplateLayout.Headers.Count).Select(c => ws.Cell(1, c).GetString()).ToList();

        Assert.That(headers.Take(9), Is.EqualTo(new[]
        {
            "Code", "Title", "Unit", "Value", "Numerator", "Denominator", "Commentary", "Data quality flag", "Previous quarter (read-only)",
        }));
        Assert.That(Enumerable.Range(1, headers.Count).Select(c => ws.Column(c).Width), Has.All.GreaterThan(8));
    }

    [Test]
    public void The_data_sheet_is_protected_with_only_input_cells_unlocked()
    {
        using var workbook = Open(Template());
        var ws = workbook.Worksheet("Data");
        var eng = RowOf(ws, "ENG");
        var reg = RowOf(ws, "REG");

        Assert.Multiple(() =>
        {
            Assert.That(ws.IsProtected, Is.True);
            foreach (var column in new[] { "D", "E", "F", "G", "H" })
            {
                Assert.That(ws.Cell(eng, column).Style.Protection.Locked, Is.False, $"ENG {column} is an input");
            }

            foreach (var column in new[] { "A", "B", "C", "I", "J" })
            {
                Assert.That(ws.Cell(eng, column).Style.Protection.Locked, Is.True, $"ENG {column} is read-only");
            }

            Assert.That(ws.Cell(reg, "E").Style.Protection.Locked, Is.True, "a count has no numerator to enter");
            Assert.That(ws.Cell(1, 4).Style.Protection.Locked, Is.True, "headers are locked");
        });
    }

    [Test]
    public void Input_cells_carry_Excel_data_validation()
    {
        using var workbook = Open(Template());
        var ws = workbook.Worksheet("Data");
        var eng = RowOf(ws, "ENG");

        var value = ws.Cell(eng, "D").DataValidation;
        var numerator = ws.Cell(eng, "E").DataValidation;
        var flag = ws.Cell(eng, "H").DataValidation;

        Assert.Multiple(() =>
        {
            Assert.That(value.AllowedValues, Is.EqualTo(XLAllowedValues.Custom));
            Assert.That(value.Value, Does.Contain("<=100").And.Contain("\"c\""));
            Assert.That(Cell(ws, "REG", "D").DataValidation.Value, Does.Contain("INT("), "counts are whole numbers");
            Assert.That(numerator.AllowedValues, Is.EqualTo(XLAllowedValues.WholeNumber));
            Assert.That(flag.AllowedValues, Is.EqualTo(XLAllowedValues.List));
            Assert.That(flag.Value, Is.EqualTo("\"estimate,provisional,incomplete\""));
            Assert.That(flag.InCellDropdown, Is.True);
        });
    }

    [Test]
    public void Authority_measures_are_left_out_and_annual_measures_appear_only_in_Q3()
    {
        static List<string> Codes(byte[] xlsx)
        {
            using var workbook = new XLWorkbook(new MemoryStream(xlsx));
            return workbook.Worksheet("Data").Column(1).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();
        }

        Assert.Multiple(() =>
        {
            Assert.That(Codes(Template(Q1)), Is.EqualTo(new[] { "REG", "REF", "RR", "ENG", "SPEND" }));
            Assert.That(Codes(Template(Q3)), Is.EqualTo(new[] { "REG", "REF", "RR", "ENG", "GLD", "SPEND" }));
            Assert.That(Codes(Template(Period.FinancialQuarter(2017, 4))), Does.Not.Contain("GLD"));
        });
    }

    [Test]
    public void The_schedule_asks_an_authority_for_authority_measures_and_names_the_academic_year_for_annual_ones()
    {
        var version = Version();
        var authority = ReturnSchedule.MeasuresDue(version, OrgUnitType.Authority, Q3).Select(m => m.Code);
        var centre = ReturnSchedule.MeasuresDue(version, OrgUnitType.Centre, Q3).Select(m => m.Code);

        Assert.Multiple(() =>
        {
            Assert.That(authority, Does.Contain("CLA"));
            Assert.That(centre, Does.Not.Contain("CLA"));
            Assert.That(ReturnSchedule.AnnualAcademicYearFor(Q3).Key, Is.EqualTo("2016/17"));
        });
    }

    [Test]
    public void An_annual_measure_is_read_from_the_Q3_return()
    {
        var xlsx = Fill(Template(Q3), ws =>
        {
            Cell(ws, "REG", "D").SetValue(120);
            Cell(ws, "REF", "D").SetValue(40);
            Cell(ws, "RR", "D").SetValue(5);
            Cell(ws, "ENG", "D").SetValue(25);
            Cell(ws, "GLD", "E").SetValue(1021);
            Cell(ws, "GLD", "F").SetValue(2000);
            Cell(ws, "GLD", "D").SetValue(51.1);
        });

        var result = Read(xlsx);

        Assert.That(result.Issues, Is.Empty);
        Assert.That(result.Return!.Observations.Single(o => o.MeasureCode == "GLD").Value, Is.EqualTo(51.1m));
    }
}
