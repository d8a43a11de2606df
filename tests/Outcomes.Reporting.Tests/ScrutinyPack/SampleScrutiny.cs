using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.ScrutinyPack;

namespace Outcomes.Reporting.Tests.ScrutinyPack;

/// <summary>
/// A hand-made authority with three clusters, eight quarters of scores and published comparators whose figures the
/// tests know: Bradford's real DfE GLD (total and by gender, 2012/13 to 2017/18) and England's.
/// </summary>
internal static class SampleScrutiny
{
    public const string Framework = "BRD-CC";

    public static readonly Period Quarter = Period.FinancialQuarter(2018, 4);

    public static readonly DateOnly LatestSubmission = new(2019, 4, 20);

    public static readonly OrgUnit Authority = new("BRD", "City of Bradford Metropolitan District Council", OrgUnitType.Authority, "BRD", "E08000032");

    public static readonly IReadOnlyList<OrgUnit> Clusters =
    [
        new("BRD-CL1", "North cluster", OrgUnitType.Cluster, "BRD"),
        new("BRD-CL2", "South cluster", OrgUnitType.Cluster, "BRD"),
        new("BRD-CL3", "West cluster", OrgUnitType.Cluster, "BRD"),
    ];

    public static readonly FrameworkVersion Version = new()
    {
        FrameworkCode = Framework,
        Version = 1,
        EffectiveFrom = new DateOnly(2017, 4, 1),
        Measures =
        [
            new Measure
            {
                Code = "REACH", Title = "Reach in deprived areas", Unit = MeasureUnit.Percentage, Decimals = 1, Aggregation = Aggregation.Ratio,
                CiMethod = ConfidenceIntervalMethod.Wilson, NumeratorLabel = "children reached", DenominatorLabel = "children living in the areas",
                DisclosureThreshold = 5,
            },
            new Measure
            {
                Code = "VISITS", Title = "Home visits", Unit = MeasureUnit.Count, Aggregation = Aggregation.Sum, DisclosureThreshold = 5,
            },
            new Measure
            {
                Code = "GLD", Title = "Good level of development", Unit = MeasureUnit.Percentage, Decimals = 1, Aggregation = Aggregation.Ratio,
                Frequency = Frequency.Annual, CiMethod = ConfidenceIntervalMethod.Wilson, Comparators = ["dfe-gld"],
                NumeratorLabel = "children reaching GLD", DenominatorLabel = "children assessed",
            },
            new Measure
            {
                Code = "CLA", Title = "Children looked after", Unit = MeasureUnit.Rate, RatePer = 10000, Polarity = Polarity.NoJudgement,
                Aggregation = Aggregation.None, Frequency = Frequency.Annual, CiMethod = ConfidenceIntervalMethod.Byar, Comparators = ["dfe-cla"],
                ReportedAt = "Authority",
            },
        ],
    };

    public static readonly SpcAtPoint ReachSpc = new()
    {
        Variation = SpcVariation.SpecialCauseConcern,
        Assurance = SpcAssurance.ConsistentlyFail,
        IsSpecialCause = true,
        Mean = 80m,
        Lower = 76m,
        Upper = 84m,
        Points = 8,
        IsTrial = true,
        Explanation = "Special cause of concern: the latest value of 74.0% is below the lower process limit of 76.0%.",
    };

    public static ScrutinySettings Scrutiny(params string[] neighbours) => new()
    {
        CommitteeName = "Children's Services Overview and Scrutiny Committee",
        MeetingDate = new DateOnly(2019, 6, 20),
        AgendaItem = "9",
        StatisticalNeighbours = neighbours,
        NeighboursSource = "test list",
    };

    public static ScrutinyPackInput Input(ScrutinySettings? scrutiny = null, IReadOnlyList<Score>? scores = null) => new()
    {
        Version = Version,
        FrameworkName = "Children's Centre Outcomes",
        Authority = Authority,
        Units = Clusters,
        Period = Quarter,
        Scores = scores ?? Scores(),
        Comparators = Comparators(),
        Settings = new PackSettings { CouncilName = Authority.Name, OfficerName = "Performance Team", OfficerPost = "Head of Early Help" },
        Scrutiny = scrutiny ?? Scrutiny("E08000034", "E08000033"),
        GeneratedOn = LatestSubmission,
    };

    /// <summary>
    /// The authority's eight quarters for every measure; the clusters' latest quarter. REACH: North 85/100 G, South 52/100 R
    /// (far below the authority's 74.0%), West 3/4 A (disclosive: not plotted); VISITS: a count, West 3 (disclosive);
    /// GLD: 2016/17 then 2017/18 carried through quarters (two points); CLA: no figures at all.
    /// </summary>
    public static List<Score> Scores()
    {
        var scores = new List<Score>();
        decimal[] reach = [80m, 81m, 79m, 82m, 80m, 81m, 78m, 74m];
        decimal[] visits = [900m, 950m, 920m, 980m, 940m, 960m, 990m, 1010m];
        for (var i = 0; i < 8; i++)
        {
            var p = Quarter.Shift(i - 7);
            var last = i == 7;
            scores.Add(S("BRD", "REACH", p, reach[i], last ? RagStatus.Red : RagStatus.Green, reach[i] * 5, 500, target: 85m, spc: last ? ReachSpc : null));
            scores.Add(S("BRD", "VISITS", p, visits[i], RagStatus.Green, target: 900m));
            var gld = p.Start < new DateOnly(2018, 7, 1) ? (5273m, 7796m) : (5140m, 7694m);
            scores.Add(S("BRD", "GLD", p, Math.Round(gld.Item1 / gld.Item2 * 100, 6), last ? RagStatus.Red : RagStatus.Amber, gld.Item1, gld.Item2, target: 70m, comparator: 71.5m));
            scores.Add(new Score { FrameworkCode = Framework, MeasureCode = "CLA", OrgUnitCode = "BRD", Period = p, Explanation = "No figure." });
        }

        scores.Add(S("BRD-CL1", "REACH", Quarter, 85m, RagStatus.Green, 85, 100, target: 85m));
        scores.Add(S("BRD-CL2", "REACH", Quarter, 52m, RagStatus.Red, 52, 100, target: 85m));
        scores.Add(S("BRD-CL3", "REACH", Quarter, 75m, RagStatus.Amber, 3, 4, target: 85m));
        scores.Add(S("BRD-CL1", "VISITS", Quarter, 400m, RagStatus.Blue, target: 300m));
        scores.Add(S("BRD-CL2", "VISITS", Quarter, 607m, RagStatus.Green, target: 600m));
        scores.Add(S("BRD-CL3", "VISITS", Quarter, 3m, RagStatus.Red, target: 10m));
        scores.Add(S("BRD-CL1", "GLD", Quarter, 70m, RagStatus.Green, 1400, 2000, target: 70m));
        scores.Add(S("BRD-CL2", "GLD", Quarter, 64m, RagStatus.Red, 1920, 3000, target: 70m));
        scores.Add(S("BRD-CL3", "GLD", Quarter, 67.22m, RagStatus.Amber, 1820, 2694, target: 70m));
        return scores;
    }

    /// <summary>Bradford's and England's published GLD, by gender, 2012/13 to 2018/19; neighbours for 2017/18; CLA only from 2021.</summary>
    public static List<ComparatorValue> Comparators()
    {
        var list = new List<ComparatorValue>();
        (int Year, decimal Girls, decimal Boys)[] bradford = [(2012, 56.5m, 41.5m), (2013, 64.2m, 47.4m), (2014, 71.3m, 53.4m), (2015, 73.8m, 59.0m), (2016, 75.3m, 60.2m), (2017, 73.5m, 60.0m), (2018, 74.8m, 61.4m)];
        (int Year, decimal Girls, decimal Boys)[] england = [(2012, 60.5m, 44.6m), (2013, 68.8m, 52.2m), (2014, 74.3m, 58.6m), (2015, 76.8m, 62.1m), (2016, 77.7m, 63.7m), (2017, 78.3m, 64.4m), (2018, 78.4m, 65.5m)];
        foreach (var (year, girls, boys) in bradford)
        {
            list.Add(C("dfe-gld", "E08000032", "Bradford", GeographicLevel.LocalAuthority, Period.AcademicYear(year), girls, breakdown: "Girls"));
            list.Add(C("dfe-gld", "E08000032", "Bradford", GeographicLevel.LocalAuthority, Period.AcademicYear(year), boys, breakdown: "Boys"));
        }

        foreach (var (year, girls, boys) in england)
        {
            list.Add(C("dfe-gld", "E92000001", "England", GeographicLevel.National, Period.AcademicYear(year), girls, breakdown: "Girls"));
            list.Add(C("dfe-gld", "E92000001", "England", GeographicLevel.National, Period.AcademicYear(year), boys, breakdown: "Boys"));
        }

        list.Add(C("dfe-gld", "E92000001", "England", GeographicLevel.National, Period.AcademicYear(2016), 70.7m, 473668, 669919));
        list.Add(C("dfe-gld", "E92000001", "England", GeographicLevel.National, Period.AcademicYear(2017), 71.5m, 478862, 669766));
        list.Add(C("dfe-gld", "E92000001", "England", GeographicLevel.National, Period.AcademicYear(2018), 71.8m, 458847, 638995));
        list.Add(C("dfe-gld", "E08000032", "Bradford", GeographicLevel.LocalAuthority, Period.AcademicYear(2017), 66.8m, 5140, 7694));
        list.Add(C("dfe-gld", "E08000032", "Bradford", GeographicLevel.LocalAuthority, Period.AcademicYear(2018), 68.0m, 5214, 7668));
        list.Add(C("dfe-gld", "E08000034", "Kirklees", GeographicLevel.LocalAuthority, Period.AcademicYear(2017), 69.4m, 3955, 5699));
        list.Add(C("dfe-gld", "E08000033", "Calderdale", GeographicLevel.LocalAuthority, Period.AcademicYear(2017), 70.0m, 1869, 2670));
        list.Add(C("dfe-gld", "E08000004", "Oldham", GeographicLevel.LocalAuthority, Period.AcademicYear(2017), 64.1m, 2073, 3234));
        list.Add(C("dfe-cla", "E92000001", "England", GeographicLevel.National, Period.Snapshot(new DateOnly(2021, 3, 31)), 67m, 80850, 12067000));
        list.Add(C("dfe-cla", "E92000001", "England", GeographicLevel.National, Period.Snapshot(new DateOnly(2025, 3, 31)), 67m, 81770, 12183016));
        return list;
    }

    private static Score S(
        string unit, string measure, Period period, decimal actual, RagStatus status, decimal? numerator = null, decimal? denominator = null,
        decimal? target = null, decimal? comparator = null, SpcAtPoint? spc = null) => new()
    {
        FrameworkCode = Framework,
        MeasureCode = measure,
        OrgUnitCode = unit,
        Period = period,
        Actual = actual,
        Numerator = numerator,
        Denominator = denominator,
        Target = target,
        Status = status,
        Comparator = comparator,
        Spc = spc,
        Explanation = $"{measure} for {unit} in {period.Key}.",
    };

    private static ComparatorValue C(
        string indicator, string area, string name, GeographicLevel level, Period period, decimal value, decimal? numerator = null, decimal? denominator = null,
        string breakdown = "Total") => new()
    {
        IndicatorCode = indicator,
        AreaCode = area,
        AreaName = name,
        Level = level,
        Period = period,
        Value = value,
        Numerator = numerator,
        Denominator = denominator,
        Breakdown = breakdown,
    };
}
