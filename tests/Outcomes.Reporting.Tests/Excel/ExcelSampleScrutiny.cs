using ClosedXML.Excel;
using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.Excel.Scrutiny;
using Outcomes.Reporting.ScrutinyPack;
using Outcomes.Reporting.Tests.ScrutinyPack;

namespace Outcomes.Reporting.Tests.Excel;

/// <summary>
/// <see cref="SampleScrutiny"/> with what the scrutiny workbook needs beyond it: the North cluster's REACH history with
/// an SPC reading (SPC by cluster), an SPC reading on West's disclosive REACH figure (which must not be shown), a count
/// measure titled "+1 …" with a definition starting "=", a statistical neighbour whose published figure is
/// suppressed ("c"), and the region (Yorkshire and the Humber, 2017/18 as published). Written once to a real .xlsx file.
/// </summary>
internal static class ExcelSampleScrutiny
{
    public const string FormulaTitle = "+1 families newly registered";

    public const string FormulaDefinition = "=HYPERLINK(\"http://example.invalid\",\"click\")";

    /// <summary>A neighbour in the release whose GLD figure is suppressed.</summary>
    public const string SuppressedNeighbour = "E08000035";

    public static readonly SpcAtPoint NorthSpc = new()
    {
        Variation = SpcVariation.CommonCause,
        Assurance = SpcAssurance.HitAndMiss,
        IsSpecialCause = false,
        Mean = 83.5m,
        Lower = 77.25m,
        Upper = 89.75m,
        Points = 4,
        IsTrial = true,
        Explanation = "North: common cause variation.",
    };

    public static readonly SpcAtPoint WestSpc = NorthSpc with { Mean = 61.111m, Explanation = "West: not to be shown." };

    public static readonly FrameworkVersion Version = SampleScrutiny.Version with
    {
        Measures =
        [
            .. SampleScrutiny.Version.Measures,
            new Measure { Code = "NEWREG", Title = FormulaTitle, Unit = MeasureUnit.Count, Aggregation = Aggregation.Sum, Definition = FormulaDefinition },
        ],
    };

    private static readonly Lazy<string> File = new(WriteFile);

    /// <summary>The written workbook's path (beside the test assembly, left there to look at).</summary>
    public static string Path => File.Value;

    public static XLWorkbook Open() => new(Path);

    public static ScrutinyPackModel Model() => ScrutinyPackModelBuilder.Build(Input());

    public static ScrutinyPackInput Input() =>
        SampleScrutiny.Input(SampleScrutiny.Scrutiny("E08000034", "E08000033", SuppressedNeighbour) with { Region = "E12000003" }, Scores()) with
    {
        Version = Version,
        Comparators =
        [
            .. SampleScrutiny.Comparators(),
            new ComparatorValue
            {
                IndicatorCode = "dfe-gld", AreaCode = SuppressedNeighbour, AreaName = "Leeds", Level = GeographicLevel.LocalAuthority,
                Period = Period.AcademicYear(2017), SuppressionReason = "c",
            },
            new ComparatorValue
            {
                IndicatorCode = "dfe-gld", AreaCode = "E12000003", AreaName = "Yorkshire and the Humber", Level = GeographicLevel.Regional,
                Period = Period.AcademicYear(2017), Value = 69.4m, Numerator = 45166, Denominator = 65037,
            },
        ],
    };

    public static List<Score> Scores()
    {
        var quarter = SampleScrutiny.Quarter;
        var scores = SampleScrutiny.Scores()
            .Select(s => (s.OrgUnitCode, s.MeasureCode) switch
            {
                ("BRD-CL1", "REACH") => s with { Spc = NorthSpc },
                ("BRD-CL3", "REACH") => s with { Spc = WestSpc },
                _ => s,
            })
            .ToList();
        decimal[] north = [82m, 84m, 83m];
        for (var i = 0; i < north.Length; i++)
        {
            scores.Add(new Score
            {
                FrameworkCode = SampleScrutiny.Framework, MeasureCode = "REACH", OrgUnitCode = "BRD-CL1", Period = quarter.Shift(i - 3),
                Actual = north[i], Numerator = north[i], Denominator = 100, Target = 85m, Status = RagStatus.Amber, Explanation = "History.",
            });
        }

        for (var i = 0; i < 8; i++)
        {
            scores.Add(new Score
            {
                FrameworkCode = SampleScrutiny.Framework, MeasureCode = "NEWREG", OrgUnitCode = "BRD", Period = quarter.Shift(i - 7),
                Actual = 120 + (10 * i), Status = RagStatus.Grey, Explanation = "No target.",
            });
        }

        return scores;
    }

    private static string WriteFile()
    {
        var path = System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, "excel-scrutiny-pack.xlsx");
        ScrutinyExcelWriter.Write(Model(), path);
        return path;
    }
}
