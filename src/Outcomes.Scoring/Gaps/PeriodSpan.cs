using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Gaps;

/// <summary>Words for the time between two periods: "over four years", "since the previous quarter", "since 2013/14".</summary>
public static class PeriodSpan
{
    private static readonly string[] Numbers =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>
    /// "since the previous year" for consecutive periods, "over four years" (quarters, months) when <paramref name="to"/> is a
    /// whole number of periods of the same type after <paramref name="from"/>, else "since" and the earlier period.
    /// </summary>
    public static string Describe(Period from, Period to)
    {
        var unit = to.Type switch
        {
            PeriodType.FinancialQuarter => "quarter",
            PeriodType.Month => "month",
            _ => "year",
        };

        if (from.Type == to.Type && from < to)
        {
            var p = from;
            for (var n = 1; n <= 1200; n++)
            {
                p = p.Next();
                if (p == to)
                {
                    return n == 1 ? $"since the previous {unit}" : $"over {(n < Numbers.Length ? Numbers[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture))} {unit}s";
                }

                if (p > to)
                {
                    break;
                }
            }
        }

        return $"since {from.Key}";
    }
}
