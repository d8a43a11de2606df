using System.Globalization;
using Outcomes.Domain.Numbers;

namespace Outcomes.Cli.Analysis;

/// <summary>Numbers as the table prints them: rounded half away from zero (METHODS §6), "–" for no value.</summary>
public static class AnalyseFormat
{
    /// <summary>The value to <paramref name="decimals"/> places, or "–" for NaN.</summary>
    public static string Number(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return "–";
        }

        if (Math.Abs(value) >= 7.9e27)
        {
            return value.ToString("E3", CultureInfo.InvariantCulture);
        }

        return OfficialRounding.Round((decimal)value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A count or denominator: whole numbers without decimals, otherwise as <see cref="Number"/>.</summary>
    public static string Count(double value, int decimals) =>
        double.IsFinite(value) && value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : Number(value, decimals);
}
