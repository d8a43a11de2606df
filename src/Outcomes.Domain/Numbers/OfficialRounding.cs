namespace Outcomes.Domain.Numbers;

/// <summary>Official statistics round half away from zero (51.05 → 51.1), never banker's rounding.</summary>
public static class OfficialRounding
{
    public static decimal Round(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>numerator / denominator × multiplier, rounded; null when the denominator is zero.</summary>
    public static decimal? Ratio(decimal numerator, decimal denominator, decimal multiplier, int decimals) =>
        denominator == 0 ? null : Round(numerator / denominator * multiplier, decimals);

    public static string Format(decimal value, int decimals) =>
        Round(value, decimals).ToString("N" + decimals, System.Globalization.CultureInfo.InvariantCulture);
}
