using Dapper;

namespace Outcomes.Storage.Repositories;

/// <summary>A personal API token as stored: its name and dates, never the token itself (only its SHA-256).</summary>
public sealed record ApiToken(long Id, long UserId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, DateTimeOffset? ExpiresAt = null)
{
    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;
}

/// <summary>Personal API tokens, found by the SHA-256 of the token a caller presents.</summary>
public sealed class ApiTokenRepository(OutcomesStore store)
{
    private const string Columns =
        "id AS Id, user_id AS UserId, name AS Name, created_at AS CreatedAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt, expires_at AS ExpiresAt";

    internal static readonly ProviderSql Insert = new(
        "api-tokens.insert",
        """
        INSERT INTO api_tokens (user_id, name, token_sha256, created_at, last_used_at, revoked_at, expires_at)
        VALUES (@UserId, @Name, @TokenSha256, @CreatedAt, NULL, NULL, @ExpiresAt)
        RETURNING id;
        """,
        """
        INSERT INTO api_tokens (user_id, name, token_sha256, created_at, last_used_at, revoked_at, expires_at)
        OUTPUT INSERTED.id
        VALUES (@UserId, @Name, @TokenSha256, @CreatedAt, NULL, NULL, @ExpiresAt);
        """);

    internal static readonly ProviderSql FindActive = new(
        "api-tokens.find-active",
        $"SELECT {Columns} FROM api_tokens WHERE token_sha256 = @TokenSha256 AND revoked_at IS NULL;");

    internal static readonly ProviderSql ListForUser = new(
        "api-tokens.list-for-user",
        $"SELECT {Columns} FROM api_tokens WHERE user_id = @UserId ORDER BY created_at, id;");

    internal static readonly ProviderSql Touch = new(
        "api-tokens.touch",
        "UPDATE api_tokens SET last_used_at = @At WHERE id = @Id;");

    internal static readonly ProviderSql Revoke = new(
        "api-tokens.revoke",
        "UPDATE api_tokens SET revoked_at = @At WHERE id = @Id AND user_id = @UserId AND revoked_at IS NULL;");

    /// <summary>Stores a token's hash for a user; returns its id.</summary>
    public Task<long> CreateAsync(long userId, string name, string tokenSha256, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        CreateAsync(userId, name, tokenSha256, at, null, cancellationToken);

    /// <summary>Stores a token's hash for a user, usable until <paramref name="expiresAt"/> (null: until revoked); returns its id.</summary>
    public async Task<long> CreateAsync(long userId, string name, string tokenSha256, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            store.Sql(Insert), new { UserId = userId, Name = name, TokenSha256 = tokenSha256, CreatedAt = at, ExpiresAt = expiresAt }, cancellationToken: cancellationToken));
    }

    /// <summary>The unrevoked token with this hash, or null.</summary>
    public async Task<ApiToken?> FindActiveAsync(string tokenSha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(store.Sql(FindActive), new { TokenSha256 = tokenSha256 }, cancellationToken: cancellationToken));
        return row?.ToToken();
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<TokenRow>(new CommandDefinition(store.Sql(ListForUser), new { UserId = userId }, cancellationToken: cancellationToken)))
            .Select(r => r.ToToken()).ToList();
    }

    public async Task MarkUsedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(store.Sql(Touch), new { Id = id, At = at }, cancellationToken: cancellationToken));
    }

    /// <summary>Revokes one of a user's tokens; false when it is not theirs or was already revoked.</summary>
    public async Task<bool> RevokeAsync(long userId, long id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(store.Sql(Revoke), new { Id = id, UserId = userId, At = at }, cancellationToken: cancellationToken)) == 1;
    }

    private sealed class TokenRow
    {
        public long Id { get; set; }

        public long UserId { get; set; }

        public string Name { get; set; } = string.Empty;

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? LastUsedAt { get; set; }

        public DateTimeOffset? RevokedAt { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }

        public ApiToken ToToken() => new(Id, UserId, Name, CreatedAt, LastUsedAt, RevokedAt, ExpiresAt);
    }
}
