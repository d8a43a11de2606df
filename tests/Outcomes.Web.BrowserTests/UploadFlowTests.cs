using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Playwright;
using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;
using static Microsoft.Playwright.Assertions;

namespace Outcomes.Web.BrowserTests;

/// <summary>
/// Uploading a return in the browser, with JavaScript on and off: a bad file (samples/returns-with-problems) shows the
/// GOV.UK error summary naming the cell, its links lead to the problems, the annotated error workbook downloads; the
/// corrected file is checked, confirmed, and is in the store as a new version holding the corrected figure.
/// </summary>
public sealed partial class UploadFlowTests : BrowserTest
{
    private const string BadSample = "returns-with-problems/bradford-value-written-as-1.2k.xlsx";

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_bad_file_shows_its_problems_and_the_corrected_file_is_confirmed_and_stored(bool javaScript)
    {
        var period = PeriodParser.Parse("2018-19 Q2");
        var returns = new ReturnRepository(LiveSite.Store.Store);
        var versionsBefore = (await returns.GetVersionsAsync("BRD-CC", "BRD-CL1", period)).Count;
        var countsBefore = await LiveSite.Store.StoredCountsAsync();
        var page = await NewPageAsync(javaScript);
        await SignInAsync(page, ("performance officer", "BRD-CL1"));

        // The dashboard links to the upload page; the bad file is checked and refused with every problem listed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload a return" }).ClickAsync();
        await page.Locator("#file").SetInputFilesAsync(LiveSite.Store.Sample(BadSample));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("nothing was stored");
        await Expect(summary.Locator("li").First).ToContainTextAsync(CellReference());
        await Expect(summary).ToContainTextAsync("1.2k");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: Upload a return"));
        if (javaScript)
        {
            await Screenshots.SaveIfWantedAsync(page, "web-upload-errors.png");
        }

        Assert.That(await LiveSite.Store.StoredCountsAsync(), Is.EqualTo(countsBefore), "a refused file stores nothing");

        // Each summary link leads to its problem in the list below.
        var link = summary.Locator("a").First;
        var target = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        Assert.That(target, Does.Match("^#problem-1$"));
        await Expect(page).ToHaveURLAsync(new Regex("#problem-1$"));
        await Expect(page.Locator(target!)).ToBeInViewportAsync();
        await Expect(page.Locator(target!)).ToContainTextAsync("1.2k");

        // The annotated error workbook downloads and lists the problem on its Errors sheet.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the annotated error workbook (.xlsx)" }).ClickAsync());
        var annotatedPath = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"errors-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(annotatedPath);
        using (var annotated = new XLWorkbook(annotatedPath))
        {
            Assert.That(annotated.TryGetWorksheet("Errors", out var errors), Is.True, "an Errors sheet");
            Assert.That(errors!.RowsUsed().Skip(1).Any(r => r.CellsUsed().Any(c => c.GetString().Contains("1.2k", StringComparison.Ordinal))), Is.True, "the problem is listed");
        }

        // The officer writes the figure in full and uploads again: checked, confirmed, stored as a new version.
        var corrected = Corrected(LiveSite.Store.Sample(BadSample));
        await page.Locator("#file").SetInputFilesAsync(corrected);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check the return before importing it");
        await Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("BRD-CL1");
        await Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("2018-19 Q2");
        Assert.That((await returns.GetVersionsAsync("BRD-CC", "BRD-CL1", period)).Count, Is.EqualTo(versionsBefore), "checking stores nothing");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm import" }).ClickAsync();
        await Expect(page.Locator(".govuk-panel--confirmation")).ToContainTextAsync($"Version {versionsBefore + 1}");

        var stored = await returns.FindAsync("BRD-CC", "BRD-CL1", period);
        var br5 = (await new ObservationRepository(LiveSite.Store.Store).ListCurrentAsync("BRD-CC", ["BRD-CL1"]))
            .Single(o => o.Period.Key == "2018-19 Q2" && o.MeasureCode == "BR5");
        Assert.Multiple(() =>
        {
            Assert.That(stored?.LatestVersion, Is.EqualTo(versionsBefore + 1), "one new version");
            Assert.That(br5.Value, Is.EqualTo(1200m), "the corrected figure is the current one");
        });
    }

    /// <summary>A copy of the bad return with "1.2k" written in full, as the error message asks.</summary>
    private static string Corrected(string badFile)
    {
        using var workbook = new XLWorkbook(badFile);
        var cell = workbook.Worksheet("Data").CellsUsed().Single(c => c.GetString() == "1.2k");
        cell.Value = 1200;
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"BRD-CL1_2018-19_Q2-corrected-{Guid.NewGuid():N}.xlsx");
        workbook.SaveAs(path);
        return path;
    }

    [GeneratedRegex("Data!?[ ,]*(cell )?[A-Z]+[0-9]+|cell [A-Z]+[0-9]+")]
    private static partial Regex CellReference();
}
