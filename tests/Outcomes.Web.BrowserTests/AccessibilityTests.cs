using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Outcomes.Storage.Repositories;
using static Microsoft.Playwright.Assertions;

namespace Outcomes.Web.BrowserTests;

/// <summary>
/// axe-core on every page, at desktop width and at 320 px (WCAG 2.2 reflow): no serious or critical violation. Pages
/// reached by a link are in <see cref="Pages"/> (add a page with one line); states reached by posting a form (errors,
/// check before import, imported) have a test each below.
/// </summary>
public sealed class AccessibilityTests : BrowserTest
{
    /// <summary>
    /// Every page a signed-in administrator (over Bradford) can open by URL, with real codes from the sample store; "{me}"
    /// is the signed-in user's id. Add new pages here. A pack's page has its own test below (a pack is made first).
    /// </summary>
    public static readonly string[] Pages =
    [
        "/",
        "/returns",
        "/returns/BRD-CC/BRD-CL1/2018-19%20Q3",
        "/returns/upload",
        "/returns/template",
        "/audit",
        "/units/BRD-CL1/BRD-CC",
        MeasurePage,
        "/frameworks",
        "/frameworks/BRD-CC",
        "/frameworks/BRD-CC/load",
        "/frameworks/BRD-CC/targets/upload",
        "/packs",
        "/users",
        "/users/new",
        "/users/{me}",
        "/account",
    ];

    /// <summary>A measure page (its screenshot, docs/images/web-measure.png, is taken here at desktop width).</summary>
    public const string MeasurePage = "/units/BRD-CL1/BRD-CC/measures/BR5";

    private static readonly int[] Widths = [DesktopWidth, NarrowWidth];

    public static IEnumerable<TestCaseData> EachWidth() => Widths.Select(w => new TestCaseData(w).SetArgDisplayNames($"{w}px"));

    /// <summary>
    /// Each page is loaded once at desktop width, checked, then narrowed to 320 px (as zooming to 400% does, WCAG 1.4.10)
    /// and checked again; the findings at both widths are reported together.
    /// </summary>
    [TestCaseSource(nameof(Pages))]
    public async Task A_page_has_no_serious_or_critical_violations_at_either_width(string path)
    {
        var (page, email) = await NewSignedInPageAsync(DesktopWidth, bypassCsp: true, ("administrator", "BRD"));
        if (path.Contains("{me}", StringComparison.Ordinal))
        {
            var me = await new UserRepository(LiveSite.Store.Store).FindByUserNameAsync(email);
            path = path.Replace("{me}", me!.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var response = await page.GotoAsync(path);
        Assert.That(response?.Status, Is.EqualTo((int)HttpStatusCode.OK), path);
        if (path == MeasurePage)
        {
            await Screenshots.SaveIfWantedAsync(page, "web-measure.png");
        }

        var blocking = new List<string>();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            blocking.AddRange(await BlockingViolationsAsync(page));
        }

        Assert.That(blocking, Is.Empty, string.Join("\n", blocking));
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

    [TestCaseSource(nameof(EachWidth))]
    public async Task A_pack_page_while_it_is_made_and_when_it_is_done_has_no_serious_or_critical_violations(int width)
    {
        var page = await NewPageAsync(width: width, bypassCsp: true);
        await SignInAsync(page, ("performance officer", "BRD"));
        var id = await PackSteps.AskForBoardPackAsync(page, width == DesktopWidth ? "BRD-CL2" : "BRD-CL3");

        // While it is made the page reloads itself; axe checks the same page with reloading turned off.
        await page.GotoAsync($"/packs/{id}?refresh=off");
        await AssertAccessibleAsync(page);

        await page.GotoAsync($"/packs/{id}");
        await PackSteps.WaitUntilDoneAsync(page);
        await AssertAccessibleAsync(page);
    }

    internal static async Task AssertAccessibleAsync(IPage page)
    {
        var blocking = await BlockingViolationsAsync(page);
        Assert.That(blocking, Is.Empty, string.Join("\n", blocking));
    }

    /// <summary>axe's serious and critical findings on the page as it is now, each naming the page and width; lesser ones are printed.</summary>
    private static async Task<IReadOnlyList<string>> BlockingViolationsAsync(IPage page)
    {
        var violations = await Axe.CheckAsync(page);
        var at = $"{page.Url} at {page.ViewportSize?.Width} px";
        foreach (var minor in violations.Where(v => !v.Blocks))
        {
            TestContext.Out.WriteLine($"{at} (not failing): {minor}");
        }

        return violations.Where(v => v.Blocks).Select(v => $"{at}: {v}").ToList();
    }
}
