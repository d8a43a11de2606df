using System.Globalization;

namespace Outcomes.Domain.Periods;

/// <summary>
/// A typed, closed interval of dates. The canonical <see cref="Key"/> is the one spelling
/// the product stores and prints: "2017-18 Q1", "2017-18", "2016/17", "2017", "2017-04", "2017-03-31".
/// </summary>
public readonly record struct Period(PeriodType Type, DateOnly Start, DateOnly End) : IComparable<Period>
{
    public static Period FinancialQuarter(int financialYearStart, int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A financial quarter is 1 to 4.");
        }

        var start = new DateOnly(financialYearStart, 4, 1).AddMonths(3 * (quarter - 1));
        return new Period(PeriodType.FinancialQuarter, start, start.AddMonths(3).AddDays(-1));
    }

    public static Period FinancialYear(int startYear) =>
        new(PeriodType.FinancialYear, new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31));

    /// <summary>Academic year starting 1 September of <paramref name="startYear"/> (2016 gives 2016/17).</summary>
    public static Period AcademicYear(int startYear) =>
        new(PeriodType.AcademicYear, new DateOnly(startYear, 9, 1), new DateOnly(startYear + 1, 8, 31));

    public static Period CalendarYear(int year) =>
        new(PeriodType.CalendarYear, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static Period Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new Period(PeriodType.Month, start, start.AddMonths(1).AddDays(-1));
    }

    public static Period Snapshot(DateOnly date) => new(PeriodType.Snapshot, date, date);

    /// <summary>The financial year (April start) that contains <see cref="Start"/>.</summary>
    public int FinancialYearStart => Start.Month >= 4 ? Start.Year : Start.Year - 1;

    /// <summary>1..4 for a financial quarter; 0 otherwise.</summary>
    public int Quarter => Type == PeriodType.FinancialQuarter ? ((Start.Month + 8) % 12 / 3) + 1 : 0;

    public string Key => Type switch
    {
        PeriodType.FinancialQuarter => $"{FinancialYearLabel(FinancialYearStart)} Q{Quarter}",
        PeriodType.FinancialYear => FinancialYearLabel(Start.Year),
        PeriodType.AcademicYear => $"{Start.Year}/{(Start.Year + 1) % 100:00}",
        PeriodType.CalendarYear => Start.Year.ToString(CultureInfo.InvariantCulture),
        PeriodType.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodType.Snapshot => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unknown period type {Type}."),
    };

    /// <summary>A label for people: "2017-18 Q1 (Apr–Jun 2017)", "31 March 2021".</summary>
    public string Label => Type switch
    {
        PeriodType.FinancialQuarter =>
            $"{Key} ({Start.ToString("MMM", CultureInfo.InvariantCulture)}–{End.ToString("MMM yyyy", CultureInfo.InvariantCulture)})",
        PeriodType.AcademicYear => $"Academic year {Key}",
        PeriodType.FinancialYear => $"Financial year {Key}",
        PeriodType.Month => Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        PeriodType.Snapshot => Start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        _ => Key,
    };

    /// <summary>The period of the same type immediately before this one.</summary>
    public Period Previous() => Shift(-1);

    /// <summary>The period of the same type immediately after this one.</summary>
    public Period Next() => Shift(1);

    /// <summary>The same period a year earlier (for quarters: same quarter last year).</summary>
    public Period SameLastYear() => Type switch
    {
        PeriodType.FinancialQuarter => FinancialQuarter(FinancialYearStart - 1, Quarter),
        PeriodType.Month => Month(Start.Year - 1, Start.Month),
        PeriodType.Snapshot => Snapshot(Start.AddYears(-1)),
        _ => Shift(-1),
    };

    public Period Shift(int steps) => Type switch
    {
        PeriodType.FinancialQuarter => FromStart(Type, Start.AddMonths(3 * steps)),
        PeriodType.Month => FromStart(Type, Start.AddMonths(steps)),
        PeriodType.Snapshot => Snapshot(Start.AddYears(steps)),
        _ => FromStart(Type, Start.AddYears(steps)),
    };

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public int CompareTo(Period other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : End.CompareTo(other.End);
    }

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    public override string ToString() => Key;

    private static Period FromStart(PeriodType type, DateOnly start) => type switch
    {
        PeriodType.FinancialQuarter => new Period(type, start, start.AddMonths(3).AddDays(-1)),
        PeriodType.Month => new Period(type, start, start.AddMonths(1).AddDays(-1)),
        _ => new Period(type, start, start.AddYears(1).AddDays(-1)),
    };

    private static string FinancialYearLabel(int startYear) =>
        $"{startYear}-{(startYear + 1) % 100:00}";
}
