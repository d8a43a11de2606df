using Microsoft.Playwright;

namespace Outcomes.Web.BrowserTests;

/// <summary>
/// A test with fresh browser contexts of its own (no cookies shared with other tests), closed after it; pages open on
/// the live site. Signing in goes through the sign-in form as a person would.
/// </summary>
public abstract class BrowserTest
{
    public const int DesktopWidth = 1280;
    public const int NarrowWidth = 320;

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A page in a new context: JavaScript on or off, a viewport width, and (for axe only) the CSP bypassed.</summary>
    protected async Task<IPage> NewPageAsync(bool javaScript = true, int width = DesktopWidth, bool bypassCsp = false)
    {
        var context = await LiveSite.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = LiveSite.Server.BaseAddress.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            BypassCSP = bypassCsp,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Makes a user with the roles and signs in through the form; the page ends on the dashboard.</summary>
    protected static async Task<string> SignInAsync(IPage page, params (string Role, string Scope)[] roles)
    {
        var email = await LiveSite.Store.AddUserAsync(LiveSite.Password, roles);
        await page.GotoAsync("/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(LiveSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your dashboard");
        return email;
    }

    [TearDown]
    public async Task CloseContextsAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        _contexts.Clear();
    }
}
