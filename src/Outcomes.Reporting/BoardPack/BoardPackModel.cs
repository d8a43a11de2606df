using Outcomes.Domain.Frameworks;

namespace Outcomes.Reporting.BoardPack;

/// <summary>
/// Everything an advisory-board pack prints, already worded and formatted: the templates and the Excel writer
/// lay it out and compute nothing. Built by <see cref="BoardPackModelBuilder"/>.
/// </summary>
public sealed record BoardPackModel
{
    public required string CouncilName { get; init; }

    public required string LogoText { get; init; }

    public required string PrimaryColour { get; init; }

    public required string AccentColour { get; init; }

    /// <summary>The PDF's document title and the workbook's title.</summary>
    public required string DocumentTitle { get; init; }

    public required FrontSheet FrontSheet { get; init; }

    public required string OrgUnitCode { get; init; }

    public required string OrgUnitName { get; init; }

    /// <summary>"Cluster", "Centre", "Authority"…</summary>
    public required string OrgUnitType { get; init; }

    public required string PeriodKey { get; init; }

    public required string PeriodLabel { get; init; }

    public required string FrameworkCode { get; init; }

    public required string FrameworkName { get; init; }

    public required int FrameworkVersion { get; init; }

    /// <summary>"Children's Centre Outcomes (version 3)".</summary>
    public required string FrameworkLabel { get; init; }

    /// <summary>From the data (e.g. the latest submission date), never the clock, so a pack can be made again identically.</summary>
    public required DateOnly GeneratedOn { get; init; }

    public required string GeneratedOnText { get; init; }

    public required IReadOnlyList<string> Background { get; init; }

    /// <summary>"5 of 7 measures green; 2 improving; 1 red and worsening: Re-referrals."</summary>
    public required string ExecutiveSummary { get; init; }

    public required StatusCounts Counts { get; init; }

    /// <summary>The scorecard in framework order, grouped by measure group.</summary>
    public required IReadOnlyList<ScorecardGroup> Groups { get; init; }

    /// <summary>The same rows as <see cref="Groups"/>, flat.</summary>
    public required IReadOnlyList<ScorecardRow> Rows { get; init; }

    /// <summary>Red measures, red-and-worsening first.</summary>
    public required IReadOnlyList<ExceptionItem> Exceptions { get; init; }

    public required IReadOnlyList<DefinitionItem> Definitions { get; init; }

    public required IReadOnlyList<Implication> Implications { get; init; }

    /// <summary>Long-format data behind the pack: every measure × period shown, history included.</summary>
    public required IReadOnlyList<DataRow> Data { get; init; }

    /// <summary>Data-quality notes for the quarter's figures, in framework order (empty: none).</summary>
    public IReadOnlyList<string> DataQuality { get; init; } = [];

    /// <summary>The quarter's returns: how many arrived on time, and those missing, outstanding or late.</summary>
    public ReturnsReport Returns { get; init; } = ReturnsReport.None;

    /// <summary>The paragraph number, within the exceptions section, of the returns paragraph (after the exceptions).</summary>
    public int ReturnsParagraph => Math.Max(Exceptions.Count, 1) + 1;

    /// <summary>One page per measure with figures: chart, sentences and values.</summary>
    public IReadOnlyList<MeasureDetail> Details { get; init; } = [];

    /// <summary>The periods <see cref="Data"/> covers, oldest first (the Excel Trends sheet's columns).</summary>
    public IReadOnlyList<string> Periods { get; init; } = [];
}

/// <summary>The committee front sheet, in the order an English council prints it.</summary>
public sealed record FrontSheet
{
    public required string AgendaItem { get; init; }

    public required string Title { get; init; }

    /// <summary>The committee the report goes to.</summary>
    public required string To { get; init; }

    public required string MeetingDateText { get; init; }

    /// <summary>"Jane Smith, Head of Early Help".</summary>
    public required string From { get; init; }

    public required string ElectoralDivisions { get; init; }

    public required string KeyDecision { get; init; }

    public required string Purpose { get; init; }

    public required string Recommendation { get; init; }

    public required string ContactName { get; init; }

    public required string ContactPost { get; init; }

    public required string ContactEmail { get; init; }

    public required string ContactPhone { get; init; }
}

public sealed record StatusCounts
{
    public int Total { get; init; }

    public int Blue { get; init; }

    public int Green { get; init; }

    public int Amber { get; init; }

    public int Red { get; init; }

    public int Grey { get; init; }

    public int Improving { get; init; }

    public int Worsening { get; init; }

    public int RedAndWorsening { get; init; }
}

public sealed record ScorecardGroup(string Name, IReadOnlyList<ScorecardRow> Rows);

/// <summary>One measure's line on the scorecard, formatted for its unit and with disclosure control applied.</summary>
public sealed record ScorecardRow
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string Group { get; init; }

    public required MeasureUnit Unit { get; init; }

    public required int Decimals { get; init; }

    /// <summary>"%", "count", "per 1,000", "£", "score".</summary>
    public required string UnitText { get; init; }

    /// <summary>The Excel number format for <see cref="ActualValue"/>, <see cref="TargetValue"/> and <see cref="EnglandValue"/>.</summary>
    public required string ExcelNumberFormat { get; init; }

    public required string TargetText { get; init; }

    public decimal? TargetValue { get; init; }

    /// <summary>"64.0%", "c" when disclosive, the suppression code when suppressed, "No data" when missing.</summary>
    public required string ActualText { get; init; }

    /// <summary>Rounded officially; null when not shown (missing, suppressed or disclosive).</summary>
    public decimal? ActualValue { get; init; }

    /// <summary>"32 / 50" for a ratio measure, "c" parts when disclosive, empty otherwise.</summary>
    public required string NumeratorDenominatorText { get; init; }

    public required string StatusLetter { get; init; }

    /// <summary>"Red", "Amber", "Green", "Blue", "No rating".</summary>
    public required string StatusName { get; init; }

    /// <summary>CSS class: rag-red, rag-amber, rag-green, rag-blue, rag-grey.</summary>
    public required string StatusClass { get; init; }

    /// <summary>"↑", "↓", "→" or "–".</summary>
    public required string DirectionArrow { get; init; }

    /// <summary>"Improving", "Worsening", "No change", "Increased", "Decreased", "Not comparable".</summary>
    public required string DirectionWord { get; init; }

    /// <summary>CSS class: dir-improving, dir-worsening, dir-same, dir-none.</summary>
    public required string DirectionClass { get; init; }

    public required string EnglandText { get; init; }

    public decimal? EnglandValue { get; init; }

    /// <summary>"Better than England", "Similar to England"… or empty.</summary>
    public required string EnglandComparisonText { get; init; }

    public required string Explanation { get; init; }

    public required string Commentary { get; init; }

    public required bool IsRed { get; init; }

    public required bool IsRedAndWorsening { get; init; }

    public required TrendLine Trend { get; init; }

    /// <summary>SPC in words for the scorecard: "Common cause; hit and miss (trial limits)", or "–" when not calculable.</summary>
    public string SpcText { get; init; } = "–";

    /// <summary>"spc-common-cause", "spc-special-cause-concern"… for the icon's colour; the words carry the meaning.</summary>
    public string SpcClass { get; init; } = "spc-none";

    /// <summary>The SPC sentence (limits, rule that fired, assurance against target), or empty.</summary>
    public string SpcExplanation { get; init; } = string.Empty;

    /// <summary>The recent-trend sentence for a proportion, or empty.</summary>
    public string RecentTrendText { get; init; } = string.Empty;
}

/// <summary>A small line chart already laid out in SVG user units; the template only draws it.</summary>
public sealed record TrendLine
{
    public const int Width = 90;
    public const int Height = 24;

    public int ViewWidth { get; init; } = Width;

    public int ViewHeight { get; init; } = Height;

    /// <summary>"x,y x,y …" for an SVG polyline; empty when fewer than two values can be shown.</summary>
    public required string Points { get; init; }

    public bool HasLine => Points.Length > 0;

    /// <summary>True when the pack's own period is plotted, so the end dot (in the status colour) marks it.</summary>
    public bool HasDot { get; init; }

    public string LastX { get; init; } = "0";

    public string LastY { get; init; } = "0";

    /// <summary>Words for screen readers and the PDF's tagged text: "2024-25 Q1 58.0%, 2024-25 Q2 61.0%".</summary>
    public required string Description { get; init; }

    public required IReadOnlyList<SeriesPoint> Series { get; init; }
}

public sealed record SeriesPoint(string PeriodKey, decimal? Value, string ValueText);

public sealed record ExceptionItem
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string ActualText { get; init; }

    public required string TargetText { get; init; }

    public required string StatusLetter { get; init; }

    public required string StatusClass { get; init; }

    public required string DirectionArrow { get; init; }

    public required string DirectionWord { get; init; }

    /// <summary>"Red and worsening" or "Red".</summary>
    public required string Reason { get; init; }

    public required string Explanation { get; init; }

    /// <summary>The return's commentary, or a sentence saying none was given.</summary>
    public required string Commentary { get; init; }
}

public sealed record DefinitionItem
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string Definition { get; init; }

    public required string UnitText { get; init; }

    /// <summary>"Higher is better", "Lower is better", "No judgement".</summary>
    public required string PolarityText { get; init; }

    /// <summary>"Numerator ÷ denominator × 100" words when the measure is a ratio, else empty.</summary>
    public required string Calculation { get; init; }

    public required string DisclosureText { get; init; }
}

/// <summary>One measure × period in long format (the Excel "Data" sheet).</summary>
public sealed record DataRow
{
    public required string OrgUnitCode { get; init; }

    public required string PeriodKey { get; init; }

    public required string MeasureCode { get; init; }

    public required string MeasureTitle { get; init; }

    public required string Group { get; init; }

    public required string UnitText { get; init; }

    public required string ExcelNumberFormat { get; init; }

    /// <summary>Null when not shown; then <see cref="ValueText"/> says why ("c", "x", "No data").</summary>
    public decimal? Value { get; init; }

    public required string ValueText { get; init; }

    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    public decimal? Target { get; init; }

    public required string StatusLetter { get; init; }

    public required string StatusName { get; init; }

    public required string DirectionWord { get; init; }

    public decimal? England { get; init; }

    /// <summary>SPC as scored at this period; null when not calculable or when the figure is not shown.</summary>
    public SpcReading? Spc { get; init; }
}

/// <summary>
/// A point's SPC reading as scoring stored it (<see cref="SpcAtPoint"/>): the limits come from the series up to that
/// period, so an earlier quarter's limits are the ones it was judged by, not today's.
/// </summary>
public sealed record SpcReading
{
    public required decimal Mean { get; init; }

    public required decimal Lower { get; init; }

    public required decimal Upper { get; init; }

    /// <summary>True when this point is flagged by a special-cause rule.</summary>
    public required bool IsSpecialCause { get; init; }

    /// <summary>"Common cause", "Special cause: concern"…</summary>
    public required string Variation { get; init; }

    /// <summary>"Hit and miss", "Consistently passes"… or "No target".</summary>
    public required string Assurance { get; init; }

    /// <summary>Fewer than 13 points: trial limits.</summary>
    public required bool IsTrial { get; init; }

    public required string Explanation { get; init; }

    public static SpcReading From(SpcAtPoint spc)
    {
        ArgumentNullException.ThrowIfNull(spc);
        return new SpcReading
        {
            Mean = spc.Mean,
            Lower = spc.Lower,
            Upper = spc.Upper,
            IsSpecialCause = spc.IsSpecialCause,
            Variation = spc.VariationLabel,
            Assurance = spc.AssuranceLabel,
            IsTrial = spc.IsTrial,
            Explanation = spc.Explanation,
        };
    }
}
