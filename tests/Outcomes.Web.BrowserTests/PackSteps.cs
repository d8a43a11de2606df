using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Outcomes.Web.BrowserTests;

/// <summary>Asking for a pack on /packs and waiting on its job page, as a person would.</summary>
internal static partial class PackSteps
{
    public const string Quarter = "2018-19 Q4";

    /// <summary>Packs take seconds each, longer on a busy machine: the job page is watched this long.</summary>
    public const float DoneTimeoutMs = 120_000;

    /// <summary>Fills the /packs form for a Bradford board pack of <paramref name="unit"/> and returns the job id the browser was sent to.</summary>
    public static async Task<long> AskForBoardPackAsync(IPage page, string unit)
    {
        await page.GotoAsync("/packs");
        await page.GetByLabel("Board pack").CheckAsync();
        await page.Locator("#framework").SelectOptionAsync("BRD-CC");
        await page.Locator("#unit").SelectOptionAsync(unit);
        await page.Locator("#period").FillAsync(Quarter);
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate pack" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(JobUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Board pack for {unit}, {Quarter}");
        return long.Parse(JobUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Waits on the open job page, which reloads itself while the pack is made, until it says Done.</summary>
    public static async Task WaitUntilDoneAsync(IPage page)
    {
        await Expect(page.Locator(".govuk-summary-list .govuk-tag")).ToHaveTextAsync("Done", new() { Timeout = DoneTimeoutMs });
    }

    [GeneratedRegex(@"/packs/(\d+)$")]
    private static partial Regex JobUrl();
}
