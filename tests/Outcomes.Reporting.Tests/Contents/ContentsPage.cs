using System.Globalization;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Outcomes.Reporting.Tests.Contents;

/// <summary>One line of a printed contents page: the entry's words (number and title) and the page it names.</summary>
internal sealed record ContentsLine(string Text, int Page);

/// <summary>
/// Reads a printed pack's contents page back from the PDF as a reader would see it: the page headed "Contents",
/// its words grouped into lines by position, each entry ending in its page number (a wrapped title runs on until it
/// does). Nothing here knows how the numbers were worked out.
/// </summary>
internal static partial class ContentsPage
{
    public static int FindPageNumber(PdfDocument pdf) =>
        pdf.GetPages().First(p => Lines(p).FirstOrDefault() == "Contents").Number;

    public static IReadOnlyList<ContentsLine> Read(PdfDocument pdf)
    {
        var entries = new List<ContentsLine>();
        var pending = string.Empty;
        var started = false;
        foreach (var line in Lines(pdf.GetPage(FindPageNumber(pdf))))
        {
            if (!started)
            {
                started = line == "Section Page";
                continue;
            }

            if (Footer().IsMatch(line))
            {
                continue;
            }

            var text = (pending + " " + line).Trim();
            var number = TrailingNumber().Match(text);
            if (number.Success)
            {
                entries.Add(new ContentsLine(text[..number.Index].Trim(), int.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture)));
                pending = string.Empty;
            }
            else
            {
                pending = text;
            }
        }

        return entries;
    }

    /// <summary>Every page's words joined by single spaces, in the order PdfPig reads them (index 0 is page 1).</summary>
    public static List<string> PageTexts(PdfDocument pdf) =>
        pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();

    /// <summary>The page's words as lines, top to bottom, each left to right (words whose baselines are within 2 pt share a line).</summary>
    private static IEnumerable<string> Lines(Page page)
    {
        var lines = new List<List<Word>>();
        foreach (var word in page.GetWords().OrderByDescending(Baseline))
        {
            var line = lines.FirstOrDefault(l => Math.Abs(Baseline(l[0]) - Baseline(word)) < 2);
            if (line is null)
            {
                lines.Add([word]);
            }
            else
            {
                line.Add(word);
            }
        }

        return lines.Select(l => string.Join(" ", l.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));
    }

    private static double Baseline(Word word) => word.Letters[0].StartBaseLine.Y;

    [GeneratedRegex(@"Page \d+ of \d+$")]
    private static partial Regex Footer();

    [GeneratedRegex(@"\s(\d+)$")]
    private static partial Regex TrailingNumber();
}
