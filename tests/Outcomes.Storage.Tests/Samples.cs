using System.Text;
using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Domain.Scores;
using Outcomes.Domain.Targets;

namespace Outcomes.Storage.Tests;

/// <summary>A small Bradford-shaped world: an authority, a cluster, two centres (one merged into the other).</summary>
internal static class Samples
{
    public const string Authority = "BRD";
    public const string Cluster = "BRD-C1";
    public const string Centre = "BRD-C1-01";
    public const string ClosedCentre = "BRD-C1-02";
    public const string FrameworkCode = "BRD-CC";

    public static readonly Period Q1 = Period.FinancialQuarter(2017, 1);

    public static IReadOnlyList<OrgUnit> Units =>
    [
        new(Authority, "Bradford", OrgUnitType.Authority, Authority, "E08000032"),
        new(Cluster, "Cluster 1", OrgUnitType.Cluster, Authority, OpenedOn: new DateOnly(2015, 4, 1)),
        new(Centre, "Canterbury Children's Centre", OrgUnitType.Centre, Authority, OpenedOn: new DateOnly(2006, 9, 1)),
        new(ClosedCentre, "Former Centre", OrgUnitType.Centre, Authority, null, new DateOnly(2006, 9, 1), new DateOnly(2016, 3, 31), Centre),
    ];

    public static IReadOnlyList<OrgUnitLink> Links =>
    [
        new(Cluster, Authority, new DateOnly(2015, 4, 1)),
        new(Centre, Cluster, new DateOnly(2015, 4, 1)),
        new(ClosedCentre, Cluster, new DateOnly(2015, 4, 1), new DateOnly(2016, 3, 31)),
    ];

    public static FrameworkVersion Version1 => new()
    {
        FrameworkCode = FrameworkCode,
        Version = 1,
        EffectiveFrom = new DateOnly(2017, 4, 1),
        Notes = "First framework.",
        Scheme = RagScheme.Brag,
        Measures =
        [
            new Measure
            {
                Code = "GLD", Title = "Good level of development", Unit = MeasureUnit.Percentage, Aggregation = Aggregation.Ratio,
                Decimals = 1, NumeratorLabel = "Children at GLD", DenominatorLabel = "Children assessed", CiMethod = ConfidenceIntervalMethod.Wilson,
                Comparators = ["dfe-eyfsp-gld-percent"], DisclosureThreshold = 5, Group = "Better off",
            },
            new Measure { Code = "REG", Title = "Children registered", Unit = MeasureUnit.Count, Group = "How much" },
            new Measure { Code = "ENG", Title = "Children engaged", Unit = MeasureUnit.Count, Required = false },
        ],
        Rules = [new CrossMeasureRule("R1", "Engaged cannot exceed registered", "ENG", RuleOperator.LessThanOrEqual, "REG")],
    };

    public static FrameworkVersion Version2 => Version1 with { Version = 2, EffectiveFrom = new DateOnly(2018, 4, 1), Notes = "Adds nothing yet." };

    public static Framework Framework(params FrameworkVersion[] versions) => new()
    {
        Code = FrameworkCode,
        Name = "Bradford children's centres",
        AuthorityCode = Authority,
        Description = "Quarterly centre returns.",
        ReturningLevel = "Centre",
        Versions = versions.Length == 0 ? [Version1] : versions,
    };

    public static Observation Obs(string measure, decimal? value, decimal? numerator = null, decimal? denominator = null, string? suppression = null, string unit = Centre) =>
        new() { OrgUnitCode = unit, Period = Q1, MeasureCode = measure, Value = value, Numerator = numerator, Denominator = denominator, SuppressionReason = suppression };

    public static QuarterlyReturn Return(params Observation[] observations) => new()
    {
        FrameworkCode = FrameworkCode,
        FrameworkVersion = 1,
        OrgUnitCode = Centre,
        Period = Q1,
        Observations = observations.Length > 0
            ? observations
            : [Obs("GLD", 51.05m, 1021, 2000), Obs("REG", 120), Obs("ENG", null, suppression: "c")],
    };

    public static byte[] File(string text) => Encoding.UTF8.GetBytes(text);

    public static IReadOnlyList<Target> Targets =>
    [
        new Target { FrameworkCode = FrameworkCode, MeasureCode = "GLD", Value = 65.5m, Stretch = 70m, Tolerance = 5m, Source = TargetSource.National },
        new Target
        {
            FrameworkCode = FrameworkCode, MeasureCode = "REG", OrgUnitCode = Centre, Value = 100, Tolerance = 10m, ToleranceKind = ToleranceKind.Relative,
            From = new DateOnly(2017, 4, 1), To = new DateOnly(2018, 3, 31), SetOn = new DateOnly(2017, 3, 1), SetBy = "Advisory board",
        },
    ];

    public static IReadOnlyList<ComparatorValue> Comparators(decimal englandValue = 69.0m) =>
    [
        new ComparatorValue
        {
            IndicatorCode = "dfe-eyfsp-gld-percent", AreaCode = "E92000001", AreaName = "England", Level = GeographicLevel.National,
            Period = Period.AcademicYear(2016), Value = englandValue, Numerator = 457000, Denominator = 662000,
        },
        new ComparatorValue
        {
            IndicatorCode = "dfe-eyfsp-gld-percent", AreaCode = "E08000032", AreaName = "Bradford", Level = GeographicLevel.LocalAuthority,
            Period = Period.AcademicYear(2016), Breakdown = "Boys", Value = null, SuppressionReason = "c",
        },
    ];

    public static Score Score(string measure, Period period, decimal? actual, RagStatus status) => new()
    {
        FrameworkCode = FrameworkCode,
        MeasureCode = measure,
        OrgUnitCode = Centre,
        Period = period,
        Actual = actual,
        Numerator = 1021,
        Denominator = 2000,
        Target = 65.5m,
        Status = status,
        DirectionFromPrevious = Direction.Improving,
        DirectionFromLastYear = Direction.NotComparable,
        PreviousValue = 49.9m,
        LowerCi = 48.86m,
        UpperCi = 53.24m,
        Comparator = 69.0m,
        ComparedWithEngland = BenchmarkComparison.Worse,
        Commentary = "New outreach worker.",
        Explanation = $"{measure} was {actual}%, below the target of 65.5%.",
    };
}
