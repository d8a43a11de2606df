using Microsoft.Data.Sqlite;
using Outcomes.Domain.Periods;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Cli.Tests;

/// <summary>`outcomes import` scores each framework that gained returns once at the end, unless told not to.</summary>
public class ImportScoringTests
{
    private string _dir = string.Empty;

    private string Store => Path.Combine(_dir, "o.db");

    private static string Returns => Path.Combine(CliProcess.RepositoryRoot, "samples", "returns", "bradford");

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("outcomes-cli-import-score-").FullName;

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task Imported_returns_are_scored_once_per_framework_and_not_with_no_score_or_for_a_file_already_stored()
    {
        var load = await CliProcess.RunAsync(_dir, "frameworks", "load", Path.Combine(CliProcess.RepositoryRoot, "samples", "frameworks", "bradford"), "--store", Store);
        Assert.That(load.ExitCode, Is.Zero, load.Output);
        string Return(string name) => Path.Combine(Returns, name);

        var skipped = await CliProcess.RunAsync(_dir, "import", Return("BRD-CL1_2017-18_Q1.xlsx"), "--no-score", "--store", Store);
        var afterSkipped = await ScoresAsync("2017-18 Q1");
        var again = await CliProcess.RunAsync(_dir, "import", Return("BRD-CL1_2017-18_Q1.xlsx"), "--store", Store);
        var afterAgain = await ScoresAsync("2017-18 Q1");
        var scored = await CliProcess.RunAsync(_dir, "import", Return("BRD-CL1_2017-18_Q2.xlsx"), Return("BRD-CL1_2017-18_Q3.xlsx"), "--store", Store);

        Assert.Multiple(async () =>
        {
            Assert.That(skipped.ExitCode, Is.Zero, skipped.Output);
            Assert.That(skipped.Output, Does.Contain("BRD-CC: not scored (--no-score); run `outcomes score -f BRD-CC`"));
            Assert.That(afterSkipped, Is.Zero);
            Assert.That(again.ExitCode, Is.Zero, again.Output);
            Assert.That(again.Output, Does.Not.Contain("scored"), "the same file again gains nothing, so nothing is scored");
            Assert.That(afterAgain, Is.Zero);
            Assert.That(scored.ExitCode, Is.Zero, scored.Output);
            Assert.That(scored.Output.Split('\n').Count(l => l.StartsWith("BRD-CC: scored — ", StringComparison.Ordinal)), Is.EqualTo(1), scored.Output);
            Assert.That(scored.Output, Does.Contain("over 3 quarters"), "the framework is scored whole, the quarter stored earlier included");
            foreach (var quarter in new[] { "2017-18 Q1", "2017-18 Q2", "2017-18 Q3" })
            {
                Assert.That(await ScoresAsync(quarter), Is.GreaterThan(0), quarter);
            }
        });
    }

    private async Task<int> ScoresAsync(string quarter) =>
        (await new ScoreRepository(OutcomesStore.Sqlite(Store)).ListAsync("BRD-CC", PeriodParser.Parse(quarter), "BRD-CL1")).Count;
}
