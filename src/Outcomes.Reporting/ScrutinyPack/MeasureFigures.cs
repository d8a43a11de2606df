using Outcomes.Domain.Frameworks;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Charts;

namespace Outcomes.Reporting.ScrutinyPack;

/// <summary>How the scrutiny pack shows a measure's figures: the board pack's spellings, disclosure control and status words.</summary>
internal static class MeasureFigures
{
    /// <summary>True when a score's figure must not be shown or plotted (suppressed, missing or disclosive).</summary>
    public static bool Hidden(Measure m, Score s) =>
        s.SuppressionReason is not null || s.Actual is null || BoardPackModelBuilder.IsDisclosive(m, s.Actual, s.Numerator, s.Denominator);

    /// <summary>"66.8%", "c" when disclosive, the suppression code, or "No data".</summary>
    public static string Text(Measure m, Score? s) =>
        s is null ? "No data"
        : s.SuppressionReason ?? (s.Actual is not { } a ? "No data" : Hidden(m, s) ? "c" : MeasureFormat.Value(m, a));

    /// <summary>The figure as the pack prints it (rounded to the measure's decimals), or null when it is not shown.</summary>
    public static decimal? ShownValue(Measure m, Score? s) =>
        s is null || Hidden(m, s) ? null : MeasureFormat.Rounded(m, s.Actual!.Value);

    /// <summary>The direction of travel in words, as the board pack's data rows give it.</summary>
    public static string DirectionWord(Direction d) => d switch
    {
        Direction.Improving => "Improving",
        Direction.Worsening => "Worsening",
        Direction.NoChange => "No change",
        Direction.Increased => "Increased",
        Direction.Decreased => "Decreased",
        _ => "Not comparable",
    };

    public static string StatusName(RagStatus status) => status switch
    {
        RagStatus.Red => "Red",
        RagStatus.Amber => "Amber",
        RagStatus.Green => "Green",
        RagStatus.Blue => "Blue",
        _ => "No rating",
    };

    public static string StatusClass(RagStatus status) => "rag-" + status.ToString().ToLowerInvariant();

    /// <summary>The chart module's number format for the measure.</summary>
    public static ValueFormat Format(Measure m) => m.Unit switch
    {
        MeasureUnit.Percentage => ValueFormat.Percent(m.Decimals),
        MeasureUnit.Currency => new ValueFormat(m.Decimals, Prefix: "£"),
        _ => ValueFormat.Number(m.Decimals),
    };

    /// <summary>A proportion whose units can be placed on a funnel: a percentage worked out from a numerator and denominator.</summary>
    public static bool IsProportion(Measure m) => m.HasRatio && m.Unit == MeasureUnit.Percentage;

    /// <summary>"SpecialCauseConcern" → "special-cause-concern".</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>An annual figure carried through the quarters after it is one point, as in scoring.</summary>
    public static List<Score> DistinctPoints(Measure m, IReadOnlyList<Score> series) =>
        m.Frequency == Frequency.Annual
            ? series.Where((s, i) => i == 0 || !series[i - 1].HasSameFiguresAs(s)).ToList()
            : [.. series];
}
