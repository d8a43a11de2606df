using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Outcomes.Reporting.Pdf;

public sealed class PdfPrinterOptions
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";
    public const string ChromiumEnvironmentVariable = "OUTCOMES_CHROMIUM";

    /// <summary>Chromium to launch. Null: $OUTCOMES_CHROMIUM, else /usr/bin/chromium. A browser is never downloaded.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>Printed in every page's footer beside "Page X of Y".</summary>
    public string FooterText { get; set; } = string.Empty;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Predict the contents page's numbers from a probe layout and print once, checking them in the printed PDF
    /// (see <see cref="PageLayoutProbe"/>). Off: a draft print finds them first, so every pack is printed twice.
    /// The PDF is the same either way.
    /// </summary>
    public bool PredictContentsPages { get; set; } = true;

    public string ResolveChromiumPath()
    {
        if (!string.IsNullOrWhiteSpace(ChromiumPath))
        {
            return ChromiumPath;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(ChromiumEnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultChromiumPath : fromEnvironment;
    }
}

/// <summary>Chromium is not where the printer was told to find it.</summary>
public sealed class ChromiumNotFoundException : Exception
{
    public ChromiumNotFoundException(string path)
        : base(
            $"Chromium was not found at '{path}', so no PDF can be printed. Install it with `apt-get install chromium`, "
            + $"or set {PdfPrinterOptions.ChromiumEnvironmentVariable} (or PdfPrinterOptions.ChromiumPath) to the Chromium executable.")
    {
        Path = path;
    }

    public ChromiumNotFoundException()
    {
    }

    public ChromiumNotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string? Path { get; }
}

/// <summary>
/// Prints HTML to A4 PDF with the system's Chromium through Playwright. Playwright's driver starts once and the
/// browser is launched once and reused for every pack; a browser that crashed or disconnected is relaunched and
/// the print tried once more. Safe to share: each print has its own page.
/// </summary>
public sealed class PdfPrinter : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage",
    ];

    private readonly PdfPrinterOptions _options;
    private readonly ILogger<PdfPrinter> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;
    private readonly ConcurrentBag<(IPage Page, int Uses)> _idlePages = [];
    private readonly ConcurrentDictionary<IPage, int> _uses = new();

    /// <summary>A page is recycled after this many prints, so a long-running server's renderer starts afresh now and then.</summary>
    private const int MaxPrintsPerPage = 50;
    private bool _disposed;

    public PdfPrinter(IOptions<PdfPrinterOptions>? options = null, ILogger<PdfPrinter>? logger = null)
    {
        _options = options?.Value ?? new PdfPrinterOptions();
        _logger = logger ?? NullLogger<PdfPrinter>.Instance;
    }

    public PdfPrinter(PdfPrinterOptions options, ILogger<PdfPrinter>? logger = null)
        : this(Options.Create(options), logger)
    {
    }

    /// <summary>How many pages (Chromium tabs) have been opened for printing; idle ones are reused.</summary>
    public int PagesOpened { get; private set; }

    /// <summary>How many times a browser has been launched (1 while the first one lives).</summary>
    public int LaunchCount { get; private set; }

    /// <summary>Prints the HTML; <paramref name="title"/> becomes the document title when the HTML has none.</summary>
    public async Task<byte[]> PrintAsync(string html, string title, string? footerText = null, CancellationToken cancellationToken = default) =>
        (await PrintWithTimingsAsync(html, title, footerText, cancellationToken)).Pdf;

    /// <summary>
    /// Prints the HTML as <see cref="PrintAsync"/> does, and says how many pages and passes it took and where the time
    /// went. A document with a contents page (elements marked <c>data-contents-page="id"</c>) is printed more than once;
    /// see <see cref="ContentsPass"/>.
    /// </summary>
    public async Task<PdfPrintResult> PrintWithTimingsAsync(string html, string title, string? footerText = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return await PrintOnceAsync(html, title, footerText, cancellationToken);
        }
        catch (PlaywrightException e) when (_browser is null || !_browser.IsConnected)
        {
            _logger.LogWarning(e, "Chromium went away while printing '{Title}'; relaunching and trying once more", title);
            await ResetBrowserAsync();
            return await PrintOnceAsync(html, title, footerText, cancellationToken);
        }
        catch (System.TimeoutException e) when (!cancellationToken.IsCancellationRequested)
        {
            // A hung browser (or a page that never finishes) holds the print past the timeout: start a fresh Chromium,
            // so a wedged renderer cannot stall every later pack, and try this pack once more.
            _logger.LogWarning(e, "Printing '{Title}' took longer than {Timeout}; restarting Chromium and trying once more", title, _options.Timeout);
            await ResetBrowserAsync();
            try
            {
                return await PrintOnceAsync(html, title, footerText, cancellationToken);
            }
            catch (System.TimeoutException again)
            {
                await ResetBrowserAsync();
                throw new System.TimeoutException(
                    $"Printing '{title}' did not finish within {_options.Timeout.TotalSeconds:0} s, twice (Chromium was restarted between the tries); "
                    + "the pack's HTML may be too large or contain something that never finishes loading.", again);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await ResetBrowserAsync();
        _playwright?.Dispose();
        _playwright = null;
        _gate.Dispose();
    }

    private async Task<PdfPrintResult> PrintOnceAsync(string html, string title, string? footerText, CancellationToken cancellationToken)
    {
        var context = await GetContextAsync(cancellationToken);
        var watch = Stopwatch.StartNew();

        var page = await TakePageAsync(context);
        var reusable = false;
        try
        {
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(await page.TitleAsync()))
            {
                _logger.LogDebug("HTML for '{Title}' has no <title>; the PDF's title comes from the document", title);
            }

            var load = watch.Elapsed;
            var footer = WebUtility.HtmlEncode(footerText ?? _options.FooterText);
            var contents = new ContentsPass(page, footer, _options.PredictContentsPages);
            var result = await contents.PrintAsync(load, cancellationToken);
            _logger.LogInformation(
                "Printed '{Title}' ({Pages} pages, {Bytes} bytes, {Passes} passes) in {Ms} ms",
                title, result.Pages, result.Pdf.Length, result.Passes, watch.ElapsedMilliseconds);
            reusable = true;
            return result;
        }
        finally
        {
            await ReturnPageAsync(page, reusable);
        }
    }

    /// <summary>
    /// An idle page of the current context, or a new one. A new page costs Chromium a renderer and Playwright several
    /// round trips, a noticeable share of a small pack's print; a page that printed cleanly is kept for the next pack.
    /// Nothing carries over: the next pack's HTML replaces the whole document, and packs hold no script, storage or
    /// network access.
    /// </summary>
    private async Task<IPage> TakePageAsync(IBrowserContext context)
    {
        while (_idlePages.TryTake(out var idle))
        {
            if (!idle.Page.IsClosed && ReferenceEquals(idle.Page.Context, context) && idle.Uses < MaxPrintsPerPage)
            {
                _uses[idle.Page] = idle.Uses + 1;
                idle.Page.SetDefaultTimeout((float)_options.Timeout.TotalMilliseconds);
                return idle.Page;
            }

            _uses.TryRemove(idle.Page, out _);
            await ClosePageQuietlyAsync(idle.Page);
        }

        // One context for every print: Browser.NewPageAsync would make (and tear down) a whole browser context each time.
        var page = await context.NewPageAsync();
        PagesOpened++;
        page.SetDefaultTimeout((float)_options.Timeout.TotalMilliseconds);

        // A pack is self-contained; anything it links to outside itself is refused rather than waited for.
        await page.RouteAsync("**/*", route => route.Request.Url.StartsWith("data:", StringComparison.Ordinal)
            ? route.ContinueAsync()
            : route.AbortAsync());
        _uses[page] = 1;
        return page;
    }

    private async Task ReturnPageAsync(IPage page, bool reusable)
    {
        if (reusable && !_disposed && !page.IsClosed && _uses.TryGetValue(page, out var uses))
        {
            _idlePages.Add((page, uses));
            return;
        }

        _uses.TryRemove(page, out _);
        await ClosePageQuietlyAsync(page);
    }

    private static async Task ClosePageQuietlyAsync(IPage page)
    {
        try
        {
            await page.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser has gone; the page went with it.
        }
    }

    private async Task<IBrowserContext> GetContextAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } && _context is { } ready)
        {
            return ready;
        }

        var browser = await GetBrowserAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _context ??= await browser.NewContextAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } raced)
            {
                return raced;
            }

            if (_browser is not null)
            {
                await CloseQuietlyAsync(_browser);
                _browser = null;
                _context = null;
            }

            var path = _options.ResolveChromiumPath();
            if (!File.Exists(path))
            {
                throw new ChromiumNotFoundException(path);
            }

            _playwright ??= await Playwright.CreateAsync();
            var watch = Stopwatch.StartNew();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = ChromiumArgs,
                ChromiumSandbox = false,
                Timeout = (float)_options.Timeout.TotalMilliseconds,
            });
            LaunchCount++;
            _logger.LogInformation("Launched Chromium {Version} from {Path} in {Ms} ms", _browser.Version, path, watch.ElapsedMilliseconds);
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ResetBrowserAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                await CloseQuietlyAsync(_browser);
                _browser = null;
                _context = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task CloseQuietlyAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone.
        }
    }

    /// <summary>Test hook: closes the browser as a crash would, so the next print must relaunch it.</summary>
    internal async Task SimulateBrowserLossAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
    }
}
