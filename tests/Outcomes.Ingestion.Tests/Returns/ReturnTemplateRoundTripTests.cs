using ClosedXML.Excel;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Returns;
using static Outcomes.Ingestion.Tests.Returns.ReturnFixtures;

namespace Outcomes.Ingestion.Tests.Returns;

public class ReturnTemplateRoundTripTests
{
    [Test]
    public void A_filled_template_reads_back_as_the_observations_typed_into_it()
    {
        var xlsx = CompleteQ1(ws =>
        {
            Cell(ws, "SPEND", "D").SetValue("£1,234.50");
            Cell(ws, "REG", "G").SetValue("New estate opened in May");
            Cell(ws, "REG", "H").SetValue("estimate");
        });

        var result = Read(xlsx);

        Assert.That(result.Issues, Is.Empty);
        var r = result.Return!;
        Assert.Multiple(() =>
        {
            Assert.That(r.FrameworkCode, Is.EqualTo("BRD-CC"));
            Assert.That(r.FrameworkVersion, Is.EqualTo(1));
            Assert.That(r.OrgUnitCode, Is.EqualTo("BRD-C1"));
            Assert.That(r.Period, Is.EqualTo(Q1));
            Assert.That(r.Observations.Select(o => o.MeasureCode), Is.EqualTo(new[] { "REG", "REF", "RR", "ENG", "SPEND" }));
        });
        var byCode = r.Observations.ToDictionary(o => o.MeasureCode);
        Assert.Multiple(() =>
        {
            Assert.That(byCode["REG"].Value, Is.EqualTo(120m));
            Assert.That(byCode["REG"].Commentary, Is.EqualTo("New estate opened in May"));
            Assert.That(byCode["REG"].DataQualityFlag, Is.EqualTo("estimate"));
            Assert.That(byCode["REG"].Numerator, Is.Null, "a count keeps no numerator");
            Assert.That(byCode["ENG"].Value, Is.EqualTo(25.0m), "blank value computed from 30 / 120");
            Assert.That(byCode["ENG"].Numerator, Is.EqualTo(30m));
            Assert.That(byCode["ENG"].Denominator, Is.EqualTo(120m));
            Assert.That(byCode["SPEND"].Value, Is.EqualTo(1234.50m));
            Assert.That(byCode["REG"].Period, Is.EqualTo(Q1));
            Assert.That(byCode["REG"].OrgUnitCode, Is.EqualTo("BRD-C1"));
        });
    }

    [Test]
    public void A_computed_value_rounds_half_away_from_zero()
    {
        var xlsx = CompleteQ1(ws =>
        {
            Cell(ws, "ENG", "E").SetValue(1021);
            Cell(ws, "ENG", "F").SetValue(2000);
        });

        var eng = Read(xlsx).Return!.Observations.Single(o => o.MeasureCode == "ENG");

        Assert.That(eng.Value, Is.EqualTo(51.1m));
    }

    [TestCase("1,234", 1234)]
    [TestCase(" 7 ", 7)]
    [TestCase("1234", 1234)]
    public void Counts_typed_as_text_are_read_as_numbers(string typed, decimal expected)
    {
        var xlsx = CompleteQ1(ws => Cell(ws, "REG", "D").SetValue(typed));

        var result = Read(xlsx);

        Assert.That(result.Issues, Is.Empty);
        Assert.That(result.Return!.Observations.Single(o => o.MeasureCode == "REG").Value, Is.EqualTo(expected));
    }

    [Test]
    public void A_percentage_typed_with_a_percent_sign_as_text_is_read_as_that_percentage()
    {
        var xlsx = CompleteQ1(ws =>
        {
            Cell(ws, "ENG", "E").Clear(XLClearOptions.Contents);
            Cell(ws, "ENG", "F").Clear(XLClearOptions.Contents);
            Cell(ws, "ENG", "D").SetValue("45%");
        });

        var result = Read(xlsx);

        Assert.That(result.Issues, Is.Empty);
        Assert.That(result.Return!.Observations.Single(o => o.MeasureCode == "ENG").Value, Is.EqualTo(45m));
    }

    [Test]
    public void A_percentage_Excel_stored_as_a_fraction_with_a_percent_format_is_read_as_that_percentage()
    {
        // Typing 45% into Excel stores 0.45 and formats the cell 0%.
        var xlsx = CompleteQ1(ws =>
        {
            Cell(ws, "ENG", "E").Clear(XLClearOptions.Contents);
            Cell(ws, "ENG", "F").Clear(XLClearOptions.Contents);
            var cell = Cell(ws, "ENG", "D");
            cell.SetValue(0.45);
            cell.Style.NumberFormat.SetFormat("0%");
        });

        var result = Read(xlsx);

        Assert.That(result.Issues, Is.Empty);
        Assert.That(result.Return!.Observations.Single(o => o.MeasureCode == "ENG").Value, Is.EqualTo(45m));
    }

    [TestCase("c")]
    [TestCase("C ")]
    [TestCase("x")]
    [TestCase("z")]
    [TestCase("u")]
    [TestCase("low")]
    [TestCase(":")]
    [TestCase("..")]
    public void A_suppression_code_gives_no_value_and_its_reason_never_zero(string code)
    {
        var xlsx = CompleteQ1(ws => Cell(ws, "REF", "D").SetValue(code));

        var result = Read(xlsx);

        var referrals = result.Return!.Observations.Single(o => o.MeasureCode == "REF");
        Assert.Multiple(() =>
        {
            Assert.That(result.Issues, Is.Empty);
            Assert.That(referrals.Value, Is.Null);
            Assert.That(referrals.HasValue, Is.False);
            Assert.That(referrals.SuppressionReason, Is.EqualTo(code.Trim().ToLowerInvariant()));
        });
    }

    [Test]
    public void A_formula_is_read_from_the_value_Excel_cached_not_recalculated()
    {
        var xlsx = CompleteQ1();
        var address = Address(xlsx, "REG", "D");
        xlsx = WithFormula(xlsx, address, "100+23", "123", isError: false);

        var result = Read(xlsx);

        // The person is told which figure was taken from a formula (see ReturnWorkbookOdditiesTests).
        Assert.That(result.Issues.Select(i => (i.RuleCode, i.Severity)), Is.EqualTo(new[] { ("cell.formula", IssueSeverity.Warning) }));
        Assert.That(result.Return!.Observations.Single(o => o.MeasureCode == "REG").Value, Is.EqualTo(123m));
    }

    [Test]
    public void Prefilled_figures_and_the_previous_quarter_appear_in_the_template_and_read_back()
    {
        var previous = new Dictionary<string, Observation>
        {
            ["REG"] = new() { OrgUnitCode = "BRD-C1", Period = Q1.Previous(), MeasureCode = "REG", Value = 110m },
            ["REF"] = new() { OrgUnitCode = "BRD-C1", Period = Q1.Previous(), MeasureCode = "REF", SuppressionReason = "c" },
        };
        var prefill = new Dictionary<string, Observation>
        {
            ["REG"] = new() { OrgUnitCode = "BRD-C1", Period = Q1, MeasureCode = "REG", Value = 118m, Commentary = "draft" },
            ["REF"] = new() { OrgUnitCode = "BRD-C1", Period = Q1, MeasureCode = "REF", SuppressionReason = "x" },
            ["RR"] = new() { OrgUnitCode = "BRD-C1", Period = Q1, MeasureCode = "RR", Value = 0m },
            ["ENG"] = new() { OrgUnitCode = "BRD-C1", Period = Q1, MeasureCode = "ENG", Value = 50m, Numerator = 5, Denominator = 10 },
        };

        var xlsx = Template(previous: previous, prefill: prefill);

        using (var workbook = new XLWorkbook(new MemoryStream(xlsx)))
        {
            var ws = workbook.Worksheet("Data");
            Assert.That(Cell(ws, "REG", "I").GetString(), Is.EqualTo("110"));
            Assert.That(Cell(ws, "REF", "I").GetString(), Is.EqualTo("c"));
        }

        var result = Read(xlsx);
        Assert.That(result.Issues, Is.Empty);
        var byCode = result.Return!.Observations.ToDictionary(o => o.MeasureCode);
        Assert.Multiple(() =>
        {
            Assert.That(byCode["REG"].Value, Is.EqualTo(118m));
            Assert.That(byCode["REG"].Commentary, Is.EqualTo("draft"));
            Assert.That(byCode["REF"].SuppressionReason, Is.EqualTo("x"));
            Assert.That(byCode["RR"].Value, Is.EqualTo(0m), "a real zero stays zero");
            Assert.That(byCode["ENG"].Value, Is.EqualTo(50m));
        });
    }

    [Test]
    public void The_reader_can_insist_on_the_unit_and_period_it_was_uploaded_for()
    {
        var other = new OrgUnit("BRD-C2", "Bradford Cluster 2", OrgUnitType.Cluster, "BRD");

        var wrongUnit = ReturnTemplateReader.Read("r.xlsx", new MemoryStream(CompleteQ1()), Version(), other);
        var wrongPeriod = ReturnTemplateReader.Read("r.xlsx", new MemoryStream(CompleteQ1()), Version(), Cluster, Q1.Next());

        Assert.Multiple(() =>
        {
            Assert.That(wrongUnit.Return, Is.Null);
            Assert.That(wrongUnit.Issues.Single().RuleCode, Is.EqualTo("template.wrong-org-unit"));
            Assert.That(wrongPeriod.Issues.Single().RuleCode, Is.EqualTo("template.wrong-period"));
        });
    }
}
