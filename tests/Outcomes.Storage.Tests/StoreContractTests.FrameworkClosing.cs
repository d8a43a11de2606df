using Dapper;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

/// <summary>
/// A new framework version closes the one before: the closing date is the one change a stored version accepts, once,
/// on the latest open version, with the next version in the same save, never over locked returns, and audited.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly DateOnly V1Ends = new(2018, 3, 31);

    private static FrameworkVersion ClosedV1 => Samples.Version1 with { EffectiveTo = V1Ends };

    [Test]
    public async Task Loading_the_next_version_closes_the_stored_open_one_and_audits_it()
    {
        await SeedAsync();
        var repo = new FrameworkRepository(Store);
        var definitionBefore = FrameworkRepository.DefinitionSha256(Samples.Version1);

        var result = await repo.SaveAsync(Samples.Framework(ClosedV1, Samples.Version2), "dana@council.example");
        var again = await repo.SaveAsync(Samples.Framework(ClosedV1, Samples.Version2), "dana@council.example");
        var stored = (await repo.GetAsync(Samples.FrameworkCode))!;
        var history = await new FrameworkVersionHistoryRepository(Store).ListAsync(Samples.FrameworkCode);
        var audit = await new AuditRepository(Store).ListAsync(FrameworkRepository.AuditTable);

        Assert.Multiple(() =>
        {
            Assert.That(result.Saved, Is.True, string.Join(" ", result.Conflicts.Select(c => c.Message)));
            Assert.That(result.AddedVersions, Is.EqualTo(new[] { 2 }));
            Assert.That(result.UnchangedVersions, Is.Empty, "version 1 was closed, not left unchanged");
            Assert.That(result.Closed, Is.EqualTo(new[] { new FrameworkVersionClosing(1, V1Ends, 2) }));
            Assert.That(stored.Versions[0].EffectiveTo, Is.EqualTo(V1Ends));
            Assert.That(stored.Versions[0].Measures.Select(m => m.Code), Is.EqualTo(new[] { "GLD", "REG", "ENG" }), "content kept");
            Assert.That(FrameworkRepository.DefinitionSha256(stored.Versions[0]), Is.EqualTo(definitionBefore));
            Assert.That(history[0].ContentSha256, Is.EqualTo(FrameworkRepository.ContentSha256(ClosedV1)), "content_sha256 recomputed for the row as it stands");
            Assert.That(stored.VersionOn(new DateOnly(2018, 3, 31))!.Version, Is.EqualTo(1));
            Assert.That(stored.VersionOn(new DateOnly(2018, 4, 1))!.Version, Is.EqualTo(2));
            Assert.That(again.Saved, Is.True);
            Assert.That(again.UnchangedVersions, Is.EqualTo(new[] { 1, 2 }), "the same folder again changes nothing");
            Assert.That(again.Closed, Is.Empty);
            var closing = audit.Single(a => a.RowKey == $"{Samples.FrameworkCode} v1");
            Assert.That(closing.ChangedBy, Is.EqualTo("dana@council.example"));
            Assert.That(closing.OldValue, Does.Contain("null"));
            Assert.That(closing.NewValue, Does.Contain("2018-03-31"));
            Assert.That(closing.Reason, Does.Contain("closed on 2018-03-31").And.Contain("version 2 starts on 2018-04-01"));
        });
    }

    [Test]
    public async Task A_version_stored_before_the_definition_hash_is_compared_by_its_stored_definition()
    {
        await SeedAsync();
        await using (var connection = await Store.OpenAsync())
        {
            Assert.That(await connection.ExecuteAsync("UPDATE framework_versions SET definition_sha256 = NULL"), Is.EqualTo(1));
        }

        var repo = new FrameworkRepository(Store);
        var edited = ClosedV1 with { Notes = "Edited in place." };

        var refused = await repo.SaveAsync(Samples.Framework(edited, Samples.Version2));
        var closed = await repo.SaveAsync(Samples.Framework(ClosedV1, Samples.Version2));

        Assert.Multiple(() =>
        {
            Assert.That(refused.Saved, Is.False);
            Assert.That(refused.Conflicts.Single().Rule, Is.EqualTo(FrameworkRepository.Rules.Changed));
            Assert.That(closed.Saved, Is.True, string.Join(" ", closed.Conflicts.Select(c => c.Message)));
            Assert.That(closed.Closed.Single().Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Closing_a_version_without_loading_the_next_is_refused_and_changes_nothing()
    {
        await SeedAsync();
        var repo = new FrameworkRepository(Store);
        var auditBefore = await CountAsync("audit_log");

        var check = await repo.CheckAsync(Samples.Framework(ClosedV1));
        var result = await repo.SaveAsync(Samples.Framework(ClosedV1));
        var stored = (await repo.GetAsync(Samples.FrameworkCode))!;

        Assert.Multiple(async () =>
        {
            Assert.That(check, Is.EqualTo(result.Conflicts), "the check refuses what the save refuses");
            Assert.That(result.Saved, Is.False);
            var conflict = result.Conflicts.Single();
            Assert.That(conflict.Version, Is.EqualTo(1));
            Assert.That(conflict.Field, Is.EqualTo("effective_to"));
            Assert.That(conflict.Rule, Is.EqualTo(FrameworkRepository.Rules.CloseWithoutNext));
            Assert.That(conflict.Message, Does.Contain("framework.v2.yaml").And.Contain("2018-04-01"));
            Assert.That(stored.Versions.Single().EffectiveTo, Is.Null, "still open");
            Assert.That(await CountAsync("audit_log"), Is.EqualTo(auditBefore));
        });
    }

    [Test]
    public async Task A_closing_date_once_set_is_never_changed_or_removed()
    {
        await SeedAsync();
        var repo = new FrameworkRepository(Store);
        Assert.That((await repo.SaveAsync(Samples.Framework(ClosedV1, Samples.Version2))).Saved, Is.True);
        var auditBefore = await CountAsync("audit_log");

        var moved = await repo.SaveAsync(Samples.Framework(ClosedV1 with { EffectiveTo = new DateOnly(2018, 6, 30) }, Samples.Version2));
        var reopened = await repo.SaveAsync(Samples.Framework(Samples.Version1, Samples.Version2));
        var stored = (await repo.GetAsync(Samples.FrameworkCode))!;

        Assert.Multiple(async () =>
        {
            Assert.That(moved.Saved, Is.False);
            Assert.That(moved.Conflicts.Single().Rule, Is.EqualTo(FrameworkRepository.Rules.EffectiveToFixed));
            Assert.That(moved.Conflicts.Single().Field, Is.EqualTo("effective_to"));
            Assert.That(moved.Conflicts.Single().Message, Does.Contain("stored closed on 2018-03-31").And.Contain("to 2018-06-30"));
            Assert.That(reopened.Saved, Is.False);
            Assert.That(reopened.Conflicts.Single().Rule, Is.EqualTo(FrameworkRepository.Rules.EffectiveToFixed));
            Assert.That(reopened.Conflicts.Single().Message, Does.Contain("by removing it"));
            Assert.That(stored.Versions[0].EffectiveTo, Is.EqualTo(V1Ends));
            Assert.That(await CountAsync("audit_log"), Is.EqualTo(auditBefore));
        });
    }

    [Test]
    public async Task Only_the_latest_stored_version_can_be_closed()
    {
        await SeedAsync();
        var repo = new FrameworkRepository(Store);

        // Stored before versions had to hand over: version 1 left open under version 2.
        Assert.That((await repo.SaveAsync(Samples.Framework(Samples.Version1, Samples.Version2))).Saved, Is.True);
        var version3 = Samples.Version2 with { Version = 3, EffectiveFrom = new DateOnly(2019, 4, 1) };
        var result = await repo.SaveAsync(Samples.Framework(ClosedV1, Samples.Version2 with { EffectiveTo = new DateOnly(2019, 3, 31) }, version3));

        Assert.Multiple(async () =>
        {
            Assert.That(result.Saved, Is.False);
            Assert.That(result.Conflicts.Select(c => (c.Version, c.Rule)), Is.EqualTo(new[] { (1, FrameworkRepository.Rules.CloseNotLatest) }));
            Assert.That((await repo.GetAsync(Samples.FrameworkCode))!.Versions.Select(v => v.Version), Is.EqualTo(new[] { 1, 2 }), "version 3 not added");
        });
    }

    [Test]
    public async Task A_version_is_not_closed_before_a_locked_return_under_it()
    {
        await SeedAsync();
        var returns = new ReturnRepository(Store);
        var early = await returns.ImportAsync(Samples.Return(), "q1.xlsx", Samples.File("q1"), "alice", At);
        var q2018 = Period.FinancialQuarter(2018, 1);
        var late = await returns.ImportAsync(
            Samples.Return() with { Period = q2018, Observations = Samples.Return().Observations.Select(o => o with { Period = q2018 }).ToList() },
            "q5.xlsx", Samples.File("q5"), "alice", At);
        Assert.That(await returns.SetStatusAsync(early.ReturnId, ReturnStatus.Locked, "carol", At, "Quarter closed"), Is.True);
        Assert.That(await returns.SetStatusAsync(late.ReturnId, ReturnStatus.Locked, "carol", At, "Quarter closed"), Is.True);
        var repo = new FrameworkRepository(Store);
        var auditBefore = await CountAsync("audit_log");

        var result = await repo.SaveAsync(Samples.Framework(ClosedV1, Samples.Version2), "dana");
        var stored = (await repo.GetAsync(Samples.FrameworkCode))!;

        Assert.Multiple(async () =>
        {
            Assert.That(result.Saved, Is.False);
            var conflict = result.Conflicts.Single();
            Assert.That(conflict.Rule, Is.EqualTo(FrameworkRepository.Rules.CloseLockedReturns));
            Assert.That(conflict.Field, Is.EqualTo("effective_to"));
            Assert.That(conflict.Message, Does.Contain($"{q2018.Key} for {Samples.Centre}").And.Contain("1 locked return is"));
            Assert.That(conflict.Message, Does.Not.Contain(Samples.Q1.Key), "a locked return before the closing date stays under version 1 and does not block");
            Assert.That(stored.Versions.Select(v => (v.Version, v.EffectiveTo)), Is.EqualTo(new[] { (1, (DateOnly?)null) }), "nothing changed");
            Assert.That(await CountAsync("audit_log"), Is.EqualTo(auditBefore));
        });

        // Reopened, the same load goes through.
        Assert.That(await returns.SetStatusAsync(late.ReturnId, ReturnStatus.Approved, "carol", At, "Framework review"), Is.True);
        Assert.That((await repo.SaveAsync(Samples.Framework(ClosedV1, Samples.Version2), "dana")).Closed, Has.Count.EqualTo(1));
    }
}
