namespace Outcomes.Domain.Periods;

/// <summary>The kinds of reporting period English councils and DfE files use.</summary>
public enum PeriodType
{
    FinancialQuarter,
    FinancialYear,
    AcademicYear,
    CalendarYear,
    Month,
    Snapshot,
}
