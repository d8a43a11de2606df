namespace Outcomes.Reporting.Pdf;

/// <summary>
/// A printed PDF and where the print's time went: loading the HTML into the page, Chromium's first print, and the
/// contents-page work after it (reading where each heading landed, filling in the page numbers, printing again and
/// re-checking). <see cref="Passes"/> is 1 for a document without a contents page.
/// </summary>
public sealed record PdfPrintResult(byte[] Pdf, int Pages, int Passes, TimeSpan Load, TimeSpan FirstPrint, TimeSpan Contents)
{
    public TimeSpan Total => Load + FirstPrint + Contents;
}
