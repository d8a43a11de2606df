using System.Xml.Linq;
using Outcomes.Domain.Scores;
using Outcomes.Reporting.Charts;
using static Outcomes.Reporting.Tests.Charts.ChartSamples;

namespace Outcomes.Reporting.Tests.Charts;

public class TartanRugTests
{
    [Test]
    public void Every_cell_carries_its_letter_as_well_as_its_colour()
    {
        var table = XElement.Parse(TartanRug.Render(Rug()).Html);
        var cells = table.Descendants("td").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(cells, Has.Count.EqualTo(12));
            Assert.That(
                cells.Select(c => c.Descendants("span").First(s => s.Attribute("class")?.Value == "letter").Value),
                Is.EqualTo(new[] { "G", "G", "A", "B", "R", "A", "G", "–", "A", "R", "G", "G" }));
            Assert.That(cells.Count(c => c.Attribute("class")!.Value.Contains("rag-red", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(cells[0].Attribute("title")!.Value, Is.EqualTo("North: Green, 91%"));
            Assert.That(table.Descendants("th").Count(t => t.Attribute("scope")?.Value == "row"), Is.EqualTo(3));
            Assert.That(table.Descendants("th").Count(t => t.Attribute("scope")?.Value == "col"), Is.EqualTo(5));
        });
    }

    [Test]
    public void The_caption_holds_the_title_and_the_text_alternative()
    {
        var rug = TartanRug.Render(Rug());
        var caption = XElement.Parse(rug.Html).Element("caption")!;

        Assert.Multiple(() =>
        {
            Assert.That(
                rug.AltText,
                Is.EqualTo("Scorecard by cluster, Q1 2025/26: 3 measures across 4 clusters; 1 blue, 5 green, 3 amber, 2 red and 1 grey (no status); red: Re-referrals in North and Good level of development in South."));
            Assert.That(caption.Value, Does.StartWith("Scorecard by cluster, Q1 2025/26").And.EndWith(rug.AltText));
        });
    }

    [Test]
    public void Names_are_escaped()
    {
        var spec = new TartanRugSpec
        {
            Title = "A & B",
            Columns = ["<North>"],
            Rows = [new("\"Quoted\" & <b>bold</b>", [new(RagStatus.Red, "5 < 6")])],
        };
        var table = XElement.Parse(TartanRug.Render(spec).Html);

        Assert.Multiple(() =>
        {
            Assert.That(table.Descendants("th").Select(t => t.Value), Is.EqualTo(new[] { "Measure", "<North>", "\"Quoted\" & <b>bold</b>" }));
            Assert.That(table.Descendants("td").Single().Value, Is.EqualTo("R5 < 6"));
        });
    }

    [Test]
    public void A_row_with_the_wrong_number_of_cells_is_refused()
    {
        var spec = Rug() with { Columns = ["North", "South"] };

        Assert.That(() => TartanRug.Render(spec), Throws.ArgumentException.With.Message.Contains("'Children under 5 registered' has 4 cells for 2 columns"));
    }

    [Test]
    public void The_same_input_gives_identical_html()
    {
        var first = TartanRug.Render(Rug()).Html;
        var second = TartanRug.Render(Rug()).Html;

        Assert.That(second, Is.EqualTo(first));
    }
}
