using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;

namespace Outcomes.Scoring.Rag;

/// <summary>Formats a measure's values and differences the way a committee paper prints them.</summary>
public static class MeasureValueFormatter
{
    public static string Value(Measure measure, decimal value)
    {
        var n = OfficialRounding.Format(value, measure.Decimals);
        return measure.Unit switch
        {
            MeasureUnit.Percentage => n + "%",
            MeasureUnit.Currency => value < 0 ? "-£" + OfficialRounding.Format(-value, measure.Decimals) : "£" + n,
            MeasureUnit.Rate => $"{n} per {measure.Multiplier.ToString("N0", CultureInfo.InvariantCulture)}",
            _ => n,
        };
    }

    /// <summary>A gap between two values: "6.0 points" for percentages, "£120" for money, "12" otherwise.</summary>
    public static string Difference(Measure measure, decimal difference)
    {
        var n = OfficialRounding.Format(Math.Abs(difference), measure.Decimals);
        return measure.Unit switch
        {
            MeasureUnit.Percentage => $"{n} points",
            MeasureUnit.Currency => "£" + n,
            _ => n,
        };
    }
}
