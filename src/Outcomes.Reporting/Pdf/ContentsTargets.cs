using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Outcomes.Reporting.Pdf;

/// <summary>
/// Where each in-document link target of a printed PDF landed. Chromium writes every <c>&lt;a href="#id"&gt;</c> as a
/// link to the named destination <c>id</c>, listed in the catalogue's <c>/Dests</c> with the page where the element
/// with that id was laid out by Chromium's own print layout. Reading only the catalogue and the page tree (no page
/// content is parsed) makes this a few milliseconds even for a 50-page pack, where walking every page's
/// annotations with PdfPig parses every page's content (hundreds of milliseconds with charts).
/// </summary>
public static class ContentsTargets
{
    private static readonly NameToken Dests = NameToken.Create("Dests");

    /// <summary>Page (1-based) of every named destination in the PDF, by name; and the PDF's page count.</summary>
    public static (IReadOnlyDictionary<string, int> Pages, int PageCount) Read(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var pageNumbers = new Dictionary<IndirectReference, int>();
        if (catalog.Data.TryGetValue(NameToken.Pages.Data, out var root) && root is IndirectReferenceToken rootReference)
        {
            NumberPages(document, rootReference.Data, pageNumbers, depth: 0);
        }

        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        if (catalog.Data.TryGetValue(Dests.Data, out var destsToken) && Resolve(document, destsToken) is DictionaryToken dests)
        {
            foreach (var (name, value) in dests.Data)
            {
                if (Resolve(document, value) is ArrayToken { Data.Count: > 0 } destination
                    && destination.Data[0] is IndirectReferenceToken pageReference
                    && pageNumbers.TryGetValue(pageReference.Data, out var number))
                {
                    pages[name] = number;
                }
            }
        }

        return (pages, document.NumberOfPages);
    }

    private static void NumberPages(PdfDocument document, IndirectReference node, Dictionary<IndirectReference, int> numbers, int depth)
    {
        if (depth > 64 || Resolve(document, new IndirectReferenceToken(node)) is not DictionaryToken dictionary)
        {
            return;
        }

        if (dictionary.Data.TryGetValue(NameToken.Kids.Data, out var kidsToken) && Resolve(document, kidsToken) is ArrayToken kids)
        {
            foreach (var kid in kids.Data.OfType<IndirectReferenceToken>())
            {
                NumberPages(document, kid.Data, numbers, depth + 1);
            }
        }
        else
        {
            numbers[node] = numbers.Count + 1;
        }
    }

    private static IToken? Resolve(PdfDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data)?.Data : token;
}
