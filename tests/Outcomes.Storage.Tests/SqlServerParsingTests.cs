using Microsoft.SqlServer.TransactSql.ScriptDom;
using Outcomes.Storage.Migrations;

namespace Outcomes.Storage.Tests;

/// <summary>
/// Without a server at hand, every T-SQL text the store can run is at least parsed by Microsoft's own parser
/// (TSql160Parser: SQL Server 2022, the oldest version production may run).
/// </summary>
[TestFixture]
public sealed class SqlServerParsingTests
{
    public static IEnumerable<TestCaseData> ScriptFiles() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "sql", "sqlserver"), "*.sql")
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetFileName(f)));

    public static IEnumerable<TestCaseData> Statements() =>
        SqlStatements.All.Select(s => new TestCaseData(s.SqlServer).SetArgDisplayNames(s.Name));

    [TestCaseSource(nameof(ScriptFiles))]
    public void Every_sqlserver_script_parses(string path)
    {
        var text = File.ReadAllText(path);
        var batches = MigrationScripts.SplitOnGo(text);

        Assert.Multiple(() =>
        {
            Assert.That(Parse(text), Is.Empty, "the script as a whole, GO and all");
            Assert.That(batches, Is.Not.Empty);
            foreach (var batch in batches)
            {
                Assert.That(Parse(batch), Is.Empty, $"a batch the runner sends: {batch[..Math.Min(60, batch.Length)]}");
            }
        });
    }

    [TestCaseSource(nameof(Statements))]
    public void Every_sqlserver_statement_parses(string sql) =>
        Assert.That(Parse(sql), Is.Empty);

    [Test]
    public void The_registry_finds_the_statements_of_every_repository()
    {
        var names = SqlStatements.All.Select(s => s.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.Unique);
            foreach (var prefix in new[] { "migrations.", "org-units.", "frameworks.", "targets.", "returns.", "return-versions.", "observations.", "comparators.", "scores.", "audit.", "users.", "role-assignments.", "api-tokens.", "pack-jobs.", "pending-uploads." })
            {
                Assert.That(names, Has.Some.StartsWith(prefix));
            }
        });
    }

    [Test]
    public void The_embedded_scripts_are_the_files_in_the_sql_folders()
    {
        foreach (var provider in Enum.GetValues<StoreProvider>())
        {
            var folder = provider == StoreProvider.SqlServer ? "sqlserver" : "sqlite";
            var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "sql", folder), "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal);
            Assert.That(MigrationScripts.For(provider).Select(s => s.Name), Is.EqualTo(files), folder);
        }
    }

    [Test]
    public void Both_providers_have_the_same_numbered_scripts()
    {
        Assert.That(
            MigrationScripts.For(StoreProvider.SqlServer).Select(s => s.Name),
            Is.EqualTo(MigrationScripts.For(StoreProvider.Sqlite).Select(s => s.Name)));
    }

    [Test]
    public void A_broken_statement_yields_errors_so_the_check_can_fail()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Parse("SELEC id FROM returns;"), Is.Not.Empty);
            Assert.That(Parse("INSERT INTO returns (id) VALUES (@Id) RETURNING id;"), Is.Not.Empty, "SQLite's RETURNING is not T-SQL");
            Assert.That(Parse("MERGE dbo.t AS t USING (VALUES (1)) AS s (a) ON t.a = s.a WHEN MATCHED THEN UPDATE SET a = s.a"), Is.Not.Empty, "MERGE needs its semicolon");
        });
    }

    [Test]
    public void Scripts_split_on_GO_lines_only()
    {
        var batches = MigrationScripts.SplitOnGo("CREATE TABLE a (go_live INT);\nGO\nSELECT 'GO';\n  go -- next\nSELECT 2;\r\nGO\r\n");

        Assert.That(batches, Is.EqualTo(new[] { "CREATE TABLE a (go_live INT);", "SELECT 'GO';", "SELECT 2;" }));
    }

    private static List<string> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "sql", "sqlserver")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No sql/sqlserver folder above the test directory.");
    }
}
