using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Outcomes.Storage.Tests;

/// <summary>
/// Migration 0013's triggers, read back from each provider: SQLite's from a migrated file's own catalogue, SQL Server's
/// from its script through Microsoft's parser. Both must watch the same tables for inserts, updates and deletes, so a
/// cache is dropped on either provider after the same writes.
/// </summary>
[TestFixture]
public sealed class DataGenerationTriggerTests
{
    private static readonly string[] Watched =
    [
        "comparators", "framework_versions", "frameworks", "measures", "org_unit_links", "org_units", "return_versions", "returns", "scores", "targets",
    ];

    [Test]
    public async Task SQLite_watches_every_cached_table_for_inserts_updates_and_deletes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"outcomes-triggers-{Guid.NewGuid():N}.db");
        try
        {
            var store = OutcomesStore.Sqlite(path);
            await store.MigrateAsync();
            await using var connection = await store.OpenAsync();
            var triggers = (await connection.QueryAsync<(string Table, string Sql)>(
                "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%store_changes%'")).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(triggers.Select(t => t.Table).Distinct().Order(StringComparer.Ordinal), Is.EqualTo(Watched));
                foreach (var table in Watched)
                {
                    var events = triggers.Where(t => t.Table == table)
                        .Select(t => new[] { "INSERT", "UPDATE", "DELETE" }.Single(e => t.Sql.Contains($"AFTER {e} ON", StringComparison.OrdinalIgnoreCase)));
                    Assert.That(events.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "DELETE", "INSERT", "UPDATE" }), table);
                }
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Test]
    public void SQL_Server_watches_the_same_tables_for_inserts_updates_and_deletes()
    {
        var script = Migrations.MigrationScripts.For(StoreProvider.SqlServer).Single(s => s.Name == "0013_store_changes.sql");
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script.Text);
        var fragment = parser.Parse(reader, out var errors);
        var triggers = new TriggerFinder();
        fragment.Accept(triggers);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(triggers.Found.Select(t => t.Table).Order(StringComparer.Ordinal), Is.EqualTo(Watched));
            foreach (var (table, actions) in triggers.Found)
            {
                Assert.That(actions, Is.EquivalentTo(new[] { TriggerActionType.Insert, TriggerActionType.Update, TriggerActionType.Delete }), table);
            }
        });
    }

    private sealed class TriggerFinder : TSqlFragmentVisitor
    {
        public List<(string Table, TriggerActionType[] Actions)> Found { get; } = [];

        public override void Visit(CreateTriggerStatement node) =>
            Found.Add((node.TriggerObject.Name.BaseIdentifier.Value, node.TriggerActions.Select(a => a.TriggerActionType).ToArray()));
    }
}
