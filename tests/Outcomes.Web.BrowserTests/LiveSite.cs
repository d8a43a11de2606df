using Microsoft.Playwright;
using Outcomes.Reporting.Pdf;
using Outcomes.Web.LoadTest.Hosting;

namespace Outcomes.Web.BrowserTests;

/// <summary>
/// One real site and one browser for the whole run: a fresh sample store (as `make demo` builds it), the web host on
/// Kestrel at 127.0.0.1, and the system Chromium launched once through Playwright. Each test opens its own context.
/// A missing Chromium fails every test with how to install it; a browser is never downloaded.
/// </summary>
[SetUpFixture]
public sealed class LiveSite
{
    public const string Password = "correct horse battery staple";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"];

    private static SampleStoreFile? _store;
    private static LoopbackServer? _server;
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static SampleStoreFile Store => _store ?? throw new InvalidOperationException("The site is not started.");

    public static LoopbackServer Server => _server ?? throw new InvalidOperationException("The site is not started.");

    public static IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not launched.");

    public static string RepositoryRoot => SampleStoreFile.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var chromium = new PdfPrinterOptions().ResolveChromiumPath();
        if (!File.Exists(chromium))
        {
            Assert.Fail($"Chromium was not found at '{chromium}'. The browser tests drive the system Chromium and never download one: "
                + $"install it with `apt-get install chromium` (make setup does), or set {PdfPrinterOptions.ChromiumEnvironmentVariable} to its path.");
        }

        _store = await SampleStoreFile.BuildAsync(RepositoryRoot);
        _server = LoopbackServer.Start(_store.Path, RepositoryRoot);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
            ChromiumSandbox = false,
        });
        TestContext.Progress.WriteLine($"Site on {_server.BaseAddress}; Chromium {_browser.Version} from {chromium}");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
        _store?.Dispose();
    }
}
