using System.Globalization;
using ClosedXML.Excel;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Disclosure;
using Outcomes.Reporting.Excel;
using Outcomes.Reporting.Templates;
using Outcomes.Scoring.Exceptions;

namespace Outcomes.Reporting.Tests.BoardPack;

/// <summary>
/// A figure withheld by disclosure control never reaches the board pack, nor anything quoting it: on <see cref="SamplePack"/>
/// with GLD this quarter disclosive (3 of 7 = 42.9%, red, with an explanation and an SPC sentence that quote it) and
/// BF68 last quarter disclosive (2 of 7 = 28.6%), whose value this quarter's BF68 explanation quotes as the previous one.
/// Both are red, so the exceptions section is exercised too. The hidden numbers must appear nowhere in the rendered
/// HTML nor in any cell of the workbook.
/// </summary>
public sealed class WithheldFigureTests
{
    private const decimal HiddenNow = 300m / 7m;
    private const decimal HiddenBefore = 200m / 7m;

    private static readonly string[] HiddenTexts = ["42.9", "42.86", "28.6", "28.57", "3 / 7", "2 / 7", "15.8%", "75.0%"];

    private static BoardPackModel Model()
    {
        var before = SamplePack.Quarter.Shift(-1);
        var history = SamplePack.History()
            .Select(s => s.MeasureCode == "BF68" && s.Period == before ? s with { Actual = HiddenBefore, Numerator = 2, Denominator = 7 } : s)
            .ToList();
        var current = SamplePack.Current().Select(s => s.MeasureCode switch
        {
            "GLD" => s with
            {
                Actual = HiddenNow, Numerator = 3, Denominator = 7, LowerCi = 15.8m, UpperCi = 75.0m, Status = RagStatus.Red,
                Explanation = "Red: 42.9% is 27.1 points below the 70.0% target. Worsening from 64.0% the previous quarter.",
                DirectionFromPrevious = Direction.Worsening,
                Spc = new SpcAtPoint
                {
                    Mean = 60m, Lower = 50m, Upper = 70m, IsSpecialCause = true, Variation = SpcVariation.SpecialCauseConcern, Points = 4, IsTrial = true,
                    Explanation = "42.9% is below the lower limit.",
                },
            },
            "BF68" => s with
            {
                PreviousValue = HiddenBefore,
                Explanation = "Red: 38.0% is 7.0 points below the 45.0% target. Improving from 28.6% the previous quarter.",
            },
            _ => s,
        }).ToList();
        return BoardPackModelBuilder.Build(
            SamplePack.Version, SamplePack.Cluster, SamplePack.Quarter, current, history, SamplePack.Settings, SamplePack.LatestSubmission, "Children's Centre Outcomes Framework");
    }

    [Test]
    public void The_scorecard_rows_and_exceptions_withhold_explanations_that_quote_a_hidden_figure()
    {
        var model = Model();
        var gld = model.Rows.Single(r => r.Code == "GLD");
        var bf68 = model.Rows.Single(r => r.Code == "BF68");
        var reg = model.Rows.Single(r => r.Code == "REG-U5");

        Assert.Multiple(() =>
        {
            Assert.That(gld.ActualText, Is.EqualTo("c"));
            Assert.That(gld.NumeratorDenominatorText, Is.EqualTo("c / c"));
            Assert.That(gld.Explanation, Is.EqualTo(DisclosureControl.ExplanationWithheld));
            Assert.That(gld.SpcExplanation, Is.Empty);
            Assert.That(bf68.ActualText, Is.EqualTo("38.0%"), "this quarter's figure is shown");
            Assert.That(bf68.Explanation, Is.EqualTo(DisclosureControl.ExplanationWithheld), "it quotes last quarter's hidden figure");
            Assert.That(bf68.Trend.Series[^2].ValueText, Is.EqualTo("c"));
            Assert.That(reg.Explanation, Is.EqualTo("64.0% against a target of 60.0%: on target."), "a publishable explanation is kept");

            var exceptions = model.Exceptions.ToDictionary(e => e.Code);
            Assert.That(exceptions.Keys, Does.Contain("GLD").And.Contain("BF68"));
            Assert.That(exceptions["GLD"].ActualText, Is.EqualTo("c"));
            Assert.That(exceptions["GLD"].Explanation, Is.EqualTo(DisclosureControl.ExplanationWithheld));
            Assert.That(exceptions["BF68"].Explanation, Is.EqualTo(DisclosureControl.ExplanationWithheld));
            Assert.That(model.Details.Single(d => d.Code == "GLD").Explanation, Is.EqualTo(DisclosureControl.ExplanationWithheld));
        });
    }

    [Test]
    public async Task The_hidden_numbers_are_nowhere_in_the_rendered_html()
    {
        var html = await new TemplateRenderer().RenderBoardPackAsync(Model());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Not shown: it would quote a figure withheld"));
            Assert.That(html, Does.Contain("38.0%"), "the figures that may be shown still are");
            foreach (var hidden in HiddenTexts)
            {
                Assert.That(html, Does.Not.Contain(hidden), hidden);
            }
        });
    }

    [Test]
    public void The_hidden_numbers_are_in_no_cell_of_the_workbook()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "excel-board-pack-withheld.xlsx");
        ExcelPackWriter.Write(Model(), path);
        using var workbook = new XLWorkbook(path);
        var texts = new List<string>();
        var numbers = new List<double>();
        foreach (var cell in workbook.Worksheets.SelectMany(ws => ws.CellsUsed()))
        {
            texts.Add(cell.GetString());
            if (cell.DataType == XLDataType.Number)
            {
                numbers.Add(cell.GetDouble());
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(workbook.Worksheets.Select(w => w.Name), Does.Contain("Scorecard").And.Contain("Trends").And.Contain("Data").And.Contain("SPC"));
            Assert.That(texts, Has.Some.EqualTo(DisclosureControl.ExplanationWithheld), "the Scorecard sheet says why the explanation is missing");
            Assert.That(numbers, Has.Some.EqualTo(38.0), "the figures that may be shown still are");
            foreach (var hidden in HiddenTexts)
            {
                Assert.That(texts.Where(t => t.Contains(hidden, StringComparison.Ordinal)), Is.Empty, hidden);
            }

            foreach (var hidden in new[] { HiddenNow, HiddenBefore, 15.8m, 75.0m })
            {
                Assert.That(numbers.Where(n => Math.Abs(n - (double)hidden) < 0.06), Is.Empty, hidden.ToString(CultureInfo.InvariantCulture));
            }
        });
    }

    [Test]
    public async Task A_history_finding_that_would_quote_a_withheld_figure_is_printed_without_its_figures()
    {
        var owed = new List<ReturnExpectation>();
        var outliers = new List<OutlierFlag>
        {
            new("BRD-C1", "TEEN", SamplePack.Quarter, "TEEN = 3 jumped from 12 in 2024-25 Q4 (−9, −75%)", HasCommentary: false, Withheld: true),
            new("BRD-C1", "LOWINC", SamplePack.Quarter, "LOWINC = 1234 jumped from 1100 in 2024-25 Q4 (+134, +12%)", HasCommentary: true),
        };
        var model = BoardPackModelBuilder.Build(
            SamplePack.Version, SamplePack.Cluster, SamplePack.Quarter, SamplePack.Current(), SamplePack.History(), SamplePack.Settings,
            SamplePack.LatestSubmission, null, owed, outliers);
        var html = await new TemplateRenderer().RenderBoardPackAsync(model);

        Assert.Multiple(() =>
        {
            Assert.That(model.DataQuality, Has.Some.StartWith("BRD-C1: TEEN was flagged against its own history (the figures are not shown"));
            Assert.That(model.DataQuality, Has.Some.StartWith("BRD-C1: LOWINC = 1234 jumped from 1100"), "a finding quoting nothing withheld keeps its figures");
            Assert.That(html, Does.Not.Contain("TEEN = 3").And.Not.Contain("jumped from 12 "));
        });
    }

    [Test]
    public void A_finding_quotes_a_withheld_figure_when_the_value_or_any_earlier_one_it_was_judged_against_is_disclosive()
    {
        var teen = SamplePack.Version.Find("TEEN")!;
        Observation O(decimal value, int quartersBack, string unit = "C1") => new()
        {
            OrgUnitCode = unit, MeasureCode = "TEEN", Period = SamplePack.Quarter.Shift(-quartersBack), Value = value,
        };

        Assert.Multiple(() =>
        {
            Assert.That(DisclosureControl.QuotesWithheldObservation(teen, O(3, 0), [O(12, 1)]), Is.True, "the value itself");
            Assert.That(DisclosureControl.QuotesWithheldObservation(teen, O(40, 0), [O(12, 2), O(2, 1)]), Is.True, "last quarter's, quoted as the jump's start");
            Assert.That(DisclosureControl.QuotesWithheldObservation(teen, O(40, 0), [O(12, 2), O(9, 1)]), Is.False);
            Assert.That(DisclosureControl.QuotesWithheldObservation(teen, O(40, 0), [O(2, 1, unit: "C2")]), Is.False, "another unit's history is not quoted");
            Assert.That(DisclosureControl.QuotesWithheldObservation(SamplePack.Version.Find("LOWINC")!, O(3, 0), []), Is.False, "no disclosure control");
        });
    }
}
