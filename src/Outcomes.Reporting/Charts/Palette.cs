using Outcomes.Domain.Scores;

namespace Outcomes.Reporting.Charts;

/// <summary>
/// Chart colours. Series colours come from Okabe and Ito's colour-blind-safe set; SPC follows NHS "Making Data Count"
/// (blue improvement, orange concern, purple neutral, grey common cause). Colour is never the only signal: every
/// colour here is paired with a marker shape, dash pattern or letter in the charts that use it.
/// </summary>
public static class Palette
{
    // Okabe, M. and Ito, K. (2008) Color Universal Design.
    public const string Black = "#000000";
    public const string Orange = "#E69F00";
    public const string SkyBlue = "#56B4E9";
    public const string BluishGreen = "#009E73";
    public const string Yellow = "#F0E442";
    public const string Blue = "#0072B2";
    public const string Vermillion = "#D55E00";
    public const string ReddishPurple = "#CC79A7";

    /// <summary>The eight Okabe–Ito colours, in their published order.</summary>
    public static IReadOnlyList<string> OkabeIto { get; } = [Black, Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple];

    /// <summary>Body text (the board pack's text colour).</summary>
    public const string Text = "#0b0c0c";

    /// <summary>Axis lines, tick labels' secondary text, reference lines.</summary>
    public const string Axis = "#505a5f";

    /// <summary>Horizontal grid lines.</summary>
    public const string Grid = "#dcdedf";

    /// <summary>Shaded bands (the SPC near-limit zones).</summary>
    public const string Band = "#ebecec";

    /// <summary>The measure's own series when no SPC colouring applies.</summary>
    public const string Series = Blue;

    /// <summary>The comparator series (England), drawn dashed with hollow squares.</summary>
    public const string Comparator = Black;

    /// <summary>Target lines, drawn dash-dot.</summary>
    public const string Target = Vermillion;

    /// <summary>SPC common-cause points and the line joining SPC points.</summary>
    public const string CommonCause = "#7f7f7f";

    /// <summary>SPC special cause of improvement (Making Data Count blue).</summary>
    public const string Improvement = Blue;

    /// <summary>SPC special cause of concern (Making Data Count orange).</summary>
    public const string Concern = Orange;

    /// <summary>SPC special cause with no improvement direction (Making Data Count purple).</summary>
    public const string Neutral = ReddishPurple;

    /// <summary>The area of interest among comparators.</summary>
    public const string Highlight = Blue;

    /// <summary>Other areas among comparators.</summary>
    public const string Muted = "#6f777b";

    /// <summary>The board pack's RAG fill colour (pack.css), for tables whose cells also carry the status letter.</summary>
    public static string RagFill(RagStatus status) => status switch
    {
        RagStatus.Red => "#d4351c",
        RagStatus.Amber => "#f47738",
        RagStatus.Green => "#00703c",
        RagStatus.Blue => "#1d70b8",
        _ => "#b1b4b6",
    };

    /// <summary>Text colour on <see cref="RagFill"/> with enough contrast.</summary>
    public static string RagText(RagStatus status) => status is RagStatus.Amber or RagStatus.Grey ? Text : "#ffffff";
}
