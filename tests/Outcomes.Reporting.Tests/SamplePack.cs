using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.Tests;

/// <summary>A hand-made framework, cluster and scores whose printed figures the tests know by heart.</summary>
internal static class SamplePack
{
    public const string Framework = "CCOF";

    public static readonly Period Quarter = Period.FinancialQuarter(2025, 1);

    public static readonly DateOnly LatestSubmission = new(2025, 7, 18);

    public static readonly OrgUnit Cluster = new("BRD-C1", "Bradford North Cluster", OrgUnitType.Cluster, "BRD");

    public static readonly FrameworkVersion Version = new()
    {
        FrameworkCode = Framework,
        Version = 3,
        EffectiveFrom = new DateOnly(2024, 4, 1),
        Measures =
        [
            Pct("REG-U5", "Children under 5 registered", "Reach", numerator: "Children registered", denominator: "Children under 5 living in the area"),
            Pct("ENG-U5", "Registered children engaged", "Reach"),
            Pct("GLD", "Good level of development at age 5", "Better off"),
            Pct("REREF", "Re-referrals", "Better off", Polarity.LowerIsBetter),
            Pct("BF68", "Breastfeeding at 6 to 8 weeks", "Better off"),
            new Measure
            {
                Code = "TEEN", Title = "Teenage parents engaged", Unit = MeasureUnit.Count, Aggregation = Aggregation.Sum,
                DisclosureThreshold = 5, Group = "How well", Definition = "Parents aged under 20 seen at least once in the quarter.",
            },
            new Measure
            {
                Code = "LOWINC", Title = "Low-income families attending", Unit = MeasureUnit.Count, Aggregation = Aggregation.Sum,
                Group = "How well",
            },
        ],
    };

    public static readonly PackSettings Settings = new()
    {
        CouncilName = "City of Bradford Metropolitan District Council",
        CommitteeName = "Children's Centres Advisory Board (North)",
        MeetingDate = new DateOnly(2025, 9, 10),
        AgendaItem = "7",
        OfficerName = "Jane Smith",
        OfficerPost = "Early Help Performance Manager",
        OfficerEmail = "jane.smith@example.gov.uk",
        OfficerPhone = "01274 000000",
        ElectoralDivisions = "Bolton and Undercliffe; Idle and Thackley",
    };

    /// <summary>Scores for the quarter: G, G, A, R (worsening), R (improving), A (disclosive count), B.</summary>
    public static List<Score> Current() =>
    [
        S("REG-U5", 64.0m, 60m, RagStatus.Green, Direction.Improving, previous: 61.0m, comparator: 62.5m, numerator: 32, denominator: 50,
            explanation: "64.0% against a target of 60.0%: on target.", commentary: "=SUM(A1)"),
        S("ENG-U5", 71.25m, 70m, RagStatus.Green, Direction.NoChange, previous: 71.25m, comparator: 65m,
            explanation: "71.3% against a target of 70.0%."),
        S("GLD", 66.5m, 70m, RagStatus.Amber, Direction.Improving, previous: 64m, comparator: 67.7m,
            explanation: "66.5% is within 5 points of the 70.0% target."),
        S("REREF", 24.0m, 18m, RagStatus.Red, Direction.Worsening, previous: 21m, comparator: 22.4m,
            explanation: "24.0% against a target of 18.0% or lower: off target, and worse than last quarter.",
            commentary: "Two families with complex needs were re-referred after the summer closure; a review is under way."),
        S("BF68", 38.0m, 45m, RagStatus.Red, Direction.Improving, previous: 35m, comparator: 49.2m,
            explanation: "38.0% against a target of 45.0%: off target but improving."),
        S("TEEN", 3m, 10m, RagStatus.Amber, Direction.Worsening, previous: 8m,
            explanation: "Fewer than 5 teenage parents were engaged."),
        S("LOWINC", 1234m, 1000m, RagStatus.Blue, Direction.Improving, previous: 1100m,
            explanation: "1,234 against a target of 1,000: stretch target met."),
    ];

    /// <summary>Three earlier quarters for every measure.</summary>
    public static List<Score> History()
    {
        var values = new Dictionary<string, decimal[]>
        {
            ["REG-U5"] = [55m, 58m, 61m],
            ["ENG-U5"] = [69m, 70.5m, 71.25m],
            ["GLD"] = [60m, 62m, 64m],
            ["REREF"] = [16m, 19m, 21m],
            ["BF68"] = [30m, 33m, 35m],
            ["TEEN"] = [12m, 9m, 8m],
            ["LOWINC"] = [900m, 1000m, 1100m],
        };
        var result = new List<Score>();
        foreach (var (code, series) in values)
        {
            for (var i = 0; i < series.Length; i++)
            {
                result.Add(new Score
                {
                    FrameworkCode = Framework, MeasureCode = code, OrgUnitCode = Cluster.Code, Period = Quarter.Shift(i - series.Length),
                    Actual = series[i], Status = RagStatus.Green, Explanation = "History.",
                });
            }
        }

        return result;
    }

    public static BoardPackModel Model() =>
        BoardPackModelBuilder.Build(Version, Cluster, Quarter, Current(), History(), Settings, LatestSubmission, "Children's Centre Outcomes Framework");

    private static Measure Pct(string code, string title, string group, Polarity polarity = Polarity.HigherIsBetter, string? numerator = null, string? denominator = null) => new()
    {
        Code = code, Title = title, Group = group, Unit = MeasureUnit.Percentage, Decimals = 1, Polarity = polarity,
        Aggregation = Aggregation.Ratio, NumeratorLabel = numerator, DenominatorLabel = denominator, DisclosureThreshold = 5,
        Definition = $"{title}, as a percentage.",
    };

    private static Score S(
        string code, decimal actual, decimal target, RagStatus status, Direction direction, decimal? previous = null, decimal? comparator = null,
        decimal? numerator = null, decimal? denominator = null, string explanation = "", string? commentary = null) => new()
    {
        FrameworkCode = Framework,
        MeasureCode = code,
        OrgUnitCode = Cluster.Code,
        Period = Quarter,
        Actual = actual,
        Target = target,
        Status = status,
        DirectionFromPrevious = direction,
        PreviousValue = previous,
        Comparator = comparator,
        ComparedWithEngland = comparator is null ? BenchmarkComparison.NotCompared : actual > comparator ? BenchmarkComparison.Higher : BenchmarkComparison.Lower,
        Numerator = numerator,
        Denominator = denominator,
        Explanation = explanation,
        Commentary = commentary,
    };
}
