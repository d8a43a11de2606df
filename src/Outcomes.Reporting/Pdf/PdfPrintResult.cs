namespace Outcomes.Reporting.Pdf;

/// <summary>
/// A printed PDF and where the print's time went: loading the HTML into the page, Chromium's first print (with the
/// layout probe that predicts the contents' page numbers before it), and the contents-page work after it (reading where
/// each heading landed and, only when a prediction was wrong or none was made, filling in the numbers and printing
/// again). <see cref="Passes"/> is the number of prints: 1 for a document without a contents page, and for one whose
/// numbers were predicted right.
/// </summary>
public sealed record PdfPrintResult(byte[] Pdf, int Pages, int Passes, TimeSpan Load, TimeSpan FirstPrint, TimeSpan Contents)
{
    public TimeSpan Total => Load + FirstPrint + Contents;
}
