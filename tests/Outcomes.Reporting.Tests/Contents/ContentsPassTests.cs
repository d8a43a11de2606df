using Outcomes.Reporting.Pdf;
using UglyToad.PdfPig;

namespace Outcomes.Reporting.Tests.Contents;

/// <summary>
/// The printer's contents numbering on small hand-made documents whose pages are fixed by forced breaks, so the right
/// numbers are known before printing; and what a council's broken template is told.
/// </summary>
[NonParallelizable]
public class ContentsPassTests
{
    private const string Style =
        "<style>.page{break-before:page}.contents-page{display:inline-block;width:3em;text-align:right}</style>";

    private PdfPrinter _printer = null!;

    [OneTimeSetUp]
    public void StartPrinter() => _printer = new PdfPrinter(new PdfPrinterOptions());

    [OneTimeTearDown]
    public async Task StopPrinter() => await _printer.DisposeAsync();

    [Test]
    public async Task Fills_in_the_pages_forced_breaks_put_the_headings_on()
    {
        var html = "<html><head><title>Numbered</title>" + Style + "</head><body>"
            + "<h1>Contents</h1><p>Section Page</p>"
            + Entry("a", "1.0 Alpha") + Entry("b", "2.0 Beta") + Entry("c", "3.0 Gamma")
            + "<h2 id=\"a\" class=\"page\">1.0 Alpha</h2><p>one</p>"
            + "<h2 id=\"b\" class=\"page\">2.0 Beta</h2><p>two</p><p class=\"page\">still Beta</p><p class=\"page\">and more Beta</p>"
            + "<h2 id=\"c\" class=\"page\">3.0 Gamma</h2><p>three</p></body></html>";

        var result = await _printer.PrintWithTimingsAsync(html, "Numbered");
        using var pdf = PdfDocument.Open(result.Pdf);

        Assert.Multiple(() =>
        {
            Assert.That(pdf.NumberOfPages, Is.EqualTo(6));
            Assert.That(result.Pages, Is.EqualTo(6));
            Assert.That(result.Passes, Is.EqualTo(2));
            Assert.That(ContentsPage.Read(pdf), Is.EqualTo(new[]
            {
                new ContentsLine("1.0 Alpha", 2), new ContentsLine("2.0 Beta", 3), new ContentsLine("3.0 Gamma", 6),
            }));
            Assert.That(ContentsTargets.Read(result.Pdf).Pages, Is.EquivalentTo(new Dictionary<string, int> { ["a"] = 2, ["b"] = 3, ["c"] = 6 }));
        });
    }

    [Test]
    public async Task A_document_without_a_contents_page_is_printed_once()
    {
        var result = await _printer.PrintWithTimingsAsync("<html><head><title>Plain</title></head><body><p>One page.</p></body></html>", "Plain");

        Assert.Multiple(() =>
        {
            Assert.That(result.Passes, Is.EqualTo(1));
            Assert.That(result.Pages, Is.EqualTo(1));
            Assert.That(result.Contents, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void An_entry_whose_heading_has_no_such_id_names_it()
    {
        var html = "<html><head><title>Broken</title></head><body>" + Entry("missing", "1.0 Gone") + "<h2 id=\"present\">1.0 Here</h2></body></html>";

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => _printer.PrintAsync(html, "Broken"));

        Assert.That(error!.Message, Does.Contain("no element has id=\"missing\""));
    }

    [Test]
    public void An_entry_without_a_link_to_its_heading_says_so()
    {
        var html = "<html><head><title>Unlinked</title></head><body><p>1.0 Here <span data-contents-page=\"here\"></span></p>"
            + "<h2 id=\"here\">1.0 Here</h2></body></html>";

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => _printer.PrintAsync(html, "Unlinked"));

        Assert.That(error!.Message, Does.Contain("no link <a href=\"#here\">"));
    }

    private static string Entry(string id, string text) =>
        $"<p><a href=\"#{id}\">{text}</a> <span class=\"contents-page\" data-contents-page=\"{id}\"></span></p>";
}
