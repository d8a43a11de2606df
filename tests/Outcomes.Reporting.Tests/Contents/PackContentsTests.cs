using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.ScrutinyPack;
using Outcomes.Reporting.Templates;
using Outcomes.Reporting.Tests.ScrutinyPack;
using UglyToad.PdfPig;

namespace Outcomes.Reporting.Tests.Contents;

/// <summary>
/// Both packs printed for real by the system Chromium (shipped templates, sample models) and read back with PdfPig:
/// the contents page lists every numbered section (and the board pack's measure pages, the scrutiny pack's SPC
/// charts and appendices) with the page its heading is printed on.
/// </summary>
[NonParallelizable]
public class PackContentsTests
{
    private PdfPrinter _printer = null!;
    private readonly TemplateRenderer _renderer = new();

    [OneTimeSetUp]
    public void StartPrinter() => _printer = new PdfPrinter(new PdfPrinterOptions { FooterText = "Contents test" });

    [OneTimeTearDown]
    public async Task StopPrinter() => await _printer.DisposeAsync();

    [Test]
    public async Task The_board_pack_contents_gives_each_section_and_measure_page_the_page_its_heading_is_on()
    {
        var model = SamplePack.Model();
        var result = await _printer.PrintWithTimingsAsync(await _renderer.RenderBoardPackAsync(model), model.DocumentTitle);
        await File.WriteAllBytesAsync(Path.Combine(TestContext.CurrentContext.WorkDirectory, "board-pack-contents.pdf"), result.Pdf);
        using var pdf = PdfDocument.Open(result.Pdf);
        var expected = BoardPackEntries(model);
        var pages = ContentsPage.PageTexts(pdf);

        Assert.That(model.Details, Has.Count.GreaterThan(2), "the sample has several measure pages");
        ContentsAssertions.ListsEveryEntryOnThePageItsHeadingIsOn(pdf, expected);
        ContentsAssertions.OutlineAgreesWithTheContents(pdf, expected);
        Assert.Multiple(() =>
        {
            Assert.That(result.Passes, Is.EqualTo(1), "the predicted numbers were right, so the pack was printed once");
            Assert.That(result.Pages, Is.EqualTo(pdf.NumberOfPages));
            Assert.That(pages[^1], Does.Contain($"Page {pdf.NumberOfPages} of {pdf.NumberOfPages}"));
            Assert.That(pdf.Information.Title, Is.EqualTo(model.DocumentTitle));
        });
    }

    [Test]
    public async Task The_scrutiny_pack_contents_gives_each_section_chart_and_appendix_the_page_its_heading_is_on()
    {
        var model = ScrutinyPackModelBuilder.Build(SampleScrutiny.Input());
        var result = await _printer.PrintWithTimingsAsync(await _renderer.RenderScrutinyPackAsync(model), model.DocumentTitle);
        await File.WriteAllBytesAsync(Path.Combine(TestContext.CurrentContext.WorkDirectory, "scrutiny-pack-contents.pdf"), result.Pdf);
        using var pdf = PdfDocument.Open(result.Pdf);
        var expected = ScrutinyPackEntries(model);

        Assert.That(expected.Select(e => e.Text), Has.Some.StartsWith("Appendix B"));
        ContentsAssertions.ListsEveryEntryOnThePageItsHeadingIsOn(pdf, expected);
        ContentsAssertions.OutlineAgreesWithTheContents(pdf, expected);
        Assert.Multiple(() =>
        {
            Assert.That(result.Pages, Is.EqualTo(pdf.NumberOfPages));
            Assert.That(ContentsPage.PageTexts(pdf)[0], Does.Contain("Page 1 of " + pdf.NumberOfPages));
        });
    }

    [Test]
    public async Task The_same_pack_prints_to_the_same_contents_twice()
    {
        var model = SamplePack.Model();
        var html = await _renderer.RenderBoardPackAsync(model);
        using var first = PdfDocument.Open(await _printer.PrintAsync(html, model.DocumentTitle));
        using var second = PdfDocument.Open(await _printer.PrintAsync(html, model.DocumentTitle));

        Assert.That(ContentsPage.Read(second), Is.EqualTo(ContentsPage.Read(first)).And.Count.EqualTo(BoardPackEntries(model).Count));
    }

    private List<ExpectedEntry> BoardPackEntries(BoardPackModel model)
    {
        var entries = new List<ExpectedEntry>();
        foreach (var section in _renderer.LoadDefinition(TemplateRenderer.BoardPack).Sections)
        {
            entries.Add(new ExpectedEntry($"{section.Number} {section.Title}", $"{section.Number} {section.Title}"));
            if (section.Id == "measures")
            {
                entries.AddRange(model.Details.Select((d, i) => $"5.{i + 1} {d.Title} ({d.Code})").Select(t => new ExpectedEntry(t, t)));
            }
        }

        return entries;
    }

    private List<ExpectedEntry> ScrutinyPackEntries(ScrutinyPackModel model)
    {
        var entries = new List<ExpectedEntry>();
        foreach (var section in _renderer.LoadDefinition(TemplateRenderer.ScrutinyPack).Sections)
        {
            var appendix = section.Number.StartsWith("Appendix", StringComparison.Ordinal);
            entries.Add(new ExpectedEntry($"{section.Number} {section.Title}", appendix ? $"{section.Number}: {section.Title}" : $"{section.Number} {section.Title}"));
            if (section.Id == "spc")
            {
                entries.AddRange(model.SpcItems.Select((d, i) => $"4.{i + 1} {d.Title} ({d.Code})").Select(t => new ExpectedEntry(t, t)));
            }
        }

        return entries;
    }
}
