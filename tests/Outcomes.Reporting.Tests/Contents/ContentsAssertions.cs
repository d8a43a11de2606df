using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Outcomes.Reporting.Tests.Contents;

/// <summary>What a contents entry should say, and the heading it points at as printed on the page.</summary>
internal sealed record ExpectedEntry(string Text, string Heading);

/// <summary>The checks both packs' contents pages must pass, against the printed PDF read back with PdfPig.</summary>
internal static class ContentsAssertions
{
    public static void ListsEveryEntryOnThePageItsHeadingIsOn(PdfDocument pdf, IReadOnlyList<ExpectedEntry> expected)
    {
        var contentsPage = ContentsPage.FindPageNumber(pdf);
        var lines = ContentsPage.Read(pdf);
        var pages = ContentsPage.PageTexts(pdf);
        TestContext.Out.WriteLine(string.Join("\n", lines.Select(l => $"{l.Page,3}  {l.Text}")));

        Assert.That(contentsPage, Is.EqualTo(2), "the contents follows the front sheet");
        Assert.That(lines.Select(l => l.Text), Is.EqualTo(expected.Select(e => e.Text)), "every entry, in order, as selectable text");
        Assert.Multiple(() =>
        {
            for (var i = 0; i < expected.Count; i++)
            {
                var page = lines[i].Page;
                Assert.That(page, Is.InRange(contentsPage + 1, pdf.NumberOfPages), $"{expected[i].Text}: a page after the contents");
                if (page <= contentsPage || page > pdf.NumberOfPages)
                {
                    continue;
                }

                Assert.That(pages[page - 1], Does.Contain(expected[i].Heading), $"'{expected[i].Heading}' is on page {page}, as the contents says");
                for (var earlier = contentsPage + 1; earlier < page; earlier++)
                {
                    Assert.That(pages[earlier - 1], Does.Not.Contain(expected[i].Heading), $"'{expected[i].Heading}' is not already on page {earlier}");
                }

                if (i > 0)
                {
                    Assert.That(page, Is.GreaterThanOrEqualTo(lines[i - 1].Page), $"{expected[i].Text}: pages rise through the contents");
                }
            }
        });
    }

    /// <summary>The outline is still there, has an entry for every heading listed, and points at the contents' pages.</summary>
    public static void OutlineAgreesWithTheContents(PdfDocument pdf, IReadOnlyList<ExpectedEntry> expected)
    {
        Assert.That(pdf.TryGetBookmarks(out var bookmarks), Is.True, "the PDF has an outline");
        var outline = Flatten(bookmarks!.GetNodes()).OfType<DocumentBookmarkNode>().ToList();
        var lines = ContentsPage.Read(pdf);
        Assert.Multiple(() =>
        {
            Assert.That(outline.Select(b => b.Title), Has.Some.EqualTo("Contents"));
            for (var i = 0; i < Math.Min(expected.Count, lines.Count); i++)
            {
                var entry = outline.FirstOrDefault(b => Normalise(b.Title) == expected[i].Heading);
                Assert.That(entry, Is.Not.Null, $"outline entry '{expected[i].Heading}'");
                Assert.That(entry?.PageNumber, Is.EqualTo(lines[i].Page), $"outline and contents agree on the page of '{expected[i].Heading}'");
            }
        });
    }

    private static IEnumerable<BookmarkNode> Flatten(IEnumerable<BookmarkNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    private static string Normalise(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
