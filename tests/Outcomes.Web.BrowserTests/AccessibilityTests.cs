using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Outcomes.Web.BrowserTests;

/// <summary>
/// axe-core on every page, at desktop width and at 320 px (WCAG 2.2 reflow): no serious or critical violation. Pages
/// reached by a link are in <see cref="Pages"/> (add a page with one line); states reached by posting a form (errors,
/// check before import, imported) have a test each below.
/// </summary>
public sealed class AccessibilityTests : BrowserTest
{
    /// <summary>Every page a signed-in administrator can open by URL. Add new pages here.</summary>
    public static readonly string[] Pages =
    [
        "/",
        "/returns/upload",
        "/returns/template",
    ];

    private static readonly int[] Widths = [DesktopWidth, NarrowWidth];

    public static IEnumerable<TestCaseData> PagesAtEachWidth() =>
        Pages.SelectMany(p => Widths.Select(w => new TestCaseData(p, w).SetArgDisplayNames(p, $"{w}px")));

    public static IEnumerable<TestCaseData> EachWidth() => Widths.Select(w => new TestCaseData(w).SetArgDisplayNames($"{w}px"));

    [TestCaseSource(nameof(PagesAtEachWidth))]
    public async Task A_page_has_no_serious_or_critical_violations(string path, int width)
    {
        var page = await NewPageAsync(width: width, bypassCsp: true);
        await SignInAsync(page, ("administrator", "BRD"));
        var response = await page.GotoAsync(path);
        Assert.That(response?.Status, Is.EqualTo((int)HttpStatusCode.OK), path);
        await AssertAccessibleAsync(page);
    }

    [TestCaseSource(nameof(EachWidth))]
    public async Task The_sign_in_page_blank_and_with_errors_has_no_serious_or_critical_violations(int width)
    {
        var page = await NewPageAsync(width: width, bypassCsp: true);
        await page.GotoAsync("/sign-in");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [TestCaseSource(nameof(EachWidth))]
    public async Task An_upload_with_errors_then_its_check_and_import_pages_have_no_serious_or_critical_violations(int width)
    {
        var page = await NewPageAsync(width: width, bypassCsp: true);
        await SignInAsync(page, ("performance officer", "NEL"));
        await page.GotoAsync("/returns/upload");
        await page.Locator("#file").SetInputFilesAsync(LiveSite.Store.Sample("returns-with-problems/nel-approx-value-and-blank-required.xlsx"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/returns/upload");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        var unit = width == DesktopWidth ? "NEL-CL1" : "NEL-CL2";
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{unit}-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, LoadTest.Hosting.NextQuarterReturns.Make(LiveSite.Store.Sample($"returns/north-east-lincolnshire/{unit}_2018-19_Q4.xlsx"), "2019-20 Q1").Bytes);
        await page.Locator("#file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check the return before importing it");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm import" }).ClickAsync();
        await Expect(page.Locator(".govuk-panel--confirmation")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [TestCaseSource(nameof(EachWidth))]
    public async Task The_template_page_with_errors_has_no_serious_or_critical_violations(int width)
    {
        var page = await NewPageAsync(width: width, bypassCsp: true);
        await SignInAsync(page, ("performance officer", "BRD"));
        await page.GotoAsync("/returns/template/download?Framework=BRD-CC&Unit=BRD-CL1&Period=&Kind=blank");
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await Axe.CheckAsync(page);
        foreach (var minor in violations.Where(v => !v.Blocks))
        {
            TestContext.Out.WriteLine($"{page.Url} (not failing): {minor}");
        }

        var blocking = violations.Where(v => v.Blocks).ToList();
        Assert.That(blocking, Is.Empty, $"{page.Url} at {page.ViewportSize?.Width} px:\n" + string.Join("\n", blocking));
    }
}
