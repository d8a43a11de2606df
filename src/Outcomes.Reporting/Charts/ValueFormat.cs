using System.Globalization;

namespace Outcomes.Reporting.Charts;

/// <summary>
/// How a chart writes a value: fixed decimals (rounded half away from zero, as the pack's tables round), thousands
/// separators, an optional prefix and suffix. Invariant culture, so every machine prints the same text.
/// </summary>
/// <param name="Decimals">Decimal places for values (tick labels choose their own from the tick step).</param>
/// <param name="Suffix">Written after the number, e.g. "%".</param>
/// <param name="Prefix">Written before the number (after any minus sign), e.g. "£".</param>
/// <param name="GroupThousands">1,234 rather than 1234.</param>
public sealed record ValueFormat(int Decimals = 1, string Suffix = "", string Prefix = "", bool GroupThousands = true)
{
    /// <summary>58.1%.</summary>
    public static ValueFormat Percent(int decimals = 1) => new(decimals, "%");

    /// <summary>1,234.</summary>
    public static ValueFormat Number(int decimals = 0) => new(decimals);

    /// <summary>The value with <see cref="Decimals"/> places.</summary>
    public string Format(double value) => Format(value, Decimals);

    /// <summary>The value with the given number of decimal places.</summary>
    public string Format(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        decimals = Math.Clamp(decimals, 0, 10);
        var pattern = (GroupThousands ? "#,0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : string.Empty);
        string digits;
        bool negative;
        if (Math.Abs(value) < 7.9e27)
        {
            // Through decimal, whose conversion keeps 15 significant digits: 2.675 rounds to 2.68, as it reads.
            var rounded = Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);
            negative = rounded < 0;
            digits = Math.Abs(rounded).ToString(pattern, CultureInfo.InvariantCulture);
        }
        else
        {
            var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
            negative = rounded < 0;
            digits = Math.Abs(rounded).ToString(pattern, CultureInfo.InvariantCulture);
        }

        return (negative ? "-" : string.Empty) + Prefix + digits + Suffix;
    }
}
