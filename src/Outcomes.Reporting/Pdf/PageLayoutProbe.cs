using Microsoft.Playwright;

namespace Outcomes.Reporting.Pdf;

/// <summary>
/// Predicts the page each contents target will print on, without printing, so that the usual pack needs one print
/// rather than two.
/// <para>
/// Chromium breaks pages and columns with the same block-fragmentation engine (LayoutNG): forced breaks, avoided
/// breaks, rows kept whole, orphans and widows. So the loaded page is laid out once, under print media, as a
/// multi-column box whose columns are exactly the printed page area (<see cref="PageArea"/>): column <i>k</i> stands
/// for page <i>k</i>. Forced page breaks become forced column breaks for the probe (Chromium forces a <c>page</c>
/// break only when it paginates), and the page is put back as it was afterwards.
/// </para>
/// <para>
/// A prediction is only a guess: <see cref="ContentsPass"/> prints with the predicted numbers, reads back where every
/// target really landed, and prints again if any number was wrong. So a miss costs the print the probe tried to
/// save, never a wrong contents page.
/// </para>
/// </summary>
internal static class PageLayoutProbe
{
    /// <summary>The printed page's content box in CSS pixels: Playwright's A4 (8.27 × 11.7 in) less the print margins.</summary>
    public static (double Width, double Height) PageArea(double widthInches, double heightInches, double topMm, double bottomMm, double leftMm, double rightMm)
    {
        const double PixelsPerInch = 96;
        const double PixelsPerMm = PixelsPerInch / 25.4;
        return ((widthInches * PixelsPerInch) - ((leftMm + rightMm) * PixelsPerMm), (heightInches * PixelsPerInch) - ((topMm + bottomMm) * PixelsPerMm));
    }

    private const string Predict =
        """
        ([ids, width, height]) => {
          const forced = v => v === 'page' || v === 'left' || v === 'right' || v === 'recto' || v === 'verso';
          const changed = [];
          const set = (e, property, value) => { changed.push([e, property, e.style.getPropertyValue(property), e.style.getPropertyPriority(property)]); e.style.setProperty(property, value, 'important'); };
          try {
            for (const e of document.body.querySelectorAll('*')) {
              const s = getComputedStyle(e);
              if (forced(s.breakBefore)) set(e, 'break-before', 'column');
              if (forced(s.breakAfter)) set(e, 'break-after', 'column');
              if (s.breakInside === 'avoid-page') set(e, 'break-inside', 'avoid-column');
            }
            const body = document.body;
            set(body, 'width', width + 'px');
            set(body, 'height', height + 'px');
            set(body, 'column-width', width + 'px');
            set(body, 'column-count', 'auto');
            set(body, 'column-gap', '0px');
            set(body, 'column-fill', 'auto');
            set(body, 'padding', '0px');
            set(body, 'margin', '0px');
            set(body, 'overflow', 'visible');
            const origin = body.getBoundingClientRect().left;
            const pages = {};
            for (const id of ids) {
              const target = document.getElementById(id);
              const first = target && target.getClientRects()[0];
              if (!first) return null;
              pages[id] = Math.floor((first.left - origin + 0.5) / width) + 1;
            }
            return pages;
          } finally {
            for (let i = changed.length - 1; i >= 0; i--) {
              const [e, property, value, priority] = changed[i];
              if (value) e.style.setProperty(property, value, priority); else e.style.removeProperty(property);
            }
          }
        }
        """;

    /// <summary>The predicted page (1-based) of each id, or null when some target has no box to measure.</summary>
    public static async Task<Dictionary<string, int>?> PredictAsync(IPage page, IReadOnlyList<string> ids, (double Width, double Height) area)
    {
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        try
        {
            return await page.EvaluateAsync<Dictionary<string, int>?>(Predict, new object[] { ids, area.Width, area.Height });
        }
        finally
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Null });
        }
    }
}
