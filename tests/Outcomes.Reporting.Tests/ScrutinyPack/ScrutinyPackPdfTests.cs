using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.ScrutinyPack;
using Outcomes.Reporting.Templates;
using UglyToad.PdfPig;

namespace Outcomes.Reporting.Tests.ScrutinyPack;

/// <summary>
/// The scrutiny pack printed for real: the shipped template rendered with the sample model, printed by the system
/// Chromium, and read back with PdfPig. Fails (not skips) without Chromium, because CI installs it.
/// </summary>
[NonParallelizable]
public class ScrutinyPackPdfTests
{
    private ScrutinyPackModel _model = null!;
    private PdfDocument _pdf = null!;
    private List<string> _pages = [];

    [OneTimeSetUp]
    public async Task PrintThePack()
    {
        _model = ScrutinyPackModelBuilder.Build(SampleScrutiny.Input());
        var html = await new TemplateRenderer().RenderScrutinyPackAsync(_model);
        await using var printer = new PdfPrinter(new PdfPrinterOptions { FooterText = _model.CouncilName });
        var bytes = await printer.PrintAsync(html, _model.DocumentTitle);
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "scrutiny-pack.pdf");
        await File.WriteAllBytesAsync(path, bytes);
        TestContext.Progress.WriteLine($"Scrutiny pack written to {path}");
        _pdf = PdfDocument.Open(bytes);
        _pages = _pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    [OneTimeTearDown]
    public void Close() => _pdf?.Dispose();

    [Test]
    public void The_pdf_has_its_title_page_numbers_and_an_outline_entry_for_every_section()
    {
        var definition = new TemplateRenderer().LoadDefinition(TemplateRenderer.ScrutinyPack);
        Assert.That(_pdf.TryGetBookmarks(out var bookmarks), Is.True, "the PDF has an outline");
        var titles = bookmarks!.GetNodes().Select(n => n.Title).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(_pdf.NumberOfPages, Is.GreaterThanOrEqualTo(8), "front sheet, summary, overview, SPC, comparison, funnels, gaps, appendices");
            Assert.That(_pdf.Information.Title, Is.EqualTo(_model.DocumentTitle));
            Assert.That(_pages[0], Does.Contain("Page 1 of " + _pdf.NumberOfPages));
            Assert.That(_pages[^1], Does.Contain($"Page {_pdf.NumberOfPages} of {_pdf.NumberOfPages}"));
            Assert.That(_pages[0], Does.Contain("Overview and Scrutiny Committee").And.Contain("20 June 2019").And.Contain("Data as at 20 April 2019"));
            Assert.That(definition.Sections, Has.Count.EqualTo(10));
            foreach (var section in definition.Sections)
            {
                Assert.That(titles, Has.Some.StartsWith(section.Number), $"outline entry for {section.Number} {section.Title}");
            }

            Assert.That(titles, Has.Some.Contains("Good level of development"), "measure headings are in the outline too");
        });
    }

    [Test]
    public void The_overview_page_prints_every_status_letter_as_text_beside_its_colour()
    {
        var overview = _pages.Single(p => p.Contains("3.0 Overview", StringComparison.Ordinal) && !p.Contains("Contents Section Page", StringComparison.Ordinal));
        var words = overview.Split(' ');

        Assert.Multiple(() =>
        {
            foreach (var letter in new[] { "R", "A", "G", "B", "–" })
            {
                Assert.That(words, Does.Contain(letter), $"status letter {letter} on the overview page");
            }

            Assert.That(overview, Does.Contain("74.0%").And.Contain("North").And.Contain("Authority"));
        });
    }

    [Test]
    public void The_charts_and_sentences_carry_the_scored_and_published_figures_as_text()
    {
        var text = string.Join("\n", _pages);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Variation: Special cause: concern"));
            Assert.That(text, Does.Contain("Assurance: Consistently fails"));
            Assert.That(text, Does.Contain("66.8%"), "Bradford's published GLD for 2017/18");
            Assert.That(text, Does.Contain("Calderdale").And.Contain("Kirklees"));
            Assert.That(text, Does.Contain("narrowed by 1.5 points to 13.5 points over five years"));
            Assert.That(text, Does.Contain("Below the 99.8% limit").Or.Contain("below the 99.8% limit"));
            Assert.That(text, Does.Contain("Appendix B: Methods"));
        });
    }
}
