using System.Reflection;

namespace Outcomes.Storage;

/// <summary>
/// One statement in both spellings. Where SQLite and SQL Server agree, both hold the same text.
/// Declared as a static field beside the Dapper call that runs it, so <see cref="SqlStatements.All"/> can find it.
/// </summary>
public sealed record ProviderSql(string Name, string Sqlite, string SqlServer)
{
    public ProviderSql(string name, string both)
        : this(name, both, both)
    {
    }

    public string For(StoreProvider provider) => provider == StoreProvider.SqlServer ? SqlServer : Sqlite;
}

/// <summary>Every statement the store runs, found by reflection, so tests can parse and prepare each one.</summary>
public static class SqlStatements
{
    private static readonly Lazy<IReadOnlyList<ProviderSql>> Found = new(Find);

    public static IReadOnlyList<ProviderSql> All => Found.Value;

    private static List<ProviderSql> Find() =>
        typeof(SqlStatements).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(ProviderSql))
            .Select(f => (ProviderSql)f.GetValue(null)!)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
}
