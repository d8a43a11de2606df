namespace Outcomes.Reporting.Charts;

/// <summary>
/// Estimates how wide text will be, for layout (margins, thinning crowded labels, wrapping the legend). The real
/// font is the page's (the SVG's text inherits it); the widths are Helvetica's, which Arial and Liberation Sans
/// share, and characters outside ASCII count as a wide letter, so estimates err on the roomy side.
/// </summary>
internal static class TextMetrics
{
    // Advance widths in 1/1000 em for ASCII 32..126 (Helvetica AFM).
    private static readonly short[] Widths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    /// <summary>Estimated width in px of <paramref name="text"/> at <paramref name="fontSize"/> px.</summary>
    public static double Width(string text, double fontSize, bool bold = false)
    {
        double total = 0;
        foreach (var c in text)
        {
            total += c is >= ' ' and <= '~' ? Widths[c - ' '] : 667;
        }

        return total / 1000 * fontSize * (bold ? 1.06 : 1);
    }
}
