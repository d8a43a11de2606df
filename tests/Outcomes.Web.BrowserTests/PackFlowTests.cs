using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Outcomes.Web.BrowserTests;

/// <summary>
/// A performance officer asks for a board pack on /packs without JavaScript; the job page reloads itself (meta refresh,
/// which the browser follows) until the pack is done, then the PDF and the Excel workbook download and are real files.
/// </summary>
public sealed partial class PackFlowTests : BrowserTest
{
    [Test]
    public async Task A_board_pack_asked_for_on_the_packs_page_is_made_while_its_page_reloads_and_both_files_download()
    {
        var page = await NewPageAsync(javaScript: false);
        await SignInAsync(page, ("performance officer", "BRD-CL1"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Packs" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Packs");

        var id = await PackSteps.AskForBoardPackAsync(page, "BRD-CL1");

        // Straight after asking, the pack is still being made: the page says so and reloads itself.
        await Expect(page.Locator(".govuk-summary-list .govuk-tag")).ToHaveTextAsync(NotFinished());
        Assert.That(await page.Locator("meta[http-equiv='refresh']").GetAttributeAsync("content"), Is.EqualTo("2"), "the page reloads itself every 2 seconds");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Stop updating this page" })).ToBeVisibleAsync();
        var reloads = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                Interlocked.Increment(ref reloads);
            }
        };

        await PackSteps.WaitUntilDoneAsync(page);
        Assert.That(reloads, Is.GreaterThan(0), "the browser followed the page's refresh (nothing here navigated)");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo($"/packs/{id}"));
        Assert.That(await page.Locator("meta[http-equiv='refresh']").CountAsync(), Is.Zero, "a finished pack's page stops reloading");
        var pagesSaid = int.Parse(PageCount().Match(await page.Locator("main").InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var pdf = await DownloadAsync(page, "PDF");
        var xlsx = await DownloadAsync(page, "Excel workbook");

        using var document = PdfDocument.Open(pdf.Path);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        using var workbook = new XLWorkbook(xlsx.Path);
        var cells = workbook.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pdf.Name, Does.EndWith(".pdf"));
            Assert.That(Encoding.ASCII.GetString(File.ReadAllBytes(pdf.Path), 0, 5), Is.EqualTo("%PDF-"));
            Assert.That(document.NumberOfPages, Is.GreaterThan(1), "a board pack has a scorecard and measure pages");
            Assert.That(document.NumberOfPages, Is.EqualTo(pagesSaid), "the job page gives the PDF's page count");
            Assert.That(text, Does.Contain("2018-19 Q4").Or.Contain("Q4 2018-19"), "the pack is for the quarter asked for");
            Assert.That(xlsx.Name, Does.EndWith(".xlsx"));
            Assert.That(workbook.Worksheets.Count, Is.GreaterThan(0));
            Assert.That(cells, Has.Some.Contains("BRD-CL1").Or.Some.Contains("Cluster 1"), "the workbook is about the unit asked for");
        });
    }

    private static async Task<(string Path, string Name)> DownloadAsync(IPage page, string linkText)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = linkText }).ClickAsync());
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"pack-{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(path);
        return (path, download.SuggestedFilename);
    }

    [GeneratedRegex("^(Queued|Running)$")]
    private static partial Regex NotFinished();

    [GeneratedRegex(@"\((\d+) pages,")]
    private static partial Regex PageCount();
}
