using Microsoft.Playwright;

namespace Outcomes.Web.BrowserTests;

/// <summary>
/// Full-page PNGs for the README, written to docs/images only when OUTCOMES_SCREENSHOTS=1 (so a test run on CI leaves
/// the working tree alone).
/// </summary>
internal static class Screenshots
{
    public static bool Wanted => Environment.GetEnvironmentVariable("OUTCOMES_SCREENSHOTS") == "1";

    public static async Task SaveIfWantedAsync(IPage page, string fileName)
    {
        if (!Wanted)
        {
            return;
        }

        var path = Path.Combine(LiveSite.RepositoryRoot, "docs", "images", fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Progress.WriteLine($"Screenshot: {path}");
    }
}
