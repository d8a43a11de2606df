using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

/// <summary>Whole-file imports (a long CSV or wide sheet holding many returns): one transaction, the upload kept as sent.</summary>
public abstract partial class StoreContractTests
{
    private static readonly Period Q2 = Samples.Q1.Next();

    private static readonly UploadedFile Upload = new("centres.csv", "csv", Samples.File("org_unit,period,measure,value\nBRD-C1-01,2017-18 Q1,GLD,51.05\n"));

    [Test]
    public async Task A_batch_stores_every_return_in_one_go_and_keeps_the_upload_once_as_sent()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);

        var outcome = await repo.ImportBatchAsync([new(Samples.Return(), Samples.File("q1")), new(InQ2(Samples.Return()), Samples.File("q2"))], Upload, "alice", At);

        Assert.That(outcome.Committed, Is.True, outcome.Refusal);
        var q1 = (await repo.GetVersionsAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1)).Single();
        var q2 = (await repo.GetVersionsAsync(Samples.FrameworkCode, Samples.Centre, Q2)).Single();
        var original = await repo.GetUploadAsync(q1.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(outcome.Outcomes.Select(o => o.Kind), Is.EqualTo(new[] { ImportOutcomeKind.Imported, ImportOutcomeKind.Imported }));
            Assert.That(await CountAsync("observations"), Is.EqualTo(6));
            Assert.That(await CountAsync("uploads"), Is.EqualTo(1));
            Assert.That(original!.Bytes, Is.EqualTo(Upload.Bytes), "the file as the person sent it");
            Assert.That((original.Id, original.FileName, original.Format, original.Sha256, original.ByteCount, original.UploadedBy),
                Is.EqualTo((outcome.UploadId!.Value, "centres.csv", "csv", Upload.Sha256, (long)Upload.Bytes.Length, "alice")));
            Assert.That((await repo.GetUploadAsync(q2.Id))!.Id, Is.EqualTo(original.Id), "both quarters point at the one upload");
            Assert.That(await repo.GetFileAsync(q1.Id), Is.EqualTo(Samples.File("q1")), "each version keeps its own canonical bytes");
        });
    }

    [Test]
    public async Task A_batch_with_a_locked_return_whose_figures_differ_stores_nothing_and_names_the_return()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        var q2 = await repo.ImportAsync(InQ2(Samples.Return()), "q2.xlsx", Samples.File("q2"), "alice", At);
        Assert.That(await repo.SetStatusAsync(q2.ReturnId, ReturnStatus.Locked, "carol", At.AddDays(1), "Quarter closed"), Is.True);
        var observationsBefore = await CountAsync("observations");
        var auditBefore = await CountAsync("audit_log");

        var outcome = await repo.ImportBatchAsync(
            [new(Samples.Return(), Samples.File("q1")), new(InQ2(Samples.Return(Samples.Obs("GLD", 60m))), Samples.File("q2 changed"))], Upload, "bob", At.AddDays(2));

        Assert.Multiple(async () =>
        {
            Assert.That(outcome.Committed, Is.False);
            Assert.That(outcome.Refusal, Does.Contain("locked").And.Contain("2017-18 Q2"));
            Assert.That(outcome.Outcomes.Select(o => o.Kind), Is.EqualTo(new[] { ImportOutcomeKind.Imported, ImportOutcomeKind.RefusedLocked }), "Q1 was tried first, then rolled back");
            Assert.That(await repo.FindAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1), Is.Null, "the return stored before the refusal was rolled back");
            Assert.That(await CountAsync("observations"), Is.EqualTo(observationsBefore));
            Assert.That(await CountAsync("audit_log"), Is.EqualTo(auditBefore));
            Assert.That(await CountAsync("uploads"), Is.Zero);
        });
    }

    [Test]
    public async Task A_batch_sent_again_is_all_duplicates_even_for_a_quarter_locked_since_and_adds_nothing()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        IReadOnlyList<BatchReturn> batch = [new(Samples.Return(), Samples.File("q1")), new(InQ2(Samples.Return()), Samples.File("q2"))];
        var first = await repo.ImportBatchAsync(batch, Upload, "alice", At);
        Assert.That(await repo.SetStatusAsync(first.Outcomes[1].ReturnId, ReturnStatus.Locked, "carol", At.AddDays(1), "Quarter closed"), Is.True);
        var auditBefore = await CountAsync("audit_log");

        var again = await repo.ImportBatchAsync(batch, Upload with { FileName = "resent.csv" }, "bob", At.AddDays(2));

        Assert.Multiple(async () =>
        {
            Assert.That(again.Committed, Is.True, again.Refusal);
            Assert.That(again.Outcomes.Select(o => o.Kind), Is.All.EqualTo(ImportOutcomeKind.Duplicate));
            Assert.That(again.Outcomes[1].Message, Does.Contain("locked and these figures are its version 1"));
            Assert.That(await CountAsync("return_versions"), Is.EqualTo(2));
            Assert.That(await CountAsync("uploads"), Is.EqualTo(1));
            Assert.That(await CountAsync("audit_log"), Is.EqualTo(auditBefore));
        });
    }

    [Test]
    public async Task A_locked_return_sent_again_as_its_latest_version_is_a_duplicate_but_an_older_version_is_refused()
    {
        await SeedAsync();
        var repo = new ReturnRepository(Store);
        var first = await repo.ImportAsync(Samples.Return(), "v1.xlsx", Samples.File("v1"), "alice", At);
        await repo.ImportAsync(Samples.Return(Samples.Obs("GLD", 52m)), "v2.xlsx", Samples.File("v2"), "alice", At.AddDays(1));
        Assert.That(await repo.SetStatusAsync(first.ReturnId, ReturnStatus.Locked, "carol", At.AddDays(2), "Quarter closed"), Is.True);

        var latest = await repo.ImportAsync(Samples.Return(Samples.Obs("GLD", 52m)), "v2-again.xlsx", Samples.File("v2"), "bob", At.AddDays(3));
        var older = await repo.ImportAsync(Samples.Return(), "v1-again.xlsx", Samples.File("v1"), "bob", At.AddDays(3));

        Assert.Multiple(async () =>
        {
            Assert.That((latest.Kind, latest.VersionNumber), Is.EqualTo((ImportOutcomeKind.Duplicate, 2)));
            Assert.That(older.Kind, Is.EqualTo(ImportOutcomeKind.RefusedLocked), "going back to version 1 would change a locked return");
            Assert.That(await CountAsync("return_versions"), Is.EqualTo(2));
        });
    }

    private static QuarterlyReturn InQ2(QuarterlyReturn ret) =>
        ret with { Period = Q2, Observations = ret.Observations.Select(o => o with { Period = Q2 }).ToList() };
}
