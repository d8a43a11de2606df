using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.ScrutinyPack;

/// <summary>
/// Everything the authority-wide scrutiny trend pack prints, already worded and formatted; the template lays it out
/// and computes nothing. Built by <see cref="ScrutinyPackModelBuilder"/>.
/// </summary>
public sealed record ScrutinyPackModel
{
    public required string CouncilName { get; init; }

    public required string LogoText { get; init; }

    public required string PrimaryColour { get; init; }

    public required string AccentColour { get; init; }

    /// <summary>The PDF's document title.</summary>
    public required string DocumentTitle { get; init; }

    public required FrontSheet FrontSheet { get; init; }

    public required string AuthorityCode { get; init; }

    public required string AuthorityName { get; init; }

    public required string PeriodKey { get; init; }

    public required string PeriodLabel { get; init; }

    /// <summary>"8 quarters, 2017-18 Q1 to 2018-19 Q4".</summary>
    public required string PeriodsText { get; init; }

    public required string FrameworkLabel { get; init; }

    /// <summary>From the data (the latest submission), never the clock.</summary>
    public required DateOnly GeneratedOn { get; init; }

    public required string GeneratedOnText { get; init; }

    public required IReadOnlyList<string> Background { get; init; }

    /// <summary>The front sheet's and section 2's summary, one sentence per finding.</summary>
    public required IReadOnlyList<string> Summary { get; init; }

    public required RugOverview Overview { get; init; }

    /// <summary>One SPC chart per measure, in framework order.</summary>
    public required IReadOnlyList<SpcItem> SpcItems { get; init; }

    public required ComparisonSection Comparisons { get; init; }

    public required FunnelSection Funnels { get; init; }

    public required GapSection Gaps { get; init; }

    public required IReadOnlyList<DefinitionItem> Definitions { get; init; }

    public required IReadOnlyList<Implication> Implications { get; init; }

    /// <summary>The units in the overview's order, then the authority: code, full name and the overview's heading.</summary>
    public required IReadOnlyList<ScrutinyUnit> Units { get; init; }

    /// <summary>
    /// Every unit × measure × quarter held, in long format for the workbook (measures in framework order, units in
    /// the overview's order with the authority last, then quarters). Hidden figures have no value, numerator,
    /// denominator or SPC reading, and their text says why ("c", "x"). The PDF does not print these rows.
    /// </summary>
    public required IReadOnlyList<DataRow> Data { get; init; }

    /// <summary>The quarters <see cref="Data"/> spans, oldest first (the workbook's Trends columns).</summary>
    public required IReadOnlyList<string> DataPeriods { get; init; }
}

/// <summary>A column of the overview: the unit's code, its full name and the heading the overview gives it ("North", "Authority").</summary>
public sealed record ScrutinyUnit(string Code, string Name, string Heading);

/// <summary>The one-page overview: measures × units (and the authority) for the pack's quarter, colour and letter.</summary>
public sealed record RugOverview
{
    /// <summary>The tartan rug as an HTML table (from the chart module), ready to inline.</summary>
    public required string Html { get; init; }

    /// <summary>The rug's text alternative: counts by status and where the reds are.</summary>
    public required string Summary { get; init; }

    /// <summary>Column headings, units first and the authority last.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    public required IReadOnlyList<RugRow> Rows { get; init; }

    /// <summary>"clusters", "localities", "centres"…</summary>
    public required string ColumnNoun { get; init; }

    /// <summary>True when figures are printed under the letters (few enough columns to read them).</summary>
    public required bool ShowsValues { get; init; }

    /// <summary>True under a five-level scheme: amber cells carry AG or AR beneath the letter.</summary>
    public required bool HasBands { get; init; }
}

public sealed record RugRow(string Code, string Title, IReadOnlyList<RugCell> Cells);

/// <summary>One cell of the overview: the letter the scorecard prints (R, A, G, B, AG, AR, –) and the figure.</summary>
public sealed record RugCell(string Column, string Letter, string StatusName, string StatusClass, string ValueText)
{
    public string OrgUnitCode { get; init; } = string.Empty;

    /// <summary>The figure as a number (rounded as printed), or null when <see cref="ValueText"/> says why there is none.</summary>
    public decimal? Value { get; init; }

    /// <summary>The Excel number format for <see cref="Value"/>.</summary>
    public string ExcelNumberFormat { get; init; } = "General";
}

/// <summary>A measure's SPC chart over every quarter, with the Making Data Count icons in words.</summary>
public sealed record SpcItem
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>The latest figure ("66.8%", "c", "No data").</summary>
    public required string LatestText { get; init; }

    public required string StatusLetter { get; init; }

    public required string StatusClass { get; init; }

    /// <summary>"Special cause: concern", "Common cause", "Not calculable".</summary>
    public required string VariationLabel { get; init; }

    /// <summary>spc-special-cause-concern, spc-common-cause… (colour only reinforces the words).</summary>
    public required string VariationClass { get; init; }

    /// <summary>"Consistently passes", "Hit and miss", "Consistently fails", "No target".</summary>
    public required string AssuranceLabel { get; init; }

    public required string AssuranceClass { get; init; }

    /// <summary>"Trial limits (8 points)" when fewer than 13 points; empty otherwise.</summary>
    public required string LimitsNote { get; init; }

    /// <summary>The scoring engine's SPC sentence, or why there is none.</summary>
    public required string Explanation { get; init; }

    /// <summary>
    /// The change from the first quarter shown to the pack's quarter ("Improved: 12.5% in 2018-19 Q4 is down 75.0%, or
    /// 37.5 points, on the baseline of 50.0% in 2016-17 Q1."), or empty when there is no pair of figures to compare.
    /// </summary>
    public string ChangeSinceStart { get; init; } = string.Empty;

    /// <summary>The SVG chart, or empty when there are fewer than two figures.</summary>
    public required string ChartSvg { get; init; }

    public required string ChartAlt { get; init; }

    /// <summary>How many points the chart draws (an annual figure carried through quarters is one).</summary>
    public required int Points { get; init; }
}

/// <summary>Comparison with England and statistical neighbours, one dot plot per measure that has published comparators.</summary>
public sealed record ComparisonSection
{
    /// <summary>Which neighbours, and where the list came from.</summary>
    public required string NeighboursText { get; init; }

    public required IReadOnlyList<ComparisonItem> Items { get; init; }

    /// <summary>"No published comparator is linked to: A, B." or empty.</summary>
    public required string NotComparedText { get; init; }
}

public sealed record ComparisonItem
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>The comparator's period ("2017/18"), or empty when there is no data.</summary>
    public required string PeriodKey { get; init; }

    public required bool HasChart { get; init; }

    public required string ChartSvg { get; init; }

    public required string ChartAlt { get; init; }

    /// <summary>What the comparison shows in a sentence, or why there is none.</summary>
    public required string Sentence { get; init; }

    /// <summary>"Source: DfE dfe-eyfsp-gld-percent, 2017/18."</summary>
    public required string SourceText { get; init; }

    public required IReadOnlyList<ComparisonRow> Rows { get; init; }

    /// <summary>The Excel number format for the rows' values and intervals.</summary>
    public string ExcelNumberFormat { get; init; } = "General";
}

public sealed record ComparisonRow(string Area, string ValueText, string IntervalText, string ComparisonText, bool IsAuthority, bool IsEngland)
{
    /// <summary>The authority's region, the second benchmark (set in the pack settings).</summary>
    public bool IsRegion { get; init; }

    /// <summary>The published figure (rounded as printed), or null when <see cref="ValueText"/> says why there is none.</summary>
    public decimal? Value { get; init; }

    /// <summary>The 95% interval's ends (rounded as printed), or null when there is none.</summary>
    public decimal? Lower { get; init; }

    public decimal? Upper { get; init; }
}

/// <summary>Units compared on funnel plots around the authority's proportion, one per proportion measure.</summary>
public sealed record FunnelSection
{
    public required IReadOnlyList<FunnelItem> Items { get; init; }

    /// <summary>Which measures have no funnel and why (not proportions), or empty.</summary>
    public required string NotDrawnText { get; init; }
}

public sealed record FunnelItem
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>The authority's proportion on the measure's scale (e.g. 66.8 for 66.8%): the centre line.</summary>
    public required double Benchmark { get; init; }

    public required string BenchmarkText { get; init; }

    /// <summary>The units plotted (figures hidden by disclosure control or suppression are left out).</summary>
    public required IReadOnlyList<FunnelUnit> Units { get; init; }

    public required string ChartSvg { get; init; }

    public required string ChartAlt { get; init; }

    /// <summary>Units that could not be plotted, and why; empty when all were.</summary>
    public required string NotPlottedText { get; init; }
}

/// <summary>One unit on a funnel: its numerator, denominator, value on the measure's scale and position in words.</summary>
public sealed record FunnelUnit(string Name, decimal Numerator, decimal Denominator, double Value, string ValueText, string PositionText);

/// <summary>Gaps between groups over time, where published breakdowns exist.</summary>
public sealed record GapSection
{
    public required IReadOnlyList<GapItem> Items { get; init; }

    /// <summary>Said plainly when there is no gap data at all, or which measures have none; never empty.</summary>
    public required string CoverageText { get; init; }
}

public sealed record GapItem
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>"girls", "boys": the group ahead in the latest period first.</summary>
    public required string GroupA { get; init; }

    public required string GroupB { get; init; }

    /// <summary>GapAnalyser's sentence for the authority: "The gap between girls and boys narrowed by 1.5 points to 13.5 points over five years."</summary>
    public required string Sentence { get; init; }

    /// <summary>The same for England, or empty.</summary>
    public required string EnglandSentence { get; init; }

    public required string ChartSvg { get; init; }

    public required string ChartAlt { get; init; }

    public required string SourceText { get; init; }

    public required IReadOnlyList<GapRow> Rows { get; init; }

    /// <summary>The Excel number format for the groups' figures.</summary>
    public string ExcelNumberFormat { get; init; } = "General";

    /// <summary>The Excel number format for the gaps (points for a percentage, so no % sign).</summary>
    public string GapNumberFormat { get; init; } = "General";
}

public sealed record GapRow(string PeriodKey, string AText, string BText, string GapText, string EnglandGapText)
{
    /// <summary>The figures as numbers (null where the text is "–"): group A, group B, A ahead of B by, and England's lead.</summary>
    public decimal? A { get; init; }

    public decimal? B { get; init; }

    public decimal? Gap { get; init; }

    public decimal? EnglandGap { get; init; }
}
