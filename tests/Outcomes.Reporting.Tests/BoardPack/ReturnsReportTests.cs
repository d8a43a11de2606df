using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Templates;
using Outcomes.Scoring.Exceptions;

namespace Outcomes.Reporting.Tests.BoardPack;

/// <summary>The board pack's account of the quarter's returns: on time, late, missing, or not yet due.</summary>
public class ReturnsReportTests
{
    private static readonly Period Q1 = SamplePack.Quarter; // 2025-26 Q1, ends 30 June 2025
    private static readonly DateOnly Deadline = new(2025, 7, 20);

    private static ReturnExpectation Owed(string code, string name, DateOnly? submitted) =>
        new(code, Q1, Deadline, submitted is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero) : null, name);

    [Test]
    public void Returns_all_on_time_are_one_sentence_and_no_issues()
    {
        var report = ReturnsReport.From(Q1, [Owed("C1", "North", new(2025, 7, 1)), Owed("C2", "South", Deadline)], dataDate: new(2025, 7, 25));

        Assert.Multiple(() =>
        {
            Assert.That(report.Summary, Is.EqualTo($"All 2 returns due for {Q1.Label} arrived by the deadline of 20 July 2025."));
            Assert.That(report.Issues, Is.Empty);
        });
    }

    [Test]
    public void A_late_and_a_missing_return_are_listed_by_name_with_what_happened()
    {
        var report = ReturnsReport.From(
            Q1, [Owed("C1", "North", new(2025, 7, 1)), Owed("C2", "South", new(2025, 7, 23)), Owed("C3", "East", null)], dataDate: new(2025, 8, 1));

        Assert.Multiple(() =>
        {
            Assert.That(report.Summary, Is.EqualTo($"1 of the 3 returns due for {Q1.Label} arrived by the deadline of 20 July 2025; 1 missing, 1 late."));
            Assert.That(report.Issues.Select(i => (i.Unit, i.Status)), Is.EqualTo(new[] { ("East (C3)", "Missing"), ("South (C2)", "Late") }));
            Assert.That(report.Issues[0].Explanation, Is.EqualTo($"The {Q1.Label} return from East (C3) was due by 20 July 2025 and has not been received."));
            Assert.That(report.Issues[1].Explanation, Is.EqualTo($"The {Q1.Label} return from South (C2) arrived 3 days after its deadline of 20 July 2025."));
            Assert.That((report.Missing, report.Late), Is.EqualTo((1, 1)));
        });
    }

    [Test]
    public void A_single_return_is_spoken_of_in_the_singular()
    {
        var onTime = ReturnsReport.From(Q1, [Owed("C1", "North", new(2025, 7, 1))], dataDate: new(2025, 8, 1));
        var late = ReturnsReport.From(Q1, [Owed("C1", "North", new(2025, 7, 22))], dataDate: new(2025, 8, 1));

        Assert.Multiple(() =>
        {
            Assert.That(onTime.Summary, Is.EqualTo($"The return due for {Q1.Label} arrived by the deadline of 20 July 2025."));
            Assert.That(late.Summary, Is.EqualTo($"The return due for {Q1.Label} is late (deadline 20 July 2025)."));
        });
    }

    [Test]
    public void A_return_not_yet_received_before_its_deadline_is_outstanding_not_missing()
    {
        var report = ReturnsReport.From(Q1, [Owed("C1", "North", new(2025, 7, 1)), Owed("C3", "East", null)], dataDate: new(2025, 7, 10));

        Assert.Multiple(() =>
        {
            Assert.That(report.Issues.Single().Status, Is.EqualTo("Outstanding"));
            Assert.That(report.Issues.Single().Explanation, Does.Contain("Not received by 10 July 2025").And.Contain("due by 20 July 2025"));
            Assert.That(report.Missing, Is.Zero);
        });
    }

    [Test]
    public async Task The_pack_prints_the_returns_paragraph_and_the_summary_mentions_a_missing_return()
    {
        // The sample's data run to 18 July; with a deadline of 15 July the East return is missing, not outstanding.
        var owed = new[] { Owed("C1", "North", new(2025, 7, 1)), Owed("C3", "East", null) }.Select(r => r with { Deadline = new(2025, 7, 15) }).ToList();
        var model = BoardPackModelBuilder.Build(
            SamplePack.Version, SamplePack.Cluster, Q1, SamplePack.Current(), SamplePack.History(), SamplePack.Settings, SamplePack.LatestSubmission,
            "Children's Centre Outcomes Framework", owed);
        var without = SamplePack.Model();

        var html = await new TemplateRenderer().RenderBoardPackAsync(model);
        var plain = await new TemplateRenderer().RenderBoardPackAsync(without);

        Assert.Multiple(() =>
        {
            Assert.That(model.ExecutiveSummary, Does.EndWith($"1 of the 2 returns due for {Q1.Label} arrived by the deadline of 15 July 2025; 1 missing."));
            Assert.That(html, Does.Contain("Returns for the quarter").And.Contain("East (C3)").And.Contain("<td>Missing</td>"));
            Assert.That(html, Does.Contain($"4.{model.ReturnsParagraph}</span> Returns for the quarter"));
            Assert.That(plain, Does.Not.Contain("Returns for the quarter"), "a pack made without the returns register says nothing about returns");
        });
    }
}
