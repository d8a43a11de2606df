using ClosedXML.Excel;
using Outcomes.Domain.Targets;
using Outcomes.Ingestion.Targets;
using static Outcomes.Ingestion.Tests.Targets.TargetSheetFixtures;

namespace Outcomes.Ingestion.Tests.Targets;

/// <summary>
/// The targets sheet, read from real .xlsx and .csv files: every rule fires at the cell it should (Targets!G7), every
/// problem in a file is reported at once, and a file with any problem gives no targets at all.
/// </summary>
[TestFixture]
public sealed class TargetSheetParserTests
{
    private static readonly DateTime April2016 = new(2016, 4, 1);

    /// <summary>One row per rule (rows 22–25 in pairs), with the cell and rule each must be reported at.</summary>
    private static readonly (object?[] Row, (string Cell, string Rule)[] Expected)[] BadRows =
    [
        (Row(null, "P1", null, null, 50), [("A2", "target.org-unit.missing")]),
        (Row("OTH-CL1", "P1", null, null, 50), [("A3", "target.org-unit.unknown")]),
        (Row("default", "ZZ9", null, null, 50), [("C4", "target.measure.unknown")]),
        (Row("default", "P1", "soon", null, 50), [("E5", "target.from")]),
        (Row("default", "P1", "2018-19", "2017-18", 50), [("F6", "target.dates.order")]),
        (Row("default", "P1", null, null, "lots"), [("G7", "target.value")]),
        (Row("TST-CL1", "P1", null, null, 120), [("G8", "target.percentage.range")]),
        (Row("default", "C1", null, null, -5), [("G9", "target.value.domain")]),
        (Row("TST-CE1", "P1", null, null, 60, stretch: 55), [("H10", "target.stretch.direction")]),
        (Row("default", "L1", null, null, 10, tolerance: 1, kind: "loose"), [("J11", "target.tolerance-kind")]),
        (Row("TST", "C1", null, null, 100, tolerance: 150, kind: "relative"), [("I12", "target.tolerance.relative-range")]),
        (Row("default", "C2", null, null, 100, source: "mayor"), [("K13", "target.source")]),
        (Row("TST", "C2", null, null, 100, source: "advisory-board"), [("K14", "target.advisory-board.set-on")]),
        (Row("TST", "L1", null, null, 12, phasing: "equal"), [("L15", "target.phasing.unit")]),
        (Row("TST-CL1", "C2", null, null, 40, phasing: "equal"), [("L16", "target.phasing.annual-measure")]),
        (Row("TST-CE1", "C1", "2016-17", "2016-17", 40, phasing: "profile", profile: "20/20/20"), [("M17", "target.profile.count"), ("M17", "target.profile.total")]),
        (Row("TST-CE1", "C1", "2017-18", "2017-18", 40, profile: "25/25/25/25"), [("M18", "target.profile.unused")]),
        (Row("TST-CE1", "C1", "2018-19", "2018-19", 40, baselineValue: 20), [("N19", "target.trajectory.incomplete")]),
        (Row("TST-CL1", "C1", null, null, 40, useInterval: "yes"), [("Q20", "target.use-confidence-interval.no-method")]),
        (Row("TST-CL1", "A1", null, null, 70), [("A21", "target.org-unit.below-reported-at")]),
        (Row("TST-CL1", "L1", "2016-17", "2016-17", 10), []),
        (Row("TST-CL1", "L1", "2016-17", "2016-17", 11), [("E23", "target.duplicate")]),
        (Row("TST-CL1", "L1", "2017-18 Q1", "2017-18 Q4", 10), []),
        (Row("TST-CL1", "L1", "2017-18 Q3", null, 9), [("E25", "target.overlap")]),
        (Row("TST-CE1", "L1", "2019-20", null, null), [("G26", "target.value.missing")]),
        (Row("TST-CE1", null, null, null, 5), [("C27", "target.measure.missing")]),
        (Row("TST-CE1", "P2", "2016-17", "2017-18", 50), [("E28", "target.dates.outside-measure")]),
        (Row("TST", "P1", null, "2018-19", 50, baselineValue: 40, baselineDate: "2019-03-31", targetDate: "2018-03-31"), [("P29", "target.trajectory.dates-order")]),
        (Row("TST-CE1", "C1", "2019-20", null, 5, phasing: "profile", profile: "50/50/x/0"), [("M30", "target.profile.share")]),
        (Row("TST-CE1", "C2", "2019-20", null, 5, useInterval: "maybe"), [("Q31", "target.use-confidence-interval")]),
        (Row("TST-CE1", "C2", "2016-17", "2016-17", 5, tolerance: -1), [("I32", "target.tolerance")]),
        (Row("TST-CE1", "C2", "2017-18", "2017-18", 5, stretch: "high"), [("H33", "target.stretch")]),
        (Row("TST-CE1", "C2", "2018-19", "2018-19", 5, setOn: "last week"), [("R34", "target.set-on")]),
        (Row("TST", "P1", "2019-20", null, 50, baselineValue: 140, baselineDate: "2019-04-01", targetDate: "2021-03-31"), [("N35", "target.percentage.range")]),
    ];

    [Test]
    public void Every_rule_is_reported_at_its_cell_in_a_workbook_and_nothing_is_returned()
    {
        var result = TargetSheetParser.Parse("targets.xlsx", Workbook(BadRows.Select(b => b.Row)), Context());
        var expected = BadRows.SelectMany(b => b.Expected).Select(e => $"{e.Cell} {e.Rule}").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(result.Issues.Select(i => $"{i.Cell} {i.RuleCode}"), Is.EquivalentTo(expected));
            Assert.That(result.Issues.Select(i => i.Sheet).Distinct(), Is.EqualTo(new[] { "Targets" }));
            Assert.That(result.Issues.Where(i => i.Cell == "G7").Single().Message, Does.StartWith("Targets!G7: ").And.Contain("'lots' is not a number"));
            Assert.That(result.Issues.Where(i => i.Cell == "G8").Single().Message, Does.Contain("120").And.Contain("between 0 and 100"));
            Assert.That(result.Issues.Where(i => i.Cell == "E23").Single().Message, Does.Contain("repeats row 22"));
            Assert.That(result.Issues.Where(i => i.Cell == "E25").Single().Message, Does.Contain("overlaps row 24"));
            Assert.That(result.Issues.All(i => i.IsError && i.Row is not null), Is.True);
            Assert.That(result.RowsRead, Is.EqualTo(BadRows.Length));
            Assert.That(result.HasErrors, Is.True);
            Assert.That(result.Targets, Is.Empty, "a file with any problem gives no targets");
        });
    }

    [Test]
    public void The_same_rows_as_a_csv_are_reported_at_the_same_cells_without_a_sheet()
    {
        var result = TargetSheetParser.Parse("targets.csv", CsvFile(BadRows.Select(b => b.Row)), Context());

        Assert.Multiple(() =>
        {
            Assert.That(result.Issues.Select(i => $"{i.Cell} {i.RuleCode}"), Is.EquivalentTo(BadRows.SelectMany(b => b.Expected).Select(e => $"{e.Cell} {e.Rule}")));
            Assert.That(result.Issues.Select(i => i.Sheet).Distinct(), Is.EqualTo(new string?[] { null }));
            Assert.That(result.Issues.Single(i => i.Cell == "G7").Message, Does.StartWith("G7: "));
            Assert.That(result.Targets, Is.Empty);
        });
    }

    [Test]
    public void A_good_workbook_gives_every_target_with_dates_periods_percent_cells_phasing_and_trajectories()
    {
        object?[][] rows =
        [
            Row("default", "P1", April2016, new DateTime(2018, 3, 31), 80, stretch: 85, tolerance: 3, kind: "absolute", source: "local"),
            Row("default", "P1", "2018-19", null, 0.82, stretch: 87, tolerance: 3),
            Row("TST-CL1", "C1", "2018-19", "2018-19", 400, tolerance: 10, kind: "relative", phasing: "profile", profile: "20/25/25/30", setOn: new DateTime(2018, 3, 12), setBy: "Advisory board"),
            Row("TST-CE1", "L1", "2017-18 Q2", null, "9.5%", useInterval: "no"),
            Row("TST-CE1", "P1", null, null, 60, baselineValue: 50, baselineDate: "2017-03-31", targetDate: "2020-03-31", useInterval: "yes", source: "advisory-board", setOn: "2017-02-01"),
        ];
        var bytes = Workbook(rows, tweak: ws => ws.Cell(3, 7).Style.NumberFormat.Format = "0%");

        var result = TargetSheetParser.Parse("targets.xlsx", bytes, Context());

        Assert.That(result.Issues, Is.Empty, string.Join(Environment.NewLine, result.Issues.Select(i => i.Message)));
        var t = result.Targets;
        Assert.Multiple(() =>
        {
            Assert.That(t, Has.Count.EqualTo(5));
            Assert.That(t[0], Is.EqualTo(new Target
            {
                FrameworkCode = "TST-FW", MeasureCode = "P1", OrgUnitCode = null, From = new DateOnly(2016, 4, 1), To = new DateOnly(2018, 3, 31),
                Value = 80m, Stretch = 85m, Tolerance = 3m, ToleranceKind = ToleranceKind.Absolute, Source = TargetSource.Local,
            }));
            Assert.That(t[1].Value, Is.EqualTo(82m), "0.82 shown as 82% is a target of 82");
            Assert.That((t[1].From, t[1].To), Is.EqualTo((new DateOnly(2018, 4, 1), (DateOnly?)null)), "a financial year in From starts on 1 April");
            Assert.That(t[2].Phasing, Is.EqualTo(TargetPhasing.Profile));
            Assert.That(t[2].Profile, Is.EqualTo(PhasingProfile.Parse("20/25/25/30")));
            Assert.That((t[2].From, t[2].To), Is.EqualTo((new DateOnly(2018, 4, 1), new DateOnly(2019, 3, 31))), "a financial year in To ends on 31 March");
            Assert.That((t[2].ToleranceKind, t[2].SetOn, t[2].SetBy), Is.EqualTo((ToleranceKind.Relative, new DateOnly(2018, 3, 12), "Advisory board")));
            Assert.That((t[3].Value, t[3].From, t[3].UseConfidenceInterval), Is.EqualTo((9.5m, new DateOnly(2017, 7, 1), false)), "text '9.5%' and a quarter");
            Assert.That(t[4].HasTrajectory && t[4].UseConfidenceInterval && t[4].BaselineValue == 50m && t[4].TargetDate == new DateOnly(2020, 3, 31), Is.True);
            Assert.That(t[4].Source, Is.EqualTo(TargetSource.AdvisoryBoard));
        });
    }

    [Test]
    public void The_template_prefilled_with_targets_reads_back_as_exactly_those_targets()
    {
        var context = Context();
        Target[] targets =
        [
            new() { FrameworkCode = "TST-FW", MeasureCode = "P1", Value = 80m, Stretch = 85m, Tolerance = 3m, From = new DateOnly(2016, 4, 1), To = new DateOnly(2018, 3, 31) },
            new() { FrameworkCode = "TST-FW", MeasureCode = "P1", Value = 82.5m, Tolerance = 2.5m, From = new DateOnly(2018, 4, 1), Source = TargetSource.National },
            new()
            {
                FrameworkCode = "TST-FW", MeasureCode = "C1", OrgUnitCode = "TST-CL1", Value = 400m, Tolerance = 10m, ToleranceKind = ToleranceKind.Relative,
                Phasing = TargetPhasing.Profile, Profile = PhasingProfile.Parse("20/25/25/30"), SetOn = new DateOnly(2018, 3, 12), SetBy = "Board",
                Source = TargetSource.AdvisoryBoard,
            },
            new() { FrameworkCode = "TST-FW", MeasureCode = "C1", OrgUnitCode = "TST-CE1", Value = 120m, Phasing = TargetPhasing.Equal },
            new()
            {
                FrameworkCode = "TST-FW", MeasureCode = "P1", OrgUnitCode = "TST-CE1", Value = 60m, BaselineValue = 50m, BaselineDate = new DateOnly(2017, 3, 31),
                TargetDate = new DateOnly(2020, 3, 31), UseConfidenceInterval = true,
            },
        ];

        var template = TargetTemplateWriter.Write(context, targets);
        var result = TargetSheetParser.Parse("targets-TST-FW.xlsx", template, context);
        using var workbook = new XLWorkbook(new MemoryStream(template));
        var sheet = workbook.Worksheet(TargetSheetLayout.Sheet);

        Assert.Multiple(() =>
        {
            Assert.That(result.Issues, Is.Empty, string.Join(Environment.NewLine, result.Issues.Select(i => i.Message)));
            Assert.That(result.Targets, Is.EquivalentTo(targets));
            Assert.That(sheet.Cell("A2").GetString(), Is.EqualTo("default"), "the framework defaults come first");
            Assert.That(sheet.Cell("D2").GetString(), Is.EqualTo("Reach"), "the measure's title is written to read");
            Assert.That(sheet.Column(4).Width, Is.EqualTo(46), "widths are set, not measured");
            Assert.That(sheet.SheetView.SplitRow, Is.EqualTo(1), "the header row stays in view");
            Assert.That(workbook.Worksheet(TargetSheetLayout.ListsSheet).Cell("F3").GetString(), Is.EqualTo("TST"), "units of the authority are listed, not other councils'");
        });
    }

    [Test]
    public void Problems_with_the_file_itself_are_reported_once_and_give_no_targets()
    {
        var context = Context();
        var noSheet = TargetSheetParser.Parse("t.xlsx", Workbook([Row("default", "P1", null, null, 50)], sheetName: "Sheet1"), context);
        var noColumn = TargetSheetParser.Parse("t.xlsx", Workbook([["default", "P1"]], headers: ["Org unit", "Measure code"]), context);
        var noRows = TargetSheetParser.Parse("t.xlsx", Workbook([]), context);
        var pdf = TargetSheetParser.Parse("t.xlsx", "%PDF-1.7 not a workbook"u8.ToArray(), context);
        var emptyCsv = TargetSheetParser.Parse("t.csv", [], context);

        Assert.Multiple(() =>
        {
            Assert.That(noSheet.Issues.Select(i => i.RuleCode), Is.EqualTo(new[] { "targets.sheet.missing" }));
            Assert.That(noSheet.Issues[0].Message, Does.Contain("'Sheet1'"));
            Assert.That(noColumn.Issues.Select(i => i.RuleCode), Is.EqualTo(new[] { "targets.column.missing" }));
            Assert.That(noColumn.Issues[0].Message, Does.Contain("'Target'").And.StartWith("Targets row 1: "));
            Assert.That(noRows.Issues.Select(i => i.RuleCode), Is.EqualTo(new[] { "targets.none" }));
            Assert.That(pdf.Issues.Select(i => i.RuleCode), Is.EqualTo(new[] { "file.not-xlsx" }));
            Assert.That(emptyCsv.Issues.Select(i => i.RuleCode), Is.EqualTo(new[] { "csv.empty" }));
            Assert.That(new[] { noSheet, noColumn, noRows, pdf, emptyCsv }.All(r => r.Targets.Count == 0 && r.HasErrors), Is.True);
        });
    }

    [Test]
    public void Columns_are_found_by_header_name_in_any_order()
    {
        var bytes = Workbook([["50", "P1", "TST-CL1"]], headers: ["value", "Measure code", "ORG UNIT"]);

        var result = TargetSheetParser.Parse("t.xlsx", bytes, Context());

        Assert.Multiple(() =>
        {
            Assert.That(result.Issues, Is.Empty);
            Assert.That(result.Targets.Single(), Is.EqualTo(new Target { FrameworkCode = "TST-FW", MeasureCode = "P1", OrgUnitCode = "TST-CL1", Value = 50m }));
        });
    }
}
