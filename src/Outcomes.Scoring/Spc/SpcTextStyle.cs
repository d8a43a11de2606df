using System.Globalization;

namespace Outcomes.Scoring.Spc;

/// <summary>Wording for SPC descriptions: what a point is called ("quarter") and how a value is printed ("64.2%").</summary>
public sealed record SpcTextStyle
{
    /// <summary>"point"/"points", values to at most 3 decimals.</summary>
    public static SpcTextStyle Default { get; } = new();

    /// <summary>One point, e.g. "quarter".</summary>
    public string Singular { get; init; } = "point";

    /// <summary>Several points, e.g. "quarters".</summary>
    public string Plural { get; init; } = "points";

    /// <summary>Formats a value on the series' own scale.</summary>
    public Func<double, string> Format { get; init; } = value => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>"1 quarter", "9 quarters".</summary>
    public string Count(int count) => count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? Singular : Plural);
}
