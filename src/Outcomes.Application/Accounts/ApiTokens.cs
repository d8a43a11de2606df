using System.Security.Cryptography;
using System.Text;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Accounts;

/// <summary>A token as issued: shown once, never stored (the store keeps its SHA-256).</summary>
public sealed record IssuedToken(long Id, string Token);

/// <summary>
/// Personal API tokens: 32 random bytes, base64url, with a recognisable prefix. A token this long needs no slow hash:
/// SHA-256 of it is enough to look it up and cannot be reversed.
/// </summary>
public sealed class ApiTokens(ApiTokenRepository tokens, UserRepository users, TimeProvider clock)
{
    public const string Prefix = "oct_";

    public Task<IssuedToken> IssueAsync(long userId, string name, CancellationToken cancellationToken = default) =>
        IssueAsync(userId, name, null, cancellationToken);

    /// <summary>A new token for the user, refused by <see cref="AuthenticateAsync"/> from <paramref name="expiresAt"/> on (null: never expires).</summary>
    public async Task<IssuedToken> IssueAsync(long userId, string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var id = await tokens.CreateAsync(userId, name, Sha256(token), clock.GetUtcNow(), expiresAt, cancellationToken);
        return new IssuedToken(id, token);
    }

    /// <summary>The user an unrevoked, unexpired token belongs to (and marks the token used), or null; a disabled account's tokens are refused.</summary>
    public async Task<UserAccount?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var found = await tokens.FindActiveAsync(Sha256(token), cancellationToken);
        if (found is null || found.IsExpiredAt(now))
        {
            return null;
        }

        var user = await users.GetAsync(found.UserId, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            return null;
        }

        await tokens.MarkUsedAsync(found.Id, now, cancellationToken);
        return user;
    }

    public static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
