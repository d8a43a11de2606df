using ClosedXML.Excel;
using Outcomes.Reporting.Excel.Scrutiny;
using Outcomes.Reporting.ScrutinyPack;
using Outcomes.Reporting.Templates;
using Outcomes.Reporting.Tests.Excel;

namespace Outcomes.Reporting.Tests.ScrutinyPack;

/// <summary>
/// The scrutiny pack keeps disclosure control as the board pack does: on <see cref="ExcelSampleScrutiny"/> with West's
/// REACH this quarter disclosive (2 of 7 = 28.6%, with an interval, an SPC reading and an explanation that quote it) and
/// the authority's REACH last quarter disclosive too (quoted as the previous value by this quarter's explanation), the
/// hidden numbers appear nowhere in the rendered HTML nor in any cell of the workbook.
/// </summary>
public sealed class ScrutinyWithheldFigureTests
{
    private const decimal Hidden = 200m / 7m;

    private static readonly string[] HiddenTexts = ["28.6", "28.57", "2 / 7", "8.2%", "64.1%", "West: 28"];

    private static ScrutinyPackModel Model()
    {
        var quarter = SampleScrutiny.Quarter;
        var input = ExcelSampleScrutiny.Input();
        var scores = input.Scores.Select(s => (s.OrgUnitCode, s.MeasureCode) switch
        {
            ("BRD-CL3", "REACH") => s with
            {
                Actual = Hidden, Numerator = 2, Denominator = 7, LowerCi = 8.2m, UpperCi = 64.1m,
                Explanation = "Red: 28.6% is 56.4 points below the 85.0% target.",
                Spc = ExcelSampleScrutiny.WestSpc with { Explanation = "West: 28.6% is below the lower limit." },
            },
            ("BRD", "REACH") when s.Period == quarter.Shift(-1) => s with { Actual = Hidden, Numerator = 2, Denominator = 7 },
            ("BRD", "REACH") when s.Period == quarter => s with
            {
                PreviousValue = Hidden, DirectionFromPrevious = Direction.Improving,
                Explanation = "Red: 74.0% is 11.0 points below the 85.0% target. Improving from 28.6% the previous quarter.",
            },
            _ => s,
        }).ToList();
        return ScrutinyPackModelBuilder.Build(input with { Scores = scores });
    }

    // "8.2%" is hidden, "68.2%" (a published figure) is not.
    private static string Pattern(string hidden) => @"(?<![\d.])" + System.Text.RegularExpressions.Regex.Escape(hidden);

    [Test]
    public async Task The_hidden_numbers_are_nowhere_in_the_rendered_html()
    {
        var html = await new TemplateRenderer().RenderScrutinyPackAsync(Model());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("74.0%"), "the figures that may be shown still are");
            foreach (var hidden in HiddenTexts)
            {
                Assert.That(html, Does.Not.Match(Pattern(hidden)), hidden);
            }
        });
    }

    [Test]
    public void The_hidden_numbers_are_in_no_cell_of_the_workbook()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "excel-scrutiny-pack-withheld.xlsx");
        ScrutinyExcelWriter.Write(Model(), path);
        using var workbook = new XLWorkbook(path);
        var cells = workbook.Worksheets.SelectMany(ws => ws.CellsUsed()).ToList();
        var texts = cells.Select(c => c.GetString()).ToList();
        var numbers = cells.Where(c => c.DataType == XLDataType.Number).Select(c => c.GetDouble()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(numbers, Has.Some.EqualTo(74.0), "the figures that may be shown still are");
            foreach (var hidden in HiddenTexts)
            {
                Assert.That(texts.Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, Pattern(hidden))), Is.Empty, hidden);
            }

            foreach (var hidden in new[] { (double)Hidden, 8.2, 64.1 })
            {
                Assert.That(numbers.Where(n => Math.Abs(n - hidden) < 0.06), Is.Empty, hidden.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });
    }
}
