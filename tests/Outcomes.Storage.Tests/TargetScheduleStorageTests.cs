using Dapper;
using Microsoft.Data.Sqlite;
using Outcomes.Domain.Targets;
using Outcomes.Storage.Repositories;

namespace Outcomes.Storage.Tests;

/// <summary>Phasing, trajectories and confidence-interval judging survive the store (0004), on SQLite.</summary>
[TestFixture]
public sealed class TargetScheduleStorageTests
{
    private string _path = string.Empty;
    private OutcomesStore _store = null!;

    private static Target Phased => new()
    {
        FrameworkCode = Samples.FrameworkCode, MeasureCode = "REG", OrgUnitCode = Samples.Centre, Value = 400m, Tolerance = 10m,
        ToleranceKind = ToleranceKind.Relative, Phasing = TargetPhasing.Profile, Profile = PhasingProfile.Parse("20/25/25/30"),
    };

    private static Target Trajectory => new()
    {
        FrameworkCode = Samples.FrameworkCode, MeasureCode = "GLD", Value = 70m, Tolerance = 2m, UseConfidenceInterval = true,
        BaselineValue = 55.5m, BaselineDate = new DateOnly(2017, 3, 31), TargetDate = new DateOnly(2020, 3, 31),
    };

    [SetUp]
    public async Task CreateStore()
    {
        _path = Path.Combine(Path.GetTempPath(), $"outcomes-targets-test-{Guid.NewGuid():N}.db");
        _store = OutcomesStore.Sqlite(_path);
        await _store.MigrateAsync();
        await new OrgUnitRepository(_store).UpsertAsync(Samples.Units, Samples.Links);
        Assert.That((await new FrameworkRepository(_store).SaveAsync(Samples.Framework())).Saved, Is.True);
    }

    [TearDown]
    public void DropStore()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Phased_and_trajectory_targets_round_trip_with_their_interval_flag()
    {
        var repo = new TargetRepository(_store);
        Target[] targets = [Phased, Trajectory, .. Samples.Targets];

        await repo.ReplaceForFrameworkAsync(Samples.FrameworkCode, targets);
        var stored = await repo.ListAsync(Samples.FrameworkCode);

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EquivalentTo(targets));
            Assert.That(stored.Single(t => t.MeasureCode == "GLD" && t.HasTrajectory).BaselineValue, Is.EqualTo(55.5m));
        });
    }

    [Test]
    public async Task The_new_columns_hold_readable_text_and_a_flag()
    {
        await new TargetRepository(_store).ReplaceForFrameworkAsync(Samples.FrameworkCode, [Phased, Trajectory]);

        await using var connection = await _store.OpenAsync();
        var phased = await connection.QuerySingleAsync<(string Phasing, string Profile)>(
            "SELECT phasing, phasing_profile FROM targets WHERE measure_code = 'REG'");
        var trajectory = await connection.QuerySingleAsync<(string? Phasing, string Value, string From, string To, long Ci)>(
            "SELECT phasing, baseline_value, baseline_date, target_date, use_confidence_interval FROM targets WHERE measure_code = 'GLD'");

        Assert.Multiple(() =>
        {
            Assert.That(phased, Is.EqualTo(("Profile", "20/25/25/30")));
            Assert.That(trajectory, Is.EqualTo(((string?)null, "55.5", "2017-03-31", "2020-03-31", 1L)));
        });
    }

    [Test]
    public async Task A_target_stored_without_the_new_columns_reads_back_plain()
    {
        await using (var connection = await _store.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO targets (framework_code, measure_code, org_unit_code, valid_from, valid_to, value, stretch, tolerance, tolerance_kind, source, set_on, set_by)
                VALUES (@FrameworkCode, 'GLD', NULL, NULL, NULL, '65.5', NULL, '5', 'Absolute', 'Local', NULL, NULL);
                """,
                new { Samples.FrameworkCode });
        }

        var stored = (await new TargetRepository(_store).ListAsync(Samples.FrameworkCode)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(stored.Phasing, Is.EqualTo(TargetPhasing.None));
            Assert.That(stored.Profile, Is.Null);
            Assert.That(stored.HasTrajectory, Is.False);
            Assert.That(stored.UseConfidenceInterval, Is.False);
        });
    }
}
