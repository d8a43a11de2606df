using ClosedXML.Excel;
using Outcomes.Domain.Frameworks;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Excel;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>
/// <see cref="SamplePack"/> with what the Excel pack needs beyond it: SPC readings at every point after the first
/// (XmR limits worked out from the figures up to that point, REREF's latest flagged as a special cause), a rate measure,
/// and a measure with no figures whose title starts with "=". Written once to a real .xlsx file.
/// </summary>
internal static class ExcelSamplePack
{
    public const string FormulaTitle = "=1+1 families newly registered";

    public static readonly FrameworkVersion Version = SamplePack.Version with
    {
        Measures =
        [
            .. SamplePack.Version.Measures,
            new Measure
            {
                Code = "CONT", Title = "Contacts per 1,000 children", Unit = MeasureUnit.Rate, RatePer = 1000, Decimals = 1,
                Aggregation = Aggregation.Ratio, Group = "How well", Definition = "@risk: contacts made, per 1,000 children under 5.",
            },
            new Measure { Code = "NEWREG", Title = FormulaTitle, Unit = MeasureUnit.Count, Group = "Reach", Definition = "-1 means none were counted." },
        ],
    };

    private static readonly Lazy<string> File = new(WriteFile);

    /// <summary>The written workbook's path (beside the test assembly, left there to look at).</summary>
    public static string Path => File.Value;

    public static BoardPackModel Model()
    {
        var scores = Scores();
        return BoardPackModelBuilder.Build(
            Version, SamplePack.Cluster, SamplePack.Quarter,
            scores.Where(s => s.Period == SamplePack.Quarter).ToList(),
            scores.Where(s => s.Period != SamplePack.Quarter).ToList(),
            SamplePack.Settings, SamplePack.LatestSubmission, "Children's Centre Outcomes Framework");
    }

    /// <summary>Every score the model is built from (history and the pack's quarter), SPC included.</summary>
    public static List<Score> Scores()
    {
        var rates = new[] { 418.5m, 405.0m, 409.75m, 412.25m }.Select((v, i) => new Score
        {
            FrameworkCode = SamplePack.Framework, MeasureCode = "CONT", OrgUnitCode = SamplePack.Cluster.Code,
            Period = SamplePack.Quarter.Shift(i - 3), Actual = v, Target = i == 3 ? 400m : null, Status = RagStatus.Green,
            Explanation = i == 3 ? "412.3 per 1,000 against a target of 400.0." : "History.",
        });
        return WithSpc([.. SamplePack.History(), .. SamplePack.Current(), .. rates]);
    }

    public static Score Score(string measure, int quartersBack = 0) =>
        Scores().Single(s => s.MeasureCode == measure && s.Period == SamplePack.Quarter.Shift(-quartersBack));

    public static XLWorkbook Open() => new(Path);

    /// <summary>
    /// Adds an XmR reading to each score from the second of its series on: mean of the figures so far, limits at the
    /// mean ± 2.66 × the mean moving range. REREF's latest point is flagged as a special cause of concern.
    /// </summary>
    public static List<Score> WithSpc(IEnumerable<Score> scores) =>
        scores
            .GroupBy(s => s.MeasureCode)
            .SelectMany(g =>
            {
                var series = g.OrderBy(s => s.Period).ToList();
                return series.Select((s, i) =>
                {
                    if (i == 0)
                    {
                        return s;
                    }

                    var values = series.Take(i + 1).Select(x => x.Actual!.Value).ToList();
                    var mean = values.Average();
                    var movingRange = values.Zip(values.Skip(1), (a, b) => Math.Abs(b - a)).Average();
                    var flagged = s.MeasureCode == "REREF" && s.Period == SamplePack.Quarter;
                    return s with
                    {
                        Spc = new SpcAtPoint
                        {
                            Mean = mean,
                            Lower = mean - (2.66m * movingRange),
                            Upper = mean + (2.66m * movingRange),
                            IsSpecialCause = flagged,
                            Variation = flagged ? SpcVariation.SpecialCauseConcern : SpcVariation.CommonCause,
                            Assurance = s.Target is null ? SpcAssurance.None : SpcAssurance.HitAndMiss,
                            Points = values.Count,
                            IsTrial = true,
                            Explanation = $"{s.MeasureCode} mean {mean:0.00} over {values.Count} points.",
                        },
                    };
                });
            })
            .ToList();

    private static string WriteFile()
    {
        var path = System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, "excel-board-pack.xlsx");
        ExcelPackWriter.Write(Model(), path);
        return path;
    }
}
