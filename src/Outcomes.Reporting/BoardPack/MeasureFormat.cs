using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Scoring.Rag;

namespace Outcomes.Reporting.BoardPack;

/// <summary>How a measure's numbers are written: decimals from the measure, rounding half away from zero.</summary>
public static class MeasureFormat
{
    /// <summary>"64.0%", "1,234", "12.3 per 1,000", "£1,234.50", "3.2": the same spelling the score explanations use.</summary>
    public static string Value(Measure measure, decimal value) => MeasureValueFormatter.Value(measure, value);

    public static decimal Rounded(Measure measure, decimal value) => OfficialRounding.Round(value, measure.Decimals);

    public static string UnitText(Measure measure) => measure.Unit switch
    {
        MeasureUnit.Percentage => "%",
        MeasureUnit.Rate => "per " + RatePer(measure),
        MeasureUnit.Currency => "£",
        MeasureUnit.Score => "score",
        _ => "count",
    };

    /// <summary>An Excel format that shows the stored (already rounded) number as the pack does.</summary>
    public static string ExcelFormat(Measure measure)
    {
        var fixedPart = measure.Decimals > 0 ? "0." + new string('0', measure.Decimals) : "0";
        return measure.Unit switch
        {
            MeasureUnit.Percentage => fixedPart + "\"%\"",
            MeasureUnit.Currency => "\"£\"#,##" + fixedPart,
            MeasureUnit.Rate => "#,##" + fixedPart,
            MeasureUnit.Score => fixedPart,
            _ => "#,##" + fixedPart,
        };
    }

    public static string Count(decimal value) =>
        value == decimal.Truncate(value) ? OfficialRounding.Format(value, 0) : value.ToString(CultureInfo.InvariantCulture);

    private static string RatePer(Measure measure) => OfficialRounding.Format(measure.Multiplier, 0);
}
