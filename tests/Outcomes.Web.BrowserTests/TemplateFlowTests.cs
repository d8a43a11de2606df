using ClosedXML.Excel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Outcomes.Web.BrowserTests;

/// <summary>Downloading a return template in the browser (a plain GET form, so no JavaScript is needed).</summary>
public sealed class TemplateFlowTests : BrowserTest
{
    [Test]
    public async Task A_missing_quarter_is_reported_then_the_template_for_the_chosen_unit_and_quarter_downloads()
    {
        var page = await NewPageAsync(javaScript: false);
        await SignInAsync(page, ("performance officer", "BRD-CL4"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Download a return template" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Download a return template");

        await page.GetByRole(AriaRole.Button, new() { Name = "Download template (.xlsx)" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary a[href='#period']")).ToBeVisibleAsync();

        await page.Locator("#unit").SelectOptionAsync("BRD-CL4");
        await page.Locator("#period").FillAsync("2019-20 Q1");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download template (.xlsx)" }).ClickAsync());
        var saved = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"template-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(saved);
        using var template = new XLWorkbook(saved);
        var meta = template.Worksheet("_template").RowsUsed().ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetString(), StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(download.SuggestedFilename, Does.EndWith(".xlsx").And.Contain("BRD-CL4"));
            Assert.That(meta["org_unit_code"], Is.EqualTo("BRD-CL4"));
            Assert.That(meta["period_key"], Is.EqualTo("2019-20 Q1"));
            Assert.That(meta["framework_code"], Is.EqualTo("BRD-CC"));
        });
    }
}
