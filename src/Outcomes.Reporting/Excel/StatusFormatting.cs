using ClosedXML.Excel;

namespace Outcomes.Reporting.Excel;

/// <summary>
/// Colours status letters with conditional formatting, in the pack's RAG colours (pack.css): the letter is the
/// meaning and the fill reinforces it, and a letter changed in the workbook recolours itself.
/// </summary>
public static class StatusFormatting
{
    /// <summary>Letter → (fill, font). AG and AR (five-level schemes) share amber; the letter tells them apart.</summary>
    public static readonly IReadOnlyList<(string Letter, string Fill, string Font)> Colours =
    [
        ("R", "#D4351C", "#FFFFFF"),
        ("AR", "#F47738", "#0B0C0C"),
        ("A", "#F47738", "#0B0C0C"),
        ("AG", "#F47738", "#0B0C0C"),
        ("G", "#00703C", "#FFFFFF"),
        ("B", "#1D70B8", "#FFFFFF"),
        ("–", "#B1B4B6", "#0B0C0C"),
    ];

    /// <summary>Adds one "cell equals letter" rule per status to the range (a column of status letters).</summary>
    public static void Apply(IXLRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        foreach (var (letter, fill, font) in Colours)
        {
            range.AddConditionalFormat().WhenEquals(letter)
                .Fill.SetBackgroundColor(XLColor.FromHtml(fill))
                .Font.SetFontColor(XLColor.FromHtml(font));
        }

        range.Style.Font.SetBold().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
    }
}
