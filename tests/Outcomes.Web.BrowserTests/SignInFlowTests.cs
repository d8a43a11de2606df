using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Outcomes.Web.BrowserTests;

/// <summary>Signing in through the form, with JavaScript on and off: a wrong password shows the error summary, the right one reaches the dashboard.</summary>
public sealed partial class SignInFlowTests : BrowserTest
{
    [TestCase(true)]
    [TestCase(false)]
    public async Task A_wrong_password_shows_the_error_summary_and_the_right_one_reaches_the_dashboard(bool javaScript)
    {
        var email = await LiveSite.Store.AddUserAsync(LiveSite.Password, ("board member", "BRD"));
        var page = await NewPageAsync(javaScript);

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(SignInUrl(), new() { Timeout = 10_000 });
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("There is a problem");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: Sign in"));
        if (javaScript)
        {
            // GOV.UK Frontend's script (allowed by the CSP as a same-origin module) moves focus to the summary.
            await Expect(summary).ToBeFocusedAsync();
        }

        var firstProblem = summary.Locator("a").First;
        var target = await firstProblem.GetAttributeAsync("href");
        await firstProblem.ClickAsync();
        Assert.That(target, Does.StartWith("#"), "each problem links to its field");
        await Expect(page.Locator(target!)).ToBeInViewportAsync();

        await page.Locator("#password").FillAsync(LiveSite.Password);
        if (await page.Locator("#email").InputValueAsync() != email)
        {
            await page.Locator("#email").FillAsync(email);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your dashboard");
        await Expect(page.Locator("body")).ToContainTextAsync(email);
        await Expect(page.Locator("table.govuk-table").First).ToBeVisibleAsync();
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/"));
        if (javaScript)
        {
            await Screenshots.SaveIfWantedAsync(page, "web-dashboard.png");
        }
    }

    [GeneratedRegex("/sign-in")]
    private static partial Regex SignInUrl();
}
