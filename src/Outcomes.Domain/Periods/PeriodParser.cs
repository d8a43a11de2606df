using System.Globalization;
using System.Text.RegularExpressions;

namespace Outcomes.Domain.Periods;

/// <summary>
/// Reads the spellings of periods found in council spreadsheets and DfE open-data files.
/// Failures are returned as a message, never thrown, so callers can report the cell.
/// </summary>
public static partial class PeriodParser
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy", "dd-MM-yyyy",
    ];

    private static readonly string[] MonthFormats = ["yyyy-MM", "MMM yyyy", "MMMM yyyy", "MMM-yy", "MM/yyyy"];

    /// <summary>
    /// Parses a period. "2017/18" on its own is a financial year unless <paramref name="slashYearIs"/>
    /// says academic (an EYFS return), because council finance and performance returns use FY.
    /// </summary>
    public static bool TryParse(string? text, out Period period, out string error, PeriodType slashYearIs = PeriodType.FinancialYear)
    {
        period = default;
        error = string.Empty;
        var s = Normalise(text);
        if (s.Length == 0)
        {
            error = "the period is blank";
            return false;
        }

        if (TryQuarter(s, out period, out error) || error.Length > 0)
        {
            return error.Length == 0;
        }

        var m = AcademicYearWords().Match(s);
        if (m.Success)
        {
            return TryYearPair(m.Groups["y1"].Value, m.Groups["y2"].Value, PeriodType.AcademicYear, out period, out error);
        }

        m = FinancialYearWords().Match(s);
        if (m.Success)
        {
            return TryYearPair(m.Groups["y1"].Value, m.Groups["y2"].Value, PeriodType.FinancialYear, out period, out error);
        }

        m = YearPair().Match(s);
        if (m.Success && IsConsecutive(m.Groups["y1"].Value, m.Groups["y2"].Value))
        {
            var type = m.Groups["sep"].Value == "/" ? slashYearIs : PeriodType.FinancialYear;
            return TryYearPair(m.Groups["y1"].Value, m.Groups["y2"].Value, type, out period, out error);
        }

        m = CalendarYear().Match(s);
        if (m.Success)
        {
            period = Period.CalendarYear(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture));
            return true;
        }

        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            period = Period.Snapshot(date);
            return true;
        }

        if (DateOnly.TryParseExact(s, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            period = Period.Month(month.Year, month.Month);
            return true;
        }

        if (YearPair().Match(s) is { Success: true } pair)
        {
            error = $"'{text}' does not name two consecutive years (a financial year is written like \"2017-18\")";
            return false;
        }

        error = $"'{text}' is not a period this product reads (try \"2017-18 Q1\", \"2017-18\", \"2016/17\", \"2017-04\" or \"2021-03-31\")";
        return false;
    }

    public static Period Parse(string text, PeriodType slashYearIs = PeriodType.FinancialYear) =>
        TryParse(text, out var p, out var e, slashYearIs) ? p : throw new FormatException(e);

    /// <summary>
    /// Reads a DfE tidy-data pair: time_period ("201617", "2025") with time_identifier
    /// ("Academic year", "Financial year", "Reporting year", "Financial year Q1", "Calendar year", "March").
    /// A reporting year is the 31 March snapshot of that year, as in the children-looked-after release.
    /// </summary>
    public static bool TryParseDfe(string? timePeriod, string? timeIdentifier, out Period period, out string error)
    {
        period = default;
        error = string.Empty;
        var tp = (timePeriod ?? string.Empty).Trim();
        var ti = Normalise(timeIdentifier).ToLowerInvariant();
        if (!Regex.IsMatch(tp, "^[0-9]{4}([0-9]{2})?$"))
        {
            error = $"time_period '{timePeriod}' is not 4 or 6 digits";
            return false;
        }

        var y1 = int.Parse(tp[..4], CultureInfo.InvariantCulture);
        if (tp.Length == 6)
        {
            var y2 = int.Parse(tp[4..], CultureInfo.InvariantCulture);
            if (y2 != (y1 + 1) % 100)
            {
                error = $"time_period '{timePeriod}' does not name consecutive years";
                return false;
            }
        }

        var q = Regex.Match(ti, "^financial year q([1-4])$");
        if (q.Success)
        {
            period = Period.FinancialQuarter(y1, q.Groups[1].Value[0] - '0');
            return true;
        }

        switch (ti)
        {
            case "academic year":
                period = Period.AcademicYear(y1);
                return true;
            case "financial year":
                period = Period.FinancialYear(y1);
                return true;
            case "calendar year":
                period = Period.CalendarYear(y1);
                return true;
            case "reporting year":
            case "march":
                period = Period.Snapshot(new DateOnly(y1, 3, 31));
                return true;
            default:
                error = $"time_identifier '{timeIdentifier}' is not one this product reads";
                return false;
        }
    }

    private static bool TryQuarter(string s, out Period period, out string error)
    {
        period = default;
        error = string.Empty;
        var m = QuarterAfterYear().Match(s);
        if (!m.Success)
        {
            m = QuarterBeforeYear().Match(s);
        }

        if (!m.Success)
        {
            return false;
        }

        if (!TryYearPair(m.Groups["y1"].Value, m.Groups["y2"].Value, PeriodType.FinancialYear, out var year, out error))
        {
            return false;
        }

        period = Period.FinancialQuarter(year.Start.Year, m.Groups["q"].Value[0] - '0');
        return true;
    }

    // "2011-12" is read as financial year 2011-12, not December 2011: council returns name years far more often than months in that form.
    private static bool IsConsecutive(string first, string second)
    {
        var y1 = int.Parse(first, CultureInfo.InvariantCulture);
        var y2 = int.Parse(second, CultureInfo.InvariantCulture);
        return y2 == (second.Length == 2 ? (y1 + 1) % 100 : y1 + 1);
    }

    private static bool TryYearPair(string first, string second, PeriodType type, out Period period, out string error)
    {
        period = default;
        error = string.Empty;
        var y1 = int.Parse(first, CultureInfo.InvariantCulture);
        if (second.Length > 0)
        {
            var y2 = int.Parse(second, CultureInfo.InvariantCulture);
            var expected = second.Length == 2 ? (y1 + 1) % 100 : y1 + 1;
            if (y2 != expected)
            {
                error = $"'{first}-{second}' does not name two consecutive years";
                return false;
            }
        }

        period = type == PeriodType.AcademicYear ? Period.AcademicYear(y1) : Period.FinancialYear(y1);
        return true;
    }

    private static string Normalise(string? text) =>
        Regex.Replace((text ?? string.Empty).Replace('\u2013', '-').Replace('\u2014', '-'), @"\s+", " ").Trim();

    [GeneratedRegex(@"^(?:fy\s?)?(?<y1>\d{4})\s?[-/]\s?(?<y2>\d{2}|\d{4})\s*[, ]?\s*(?:q|quarter\s?)(?<q>[1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterAfterYear();

    [GeneratedRegex(@"^(?:q|quarter\s?)(?<q>[1-4])\s*[, ]?\s*(?:fy\s?)?(?<y1>\d{4})\s?[-/]\s?(?<y2>\d{2}|\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterBeforeYear();

    [GeneratedRegex(@"^(?:ay|academic year)\s?(?<y1>\d{4})\s?[-/]?\s?(?<y2>\d{2}|\d{4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex AcademicYearWords();

    [GeneratedRegex(@"^(?:fy|financial year)\s?(?<y1>\d{4})\s?[-/]?\s?(?<y2>\d{2}|\d{4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex FinancialYearWords();

    [GeneratedRegex(@"^(?<y1>\d{4})\s?(?<sep>[-/])\s?(?<y2>\d{2}|\d{4})$")]
    private static partial Regex YearPair();

    [GeneratedRegex(@"^(?<y>\d{4})$")]
    private static partial Regex CalendarYear();
}
