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
            Assert.That(result.Passes, Is.EqualTo(1), "the probe predicted every number, so one print");
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

    [Test]
    public async Task A_wrong_prediction_is_caught_in_the_printed_PDF_and_printed_again()
    {
        // A column break means nothing on paper, but the probe lays pages out as columns: it predicts Beta a page late.
        var html = "<html><head><title>Misled</title>" + Style + "</head><body><h1>Contents</h1><p>Section Page</p>"
            + Entry("a", "1.0 Alpha") + Entry("b", "2.0 Beta")
            + "<h2 id=\"a\" class=\"page\">1.0 Alpha</h2><p>one</p>"
            + "<p style=\"break-before:column\">a column break</p>"
            + "<h2 id=\"b\" class=\"page\">2.0 Beta</h2><p>two</p></body></html>";

        var result = await _printer.PrintWithTimingsAsync(html, "Misled");
        using var pdf = PdfDocument.Open(result.Pdf);

        Assert.Multiple(() =>
        {
            Assert.That(result.Pages, Is.EqualTo(3));
            Assert.That(result.Passes, Is.EqualTo(2), "the predicted print and the corrected one");
            Assert.That(ContentsPage.Read(pdf), Is.EqualTo(new[] { new ContentsLine("1.0 Alpha", 2), new ContentsLine("2.0 Beta", 3) }));
        });
    }

    [Test]
    public async Task Rows_kept_whole_and_headings_kept_with_their_text_are_predicted_where_they_print()
    {
        // No forced breaks after the contents: where the headings land depends on the pages filling up, on table rows
        // that may not split, on headings that may not be left at a page's foot, and on widows and orphans.
        var rows = string.Concat(Enumerable.Range(1, 70).Select(i =>
            $"<tr><td>Row {i}</td><td>{(i % 7 == 0 ? "a longer cell that wraps onto a second and third line " + new string('x', i) : "short")}</td></tr>"));
        var paragraph = string.Concat(Enumerable.Repeat("Sentences that fill lines and carry over pages. ", 60));
        var html = "<html><head><title>Flowing</title><style>tr{break-inside:avoid}h2{break-after:avoid}p{orphans:3;widows:3}"
            + "table{width:100%;border-collapse:collapse}td{border:1px solid #999;padding:4px}</style></head><body><h1>Contents</h1><p>Section Page</p>"
            + Entry("t", "Table") + Entry("p", "Prose") + Entry("q", "More prose") + Entry("z", "End")
            + "<h2 id=\"t\">Table</h2><table>" + rows + "</table>"
            + $"<h2 id=\"p\">Prose</h2><p>{paragraph}</p><p>{paragraph}</p>"
            + $"<h2 id=\"q\">More prose</h2><p>{paragraph}</p><h2 id=\"z\">End</h2><p>The end.</p></body></html>";

        var result = await _printer.PrintWithTimingsAsync(html, "Flowing");
        using var pdf = PdfDocument.Open(result.Pdf);
        var landed = ContentsTargets.Read(result.Pdf).Pages;

        Assert.Multiple(() =>
        {
            Assert.That(result.Pages, Is.GreaterThan(4), "long enough for breaks to matter");
            Assert.That(ContentsPage.Read(pdf).Take(4).Select(l => l.Page), Is.EqualTo(new[] { landed["t"], landed["p"], landed["q"], landed["z"] }));
            Assert.That(result.Passes, Is.EqualTo(1), "the probe's columns broke where the pages did");
        });
    }

    [Test]
    public async Task Predicting_leaves_the_PDF_exactly_as_two_prints_make_it()
    {
        var html = "<html><head><title>Same</title>" + Style + "</head><body><h1>Contents</h1><p>Section Page</p>"
            + Entry("a", "1.0 Alpha") + Entry("b", "2.0 Beta")
            + "<h2 id=\"a\" class=\"page\" style=\"color:#123456\">1.0 Alpha</h2><p>one</p>"
            + "<h2 id=\"b\" class=\"page\">2.0 Beta</h2><p>two</p></body></html>";
        await using var withoutProbe = new PdfPrinter(new PdfPrinterOptions { PredictContentsPages = false });

        var predicted = await _printer.PrintWithTimingsAsync(html, "Same");
        var drafted = await withoutProbe.PrintWithTimingsAsync(html, "Same");

        Assert.Multiple(() =>
        {
            Assert.That(predicted.Passes, Is.EqualTo(1));
            Assert.That(drafted.Passes, Is.EqualTo(2));
            Assert.That(WithoutClockAndId(predicted.Pdf), Is.EqualTo(WithoutClockAndId(drafted.Pdf)), "the probe's style changes are all put back");
        });
    }

    /// <summary>The PDF as text less what Chromium stamps from the clock: the dates and the document id made from them.</summary>
    private static string WithoutClockAndId(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.Encoding.Latin1.GetString(pdf), @"/(CreationDate|ModDate) \(D:[^)]*\)|/ID \[<[0-9A-Fa-f]*> <[0-9A-Fa-f]*>\]", "/$1 (stamp)");

    private static string Entry(string id, string text) =>
        $"<p><a href=\"#{id}\">{text}</a> <span class=\"contents-page\" data-contents-page=\"{id}\"></span></p>";
}
