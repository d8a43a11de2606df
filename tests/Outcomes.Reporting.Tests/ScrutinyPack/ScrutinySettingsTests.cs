using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.ScrutinyPack;

namespace Outcomes.Reporting.Tests.ScrutinyPack;

public class ScrutinySettingsTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("scrutiny-settings-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void One_settings_file_serves_both_packs_the_board_pack_ignoring_the_scrutiny_section()
    {
        var path = Path.Combine(_folder, "council.yaml");
        File.WriteAllText(path, """
            councilName: "Example Council"
            committeeName: "Advisory Board"
            scrutiny:
              committeeName: "Overview and Scrutiny Committee"
              meetingDate: 2019-06-20
              region: E12000003
              statisticalNeighbours:
                - E08000034  # Kirklees
                - E08000033
            """);

        var board = PackSettings.Load(path);
        var scrutiny = ScrutinySettings.Load(path);

        Assert.Multiple(() =>
        {
            Assert.That(board.CommitteeName, Is.EqualTo("Advisory Board"));
            Assert.That(scrutiny.CommitteeName, Is.EqualTo("Overview and Scrutiny Committee"));
            Assert.That(scrutiny.MeetingDate, Is.EqualTo(new DateOnly(2019, 6, 20)));
            Assert.That(scrutiny.StatisticalNeighbours, Is.EqualTo(new[] { "E08000034", "E08000033" }));
            Assert.That(scrutiny.Region, Is.EqualTo("E12000003"));
        });
    }

    [TestCase("E08000032", TestName = "An authority's code is not a region")]
    [TestCase("Yorkshire", TestName = "A region's name is not its code")]
    public void A_region_that_is_not_a_region_code_is_refused_with_the_rule(string region)
    {
        var problems = (ScrutinySettings.Default with { Region = region }).Validate();

        Assert.That(problems, Is.EqualTo(new[] { $"region: '{region}' is not a region GSS code like E12000003" }));
    }

    [Test]
    public void A_file_without_a_scrutiny_section_gives_the_defaults_and_a_bad_code_is_named()
    {
        var plain = Path.Combine(_folder, "plain.yaml");
        File.WriteAllText(plain, "councilName: \"Example Council\"\n");
        var bad = Path.Combine(_folder, "bad.yaml");
        File.WriteAllText(bad, "scrutiny:\n  statisticalNeighbours: [Leeds]\n");

        Assert.Multiple(() =>
        {
            Assert.That(ScrutinySettings.Load(plain), Is.EqualTo(ScrutinySettings.Default).Using<ScrutinySettings>((a, b) => a.CommitteeName == b.CommitteeName && a.StatisticalNeighbours.Count == b.StatisticalNeighbours.Count));
            Assert.That(() => ScrutinySettings.Load(bad), Throws.TypeOf<InvalidDataException>().With.Message.Contains("'Leeds' is not a local authority GSS code"));
        });
    }
}
