using Dapper;

namespace Outcomes.Storage.Repositories;

/// <summary>When a framework version was stored, and the hash of its content (the version itself comes from <see cref="FrameworkRepository"/>).</summary>
public sealed record FrameworkVersionStored(string FrameworkCode, int Version, DateTimeOffset StoredAt, string ContentSha256);

/// <summary>The stored-at side of framework versions, for pages that say when each version was loaded.</summary>
public sealed class FrameworkVersionHistoryRepository(OutcomesStore store)
{
    internal static readonly ProviderSql Select = new(
        "framework-versions.stored",
        """
        SELECT framework_code AS FrameworkCode, version AS Version, stored_at AS StoredAt, content_sha256 AS ContentSha256
        FROM framework_versions
        WHERE @Code IS NULL OR framework_code = @Code
        ORDER BY framework_code, version;
        """);

    /// <summary>Every stored version's load time, of one framework or (code null) of all.</summary>
    public async Task<IReadOnlyList<FrameworkVersionStored>> ListAsync(string? frameworkCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(store.Sql(Select), new { Code = frameworkCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new FrameworkVersionStored(r.FrameworkCode, r.Version, r.StoredAt, r.ContentSha256)).ToList();
    }

    private sealed class Row
    {
        public string FrameworkCode { get; set; } = string.Empty;

        public int Version { get; set; }

        public DateTimeOffset StoredAt { get; set; }

        public string ContentSha256 { get; set; } = string.Empty;
    }
}
