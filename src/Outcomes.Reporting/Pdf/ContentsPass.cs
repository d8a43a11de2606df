using System.Diagnostics;
using Microsoft.Playwright;

namespace Outcomes.Reporting.Pdf;

/// <summary>
/// Prints a loaded page to PDF, filling in its contents page's page numbers first.
/// <para>
/// Chromium cannot number a table of contents itself (no <c>target-counter()</c>), and where a heading lands is
/// decided only by Chromium's print layout: forced and avoided breaks, table rows kept whole, the margins the footer
/// lives in. The printed PDF is therefore the judge of every number:
/// </para>
/// <list type="number">
/// <item>Each contents entry is a link <c>&lt;a href="#id"&gt;</c> beside an element <c>data-contents-page="id"</c>.
/// Chromium prints every in-document link target as a named destination on the page where it landed, which
/// <see cref="ContentsTargets"/> reads back from the catalogue and page tree alone (no page content is parsed).</item>
/// <item>The numbers are first predicted by <see cref="PageLayoutProbe"/> (a column layout with the printed page's
/// size, made by the same fragmentation engine), written into the page's DOM (real text, so selectable) and the final,
/// tagged PDF with its outline is printed. Where no prediction can be made (or prediction is switched off), a quicker
/// draft print (untagged, no outline; the layout is the same) finds the numbers instead.</item>
/// <item>Every final PDF is read back. If any heading landed on another page than its number says, the numbers are
/// filled in again and printed again from the same page (the HTML is not loaded twice); the page column has a fixed
/// width, so the numbers cannot change the contents' length. A layout that will not settle after
/// <see cref="MaxPasses"/> prints is an error rather than a wrong contents page.</item>
/// </list>
/// Deterministic: the same HTML gives the same layout, so the same numbers and the same PDF.
/// </summary>
internal sealed class ContentsPass(IPage page, string encodedFooter, bool predict)
{
    public const int MaxPasses = 4;

    private const int TopMm = 15;
    private const int BottomMm = 18;
    private const int SideMm = 15;

    /// <summary>The printed page's content box: Playwright's "A4" is 8.27 × 11.7 in, less the margins below.</summary>
    private static readonly (double Width, double Height) PageArea = PageLayoutProbe.PageArea(8.27, 11.7, TopMm, BottomMm, SideMm, SideMm);

    private const string FindEntries =
        "() => [...new Set([...document.querySelectorAll('[data-contents-page]')].map(e => e.getAttribute('data-contents-page')))]";

    private const string FindProblems =
        """
        ids => ids.flatMap(id => [
          ...(document.getElementById(id) ? [] : [`no element has id="${id}"`]),
          ...([...document.querySelectorAll('a[href]')].some(a => a.getAttribute('href') === '#' + id) ? [] : [`no link <a href="#${id}"> points at it`]),
        ])
        """;

    private const string FillNumbers =
        """
        pages => {
          for (const e of document.querySelectorAll('[data-contents-page]')) {
            const n = pages[e.getAttribute('data-contents-page')];
            e.textContent = n === undefined ? '' : String(n);
          }
        }
        """;

    public async Task<PdfPrintResult> PrintAsync(TimeSpan load, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var ids = await page.EvaluateAsync<string[]>(FindEntries);
        if (ids.Length == 0)
        {
            var plain = await PrintPassAsync(final: true);
            var firstPrint = watch.Elapsed;
            return new PdfPrintResult(plain, ContentsTargets.Read(plain).PageCount, 1, load, firstPrint, TimeSpan.Zero);
        }

        var problems = await page.EvaluateAsync<string[]>(FindProblems, ids);
        if (problems.Length > 0)
        {
            throw new InvalidOperationException("The contents page cannot be numbered: " + string.Join("; ", problems) + ".");
        }

        // Most packs print once: the numbers are predicted from a probe layout and the final print checked below.
        // Without a prediction, a quicker draft print (untagged, no outline) finds them.
        var filled = predict ? await PageLayoutProbe.PredictAsync(page, ids, PageArea) : null;
        if (filled is not null)
        {
            await page.EvaluateAsync(FillNumbers, filled);
        }

        var pdf = await PrintPassAsync(final: filled is not null);
        var first = watch.Elapsed;
        watch.Restart();
        for (var pass = 2; pass <= MaxPasses + 1; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (landed, pageCount) = ContentsTargets.Read(pdf);
            var numbers = Numbers(ids, landed);
            if (filled is not null && SameNumbers(filled, numbers))
            {
                return new PdfPrintResult(pdf, pageCount, pass - 1, load, first, watch.Elapsed);
            }

            if (pass > MaxPasses)
            {
                break;
            }

            await page.EvaluateAsync(FillNumbers, numbers);
            pdf = await PrintPassAsync(final: true);
            filled = numbers;
        }

        throw new InvalidOperationException($"The contents page's numbers did not settle after {MaxPasses} prints; headings keep moving between pages.");
    }

    private static Dictionary<string, int> Numbers(string[] ids, IReadOnlyDictionary<string, int> landed)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            numbers[id] = landed.TryGetValue(id, out var number)
                ? number
                : throw new InvalidOperationException($"Chromium printed no destination for the contents entry '#{id}' (is the element hidden?).");
        }

        return numbers;
    }

    private static bool SameNumbers(Dictionary<string, int> a, Dictionary<string, int> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var n) && n == kv.Value);

    /// <summary>One Chromium print. The draft pass skips tagging and the outline; page layout does not depend on either.</summary>
    private Task<byte[]> PrintPassAsync(bool final) => page.PdfAsync(new PagePdfOptions
    {
        Format = "A4",
        PrintBackground = true,
        PreferCSSPageSize = false,
        DisplayHeaderFooter = true,
        HeaderTemplate = "<span></span>",
        FooterTemplate =
            "<div style=\"font-family:'Liberation Sans',Arial,sans-serif;font-size:8pt;color:#444;width:100%;"
            + "margin:0 15mm;display:flex;justify-content:space-between;\">"
            + $"<span>{encodedFooter}</span>"
            + "<span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>",
        Margin = new Margin { Top = $"{TopMm}mm", Bottom = $"{BottomMm}mm", Left = $"{SideMm}mm", Right = $"{SideMm}mm" },
        Tagged = final,
        Outline = final,
    });
}
