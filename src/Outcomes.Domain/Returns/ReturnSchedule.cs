using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;

namespace Outcomes.Domain.Returns;

/// <summary>
/// Which measures a quarterly return asks for.
/// <list type="bullet">
/// <item>Quarterly and monthly measures are due every quarter (a monthly measure is returned as the quarter's figure).</item>
/// <item>Annual measures are due once a financial year, in <b>Q3</b> (October–December). That is the first return after
/// the DfE publishes the academic-year results (EYFSP/GLD in November), so the figure asked for is the academic year
/// that ended the previous summer: the 2017-18 Q3 return carries GLD for 2016/17. For a financial-year annual measure
/// Q3 is the mid-year point at which the previous financial year's figure is final.</item>
/// <item>A measure with <see cref="Measure.ReportedAt"/> names the lowest level that reports it: "Authority" measures are
/// never in a centre or cluster template. An unrecognised level is treated as "every returning unit".</item>
/// </list>
/// </summary>
public static class ReturnSchedule
{
    /// <summary>The financial quarter in which annual measures are due.</summary>
    public const int AnnualDueQuarter = 3;

    /// <summary>Measures due from <paramref name="unitType"/> for <paramref name="period"/>, in framework order.</summary>
    public static IReadOnlyList<Measure> MeasuresDue(FrameworkVersion version, OrgUnitType unitType, Period period) =>
        version.Measures.Where(m => IsDue(m, unitType, period)).ToList();

    public static bool IsDue(Measure measure, OrgUnitType unitType, Period period) =>
        IsReportedBy(measure, unitType) && IsDueIn(measure, period);

    /// <summary>True when the measure's frequency puts it in a return for <paramref name="period"/>.</summary>
    public static bool IsDueIn(Measure measure, Period period) => measure.Frequency switch
    {
        Frequency.Annual => period.Type != PeriodType.FinancialQuarter || period.Quarter == AnnualDueQuarter,
        _ => true,
    };

    /// <summary>The academic year an annual measure in this return refers to (2017-18 Q3 → 2016/17).</summary>
    public static Period AnnualAcademicYearFor(Period returnPeriod) => Period.AcademicYear(returnPeriod.FinancialYearStart - 1);

    /// <summary>True when a unit of this type reports the measure (its level is at or above <see cref="Measure.ReportedAt"/>).</summary>
    public static bool IsReportedBy(Measure measure, OrgUnitType unitType)
    {
        if (string.IsNullOrWhiteSpace(measure.ReportedAt)
            || !Enum.TryParse<OrgUnitType>(measure.ReportedAt.Replace(" ", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var lowest))
        {
            return true;
        }

        return Rank(unitType) <= Rank(lowest);
    }

    // Higher in the tree is a smaller rank. Centres and family hubs sit at the same level.
    private static int Rank(OrgUnitType type) => type switch
    {
        OrgUnitType.Authority => 0,
        OrgUnitType.District => 1,
        OrgUnitType.Locality => 2,
        OrgUnitType.Cluster => 3,
        OrgUnitType.Centre or OrgUnitType.FamilyHub => 4,
        _ => 5,
    };
}
