using System.Diagnostics;
using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.Templates;
using UglyToad.PdfPig;

namespace Outcomes.Reporting.Tests;

/// <summary>
/// Real prints with the system Chromium. Where Chromium is missing these fail (not skip) with the
/// install message, because CI installs it.
/// </summary>
[NonParallelizable]
public class PdfPrinterTests
{
    private PdfPrinter _printer = null!;

    [OneTimeSetUp]
    public void StartPrinter() => _printer = new PdfPrinter(new PdfPrinterOptions { FooterText = SamplePack.Settings.CouncilName });

    [OneTimeTearDown]
    public async Task StopPrinter() => await _printer.DisposeAsync();

    [Test, Order(1)]
    public async Task Prints_the_board_pack_as_a_real_pdf_with_figures_letters_footer_and_title()
    {
        var model = SamplePack.Model();
        var html = await new TemplateRenderer().RenderBoardPackAsync(model);

        var watch = Stopwatch.StartNew();
        var pdf = await _printer.PrintAsync(html, model.DocumentTitle);
        var first = watch.ElapsedMilliseconds;
        TestContext.Out.WriteLine($"First print (with Playwright start and Chromium launch): {first} ms, {pdf.Length} bytes");
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "board-pack.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        TestContext.Out.WriteLine($"Written to {path}");

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        var text = string.Join("\n", pages);

        Assert.Multiple(() =>
        {
            Assert.That(document.NumberOfPages, Is.GreaterThan(1));
            Assert.That(text, Does.Contain("64.0%"));
            Assert.That(text, Does.Contain("71.3%"));
            Assert.That(text, Does.Contain("1,234"));
            Assert.That(pages[0], Does.Contain("Page 1 of " + document.NumberOfPages));
            Assert.That(pages[0], Does.Contain("Agenda item"));
            Assert.That(pages[0], Does.Contain("Bradford"));
            Assert.That(pages[^1], Does.Contain($"Page {document.NumberOfPages} of {document.NumberOfPages}"));
            Assert.That(document.Information.Title, Is.EqualTo(model.DocumentTitle));
        });

        var scorecardPage = pages.Single(p => p.Contains("3.0 Scorecard", StringComparison.Ordinal) && !p.Contains("Contents Section Page", StringComparison.Ordinal));
        var words = scorecardPage.Split(' ');
        Assert.Multiple(() =>
        {
            foreach (var letter in new[] { "R", "A", "G", "B" })
            {
                Assert.That(words, Does.Contain(letter), $"status letter {letter} on the scorecard page");
            }
        });
    }

    [Test, Order(2)]
    public async Task The_browser_is_launched_once_and_reused_for_further_packs()
    {
        var html = await new TemplateRenderer().RenderBoardPackAsync(SamplePack.Model());

        var watch = Stopwatch.StartNew();
        var second = await _printer.PrintAsync(html, "second");
        var secondMs = watch.ElapsedMilliseconds;
        watch.Restart();
        var third = await _printer.PrintAsync("<html><head><title>Short</title></head><body><p>One page.</p></body></html>", "Short");
        TestContext.Out.WriteLine($"Warm prints: board pack {secondMs} ms, one-page {watch.ElapsedMilliseconds} ms");

        using var shortDoc = PdfDocument.Open(third);
        Assert.Multiple(() =>
        {
            Assert.That(_printer.LaunchCount, Is.EqualTo(1));
            Assert.That(second, Is.Not.Empty);
            Assert.That(shortDoc.NumberOfPages, Is.EqualTo(1));
            Assert.That(shortDoc.Information.Title, Is.EqualTo("Short"));
        });
    }

    [Test, Order(3)]
    public async Task A_lost_browser_is_relaunched_and_the_print_succeeds()
    {
        await _printer.PrintAsync("<html><head><title>Before</title></head><body>x</body></html>", "Before");
        var launches = _printer.LaunchCount;

        await _printer.SimulateBrowserLossAsync();
        var pdf = await _printer.PrintAsync("<html><head><title>After</title></head><body>y</body></html>", "After");

        Assert.Multiple(() =>
        {
            Assert.That(pdf, Is.Not.Empty);
            Assert.That(_printer.LaunchCount, Is.EqualTo(launches + 1));
        });
    }

    [Test]
    public async Task The_next_pack_reuses_the_page_and_nothing_of_the_last_one_carries_over()
    {
        await using var printer = new PdfPrinter(new PdfPrinterOptions());
        var first = "<html><head><title>First</title><style>p{break-before:page}</style></head><body>"
            + "<p><a href=\"#b\">Beta</a> <span data-contents-page=\"b\"></span></p><p id=\"b\">Beta of the first</p><p>Gamma of the first</p></body></html>";
        var second = "<html><head><title>Second</title></head><body><p>Only the second</p></body></html>";

        var one = await printer.PrintWithTimingsAsync(first, "First");
        var two = await printer.PrintWithTimingsAsync(second, "Second");
        using var pdf = PdfDocument.Open(two.Pdf);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

        var broken = "<html><head><title>Broken</title></head><body><p><a href=\"#gone\">Gone</a> <span data-contents-page=\"gone\"></span></p></body></html>";
        Assert.ThrowsAsync<InvalidOperationException>(() => printer.PrintAsync(broken, "Broken"));
        var afterFailure = await printer.PrintWithTimingsAsync(second, "Second");

        Assert.Multiple(() =>
        {
            Assert.That(one.Pages, Is.EqualTo(3));
            Assert.That(two.Pages, Is.EqualTo(1));
            Assert.That(pdf.Information.Title, Is.EqualTo("Second"));
            Assert.That(text, Does.Contain("Only the second").And.Not.Contain("first"));
            Assert.That(afterFailure.Pages, Is.EqualTo(1));
            Assert.That(printer.PagesOpened, Is.EqualTo(2), "one page for the first three prints; the failed print's page was closed, not kept");
        });
    }

    [Test]
    public async Task A_print_that_hangs_restarts_chromium_tries_once_more_and_then_says_so()
    {
        // Warmed with the usual timeout, so a slow launch on a busy machine is not taken for the hang under test.
        var options = new PdfPrinterOptions();
        await using var printer = new PdfPrinter(options);
        await printer.PrintAsync("<html><head><title>Warm</title></head><body>x</body></html>", "Warm");
        var launches = printer.LaunchCount;
        options.Timeout = TimeSpan.FromSeconds(3);

        // A page whose script never returns: its load event never comes, as with a wedged renderer.
        var error = Assert.ThrowsAsync<TimeoutException>(() => printer.PrintAsync("<html><body><script>while (true) {}</script></body></html>", "Hung"));
        var after = await printer.PrintAsync("<html><head><title>After</title></head><body>y</body></html>", "After");

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("'Hung' did not finish within 3 s, twice").And.Contain("Chromium was restarted"));
            Assert.That(printer.LaunchCount, Is.EqualTo(launches + 2), "a fresh browser for the retry, and another after it, for the next pack");
            Assert.That(after, Is.Not.Empty, "the next pack prints on the fresh browser");
        });
    }

    [Test]
    public async Task A_missing_chromium_says_how_to_install_it()
    {
        await using var printer = new PdfPrinter(new PdfPrinterOptions { ChromiumPath = "/nonexistent/chromium" });

        var error = Assert.ThrowsAsync<ChromiumNotFoundException>(() => printer.PrintAsync("<p>x</p>", "x"));

        Assert.That(error!.Message, Does.Contain("apt-get install chromium").And.Contain("OUTCOMES_CHROMIUM").And.Contain("/nonexistent/chromium"));
    }

    [Test]
    public void The_default_chromium_path_is_the_system_one_unless_overridden()
    {
        var previous = Environment.GetEnvironmentVariable(PdfPrinterOptions.ChromiumEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(PdfPrinterOptions.ChromiumEnvironmentVariable, null);
            Assert.That(new PdfPrinterOptions().ResolveChromiumPath(), Is.EqualTo("/usr/bin/chromium"));
            Environment.SetEnvironmentVariable(PdfPrinterOptions.ChromiumEnvironmentVariable, "/opt/chromium/chrome");
            Assert.That(new PdfPrinterOptions().ResolveChromiumPath(), Is.EqualTo("/opt/chromium/chrome"));
            Assert.That(new PdfPrinterOptions { ChromiumPath = "/x/chromium" }.ResolveChromiumPath(), Is.EqualTo("/x/chromium"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(PdfPrinterOptions.ChromiumEnvironmentVariable, previous);
        }
    }
}
