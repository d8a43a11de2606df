using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Repositories;
using Outcomes.Storage.Returns;

namespace Outcomes.Storage.Tests;

/// <summary>
/// Closing a version moves the quarters after its closing date to the next version: every return there that is not
/// locked is recorded against the next version, in the same transaction as the load, audited, and checked against the
/// next version's measures (a return lacking one it requires, or carrying one it dropped, needs resubmitting).
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly Period Q2018 = Period.FinancialQuarter(2018, 1);

    /// <summary>Version 2 asks for a new required measure (VIS) and drops ENG.</summary>
    private static FrameworkVersion Version2WithVisits => Samples.Version2 with
    {
        Notes = "Adds home visits; drops engagement.",
        Measures = [.. Samples.Version1.Measures.Where(m => m.Code != "ENG"), new Measure { Code = "VIS", Title = "Home visits", Unit = MeasureUnit.Count, Group = "How much" }],
        Rules = [],
    };

    private static QuarterlyReturn ReturnIn(Period period) => Samples.Return() with
    {
        Period = period,
        Observations = Samples.Return().Observations.Select(o => o with { Period = period }).ToList(),
    };

    [Test]
    public async Task A_submitted_return_in_a_moved_quarter_is_recorded_against_the_next_version_and_audited()
    {
        await SeedAsync();
        var returns = new ReturnRepository(Store);
        Assert.That((await returns.ImportAsync(Samples.Return(), "q1.xlsx", Samples.File("q1"), "alice", At)).Stored, Is.True);
        Assert.That((await returns.ImportAsync(ReturnIn(Q2018), "q5.xlsx", Samples.File("q5"), "alice", At)).Stored, Is.True);

        var result = await new FrameworkRepository(Store).SaveAsync(Samples.Framework(ClosedV1, Samples.Version2), "dana");

        var moved = (await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Q2018))!;
        var kept = (await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Samples.Q1))!;
        var audit = await new AuditRepository(Store).ListAsync(ReturnRepository.StatusAuditTable, ReturnRepository.ReturnKey(Samples.FrameworkCode, Samples.Centre, Q2018));
        Assert.Multiple(() =>
        {
            Assert.That(result.Saved, Is.True, string.Join(" ", result.Conflicts.Select(c => c.Message)));
            Assert.That(moved.FrameworkVersion, Is.EqualTo(2), "2018-19 Q1 starts after version 1 closes: it is under version 2 now");
            Assert.That(moved.Status, Is.EqualTo(ReturnStatus.Submitted), "it has every measure version 2 asks for");
            Assert.That(kept.FrameworkVersion, Is.EqualTo(1), "2017-18 Q1 stays under version 1");
            var row = audit.Single();
            Assert.That(row.ChangedBy, Is.EqualTo("dana"));
            Assert.That(row.OldValue, Does.Contain("\"frameworkVersion\":1"));
            Assert.That(row.NewValue, Does.Contain("\"frameworkVersion\":2"));
            Assert.That(row.Reason, Does.Contain("version 1 closed on 2018-03-31").And.Contain("recorded against version 2"));
        });
    }

    [Test]
    public async Task A_return_lacking_a_measure_the_next_version_requires_needs_resubmitting_naming_it()
    {
        await SeedAsync();
        var returns = new ReturnRepository(Store);
        var q5 = await returns.ImportAsync(ReturnIn(Q2018), "q5.xlsx", Samples.File("q5"), "alice", At);
        Assert.That(await returns.SetStatusAsync(q5.ReturnId, ReturnStatus.Approved, "carol", At, "Checked"), Is.True);

        var result = await new FrameworkRepository(Store).SaveAsync(Samples.Framework(ClosedV1, Version2WithVisits), "dana");

        var moved = (await returns.FindAsync(Samples.FrameworkCode, Samples.Centre, Q2018))!;
        var audit = await new AuditRepository(Store).ListAsync(ReturnRepository.StatusAuditTable, ReturnRepository.ReturnKey(Samples.FrameworkCode, Samples.Centre, Q2018));
        Assert.Multiple(() =>
        {
            Assert.That(result.Saved, Is.True, string.Join(" ", result.Conflicts.Select(c => c.Message)));
            Assert.That(moved.FrameworkVersion, Is.EqualTo(2));
            Assert.That(moved.Status, Is.Not.EqualTo(ReturnStatus.Approved), "an approval of figures that lack a required measure does not stand");
            var row = audit[^1];
            Assert.That(row.ChangedBy, Is.EqualTo("dana"));
            Assert.That(row.Reason, Does.Contain("lacks VIS").And.Contain("carries ENG"));
        });
    }
}
