using Outcomes.Reporting.Pdf;

namespace Outcomes.Application.Packs;

/// <summary>
/// Where one pack's rendering time went: reading the store, building the view model (charts are drawn here, as SVG),
/// the Liquid template (model → HTML), the print (loading the HTML, the contents probe and Chromium's first print, the contents-page check)
/// and the Excel workbook, if the pack has one.
/// </summary>
public sealed record PackTimings(TimeSpan Data, TimeSpan Model, TimeSpan Html, PdfPrintResult Print, TimeSpan Excel)
{
    /// <summary>Templating and charts: model → HTML.</summary>
    public TimeSpan ModelToHtml => Model + Html;

    /// <summary>Chromium: HTML → the first PDF (loading the page and the contents probe included).</summary>
    public TimeSpan Chromium => Print.Load + Print.FirstPrint;

    /// <summary>Reading the first print back to check the contents' page numbers, and any print again that a wrong number needs.</summary>
    public TimeSpan Contents => Print.Contents;

    /// <summary>The PDF from the store: everything but the Excel workbook.</summary>
    public TimeSpan Pdf => Data + ModelToHtml + Chromium + Contents;
}
