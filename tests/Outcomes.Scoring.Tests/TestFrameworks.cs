using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;

namespace Outcomes.Scoring.Tests;

/// <summary>A small hand-built framework and tree: authority A → clusters C1, C2 → centres.</summary>
internal static class TestFrameworks
{
    public static readonly Measure Gld = new()
    {
        Code = "GLD", Title = "Good level of development", Unit = MeasureUnit.Percentage, Decimals = 1,
        Polarity = Polarity.HigherIsBetter, Aggregation = Aggregation.Ratio, CiMethod = ConfidenceIntervalMethod.Wilson,
        NumeratorLabel = "reaching GLD", DenominatorLabel = "assessed", Comparators = ["dfe-eyfsp-gld-percent"],
    };

    public static readonly Measure ReReferrals = new()
    {
        Code = "REREF", Title = "Re-referrals within 12 months", Unit = MeasureUnit.Percentage, Decimals = 1,
        Polarity = Polarity.LowerIsBetter, Aggregation = Aggregation.Ratio, NumeratorLabel = "re-referred", DenominatorLabel = "referred",
    };

    public static readonly Measure Registrations = new()
    {
        Code = "REG", Title = "New registrations", Unit = MeasureUnit.Count, Aggregation = Aggregation.Sum,
    };

    public static FrameworkVersion Version(RagScheme scheme = RagScheme.Rag) => new()
    {
        FrameworkCode = "T", Version = 1, EffectiveFrom = new DateOnly(2017, 4, 1), Scheme = scheme,
        Measures = [Gld, ReReferrals, Registrations],
    };

    public static OrgUnitHierarchy Tree() => new(
        [
            new OrgUnit("A", "Authority", OrgUnitType.Authority, "A", "E08000032"),
            new OrgUnit("C1", "Cluster 1", OrgUnitType.Cluster, "A"),
            new OrgUnit("C2", "Cluster 2", OrgUnitType.Cluster, "A"),
            new OrgUnit("C1-1", "Centre 1", OrgUnitType.Centre, "A"),
            new OrgUnit("C1-2", "Centre 2", OrgUnitType.Centre, "A", ClosedOn: new DateOnly(2017, 12, 31), SuccessorCode: "C2-1"),
            new OrgUnit("C2-1", "Centre 3", OrgUnitType.Centre, "A"),
        ],
        [
            new OrgUnitLink("C1", "A"), new OrgUnitLink("C2", "A"),
            new OrgUnitLink("C1-1", "C1"), new OrgUnitLink("C1-2", "C1", To: new DateOnly(2017, 12, 31)), new OrgUnitLink("C2-1", "C2"),
        ]);

    public static Observation Ratio(string unit, Period p, string measure, decimal num, decimal den) => new()
    {
        OrgUnitCode = unit, Period = p, MeasureCode = measure, Numerator = num, Denominator = den, Value = num / den * 100m,
    };

    public static Observation Count(string unit, Period p, string measure, decimal value) => new()
    {
        OrgUnitCode = unit, Period = p, MeasureCode = measure, Value = value,
    };

    public static Target Target(string measure, decimal value, decimal tolerance, string? unit = null, decimal? stretch = null,
        ToleranceKind kind = ToleranceKind.Absolute) => new()
    {
        FrameworkCode = "T", MeasureCode = measure, OrgUnitCode = unit, Value = value, Tolerance = tolerance, Stretch = stretch, ToleranceKind = kind,
    };
}
