using System.Net;
using Outcomes.Reporting.Charts;
using Outcomes.Reporting.Pdf;
using UglyToad.PdfPig;

namespace Outcomes.Reporting.Tests.Charts;

/// <summary>
/// Charts inside a page printed by the real printer (system Chromium): their labels must come out as text in the
/// PDF, selectable and searchable, not as outlines. The PDF is left in the temp folder to look at.
/// </summary>
[NonParallelizable]
public class ChartPdfTests
{
    public static readonly string PdfPath = Path.Combine(Path.GetTempPath(), "outcomes-charts.pdf");

    [Test]
    public async Task Trend_and_funnel_charts_print_with_selectable_axis_labels()
    {
        var trend = TrendChart.Render(ChartSamples.Gld() with { Target = TargetLine.Phased([null, null, 62, 64, 66, 68], "Phased target") }, ChartSize.Mm(170, 80));
        var funnel = FunnelPlot.Render(ChartSamples.Funnel(), ChartSize.Mm(170, 95));
        var dots = DotPlot.Render(ChartSamples.Neighbours(), ChartSize.Px(640, DotPlot.SuggestedHeightPx(7)));
        var spark = Sparkline.Render(new SparklineSpec { Title = "GLD", Values = [58.1, 60.4, null, 63.1, 64.5, 66.3] }, ChartSize.Mm(24, 6));
        var rug = TartanRug.Render(ChartSamples.Rug());
        var crowded = TrendChart.Render(ChartSamples.Quarterly(), ChartSize.Mm(170, 60));
        var compact = TrendChart.Render(
            ChartSamples.Gld() with { YAxis = new AxisOptions { Title = "% of children", ClampPercent = true }, Spc = null },
            ChartSize.Mm(85, 55));
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Chart check</title>
            <style>
              html { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #0b0c0c; }
              figure { margin: 0 0 8mm 0; break-inside: avoid; }
              figcaption { font-size: 9pt; color: #505a5f; }
              .tartan-rug th, .tartan-rug td { padding: 2pt 6pt; font-size: 9pt; }
            </style></head>
            <body>
            <h2>Good level of development</h2>
            <figure>{{trend.Svg}}<figcaption>{{WebUtility.HtmlEncode(trend.AltText)}}</figcaption></figure>
            <figure>{{compact.Svg}}</figure>
            <figure>{{crowded.Svg}}<figcaption>{{WebUtility.HtmlEncode(crowded.AltText)}}</figcaption></figure>
            <h2>Funnel</h2>
            <figure>{{funnel.Svg}}<figcaption>{{WebUtility.HtmlEncode(funnel.AltText)}}</figcaption></figure>
            <h2>Statistical neighbours</h2>
            <figure>{{dots.Svg}}</figure>
            <p>Sparkline in text: GLD {{spark.Svg}} 66.3%</p>
            {{rug.Html}}
            </body></html>
            """;

        await using var printer = new PdfPrinter(new PdfPrinterOptions());
        var pdf = await printer.PrintAsync(html, "Chart check");
        await File.WriteAllBytesAsync(PdfPath, pdf);
        await File.WriteAllTextAsync(Path.ChangeExtension(PdfPath, ".html"), html);
        TestContext.Out.WriteLine($"Written to {PdfPath}");

        using var document = PdfDocument.Open(pdf);
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        var text = string.Join(" ", words);
        Assert.Multiple(() =>
        {
            // Trend: period labels (thinned or not, the first and latest print), percentage ticks, legend.
            Assert.That(words, Does.Contain("2013/14"));
            Assert.That(words, Does.Contain("2018/19"));
            Assert.That(words, Does.Contain("60%"));
            Assert.That(words, Does.Contain("70%"));
            Assert.That(text, Does.Contain("Special cause: improvement"));
            Assert.That(text, Does.Contain("Phased target"));

            // Crowded quarters: labels thinned, the latest kept; a negative axis.
            Assert.That(text, Does.Contain("Q4 2024/25"));
            Assert.That(words, Does.Contain("-10"));

            // Funnel: denominator ticks with thousands separators, the axis title, labels of outlying points.
            Assert.That(words, Does.Contain("4,000"));
            Assert.That(text, Does.Contain("Children at the end of reception"));
            Assert.That(words, Does.Contain("Hull"));
            Assert.That(words, Does.Contain("Leeds"));
            Assert.That(text, Does.Contain("99.8% limits"));

            // Dot plot status words and the rug's letters are text too.
            Assert.That(words, Does.Contain("Worse"));
            Assert.That(words, Does.Contain("Similar"));
            Assert.That(text, Does.Contain("Compared with England"));
        });
    }
}
