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

    private static readonly SemaphoreSlim SigningIn = new(1, 1);
    private static readonly Dictionary<string, (string Email, string State)> SignedIn = new(StringComparer.Ordinal);

    /// <summary>A page in a new context: JavaScript on or off, a viewport width, and (for axe only) the CSP bypassed.</summary>
    protected async Task<IPage> NewPageAsync(bool javaScript = true, int width = DesktopWidth, bool bypassCsp = false, string? storageState = null)
    {
        var context = await LiveSite.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            StorageState = storageState,
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

    /// <summary>
    /// A page already signed in as a user with the roles: the first call signs in through the form, later calls with the
    /// same roles reuse that user's cookies (for sweeps of many pages, where signing in each time would only add time).
    /// </summary>
    protected async Task<(IPage Page, string Email)> NewSignedInPageAsync(int width, bool bypassCsp, params (string Role, string Scope)[] roles)
    {
        var key = string.Join(";", roles.Select(r => $"{r.Role}@{r.Scope}"));
        (string Email, string State) signedIn;
        await SigningIn.WaitAsync();
        try
        {
            if (!SignedIn.TryGetValue(key, out signedIn))
            {
                var first = await NewPageAsync(width: width);
                var email = await SignInAsync(first, roles);
                signedIn = SignedIn[key] = (email, await first.Context.StorageStateAsync());
            }
        }
        finally
        {
            SigningIn.Release();
        }

        return (await NewPageAsync(width: width, bypassCsp: bypassCsp, storageState: signedIn.State), signedIn.Email);
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
