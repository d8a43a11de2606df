using System.Globalization;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Accounts;

/// <summary>What asking for a new token did: the token to show once, or every problem with the request.</summary>
public sealed record TokenRequestResult(IReadOnlyList<AccountProblem> Problems, IssuedToken? Issued, DateTimeOffset? ExpiresAt);

/// <summary>
/// A signed-in user's own API tokens (the /account page): made with a name and an expiry, listed, revoked. A token
/// signs its owner in with the owner's roles (see <see cref="ApiTokens.AuthenticateAsync"/>). Issuing and revoking are audited.
/// </summary>
public sealed class PersonalTokens(ApiTokens tokens, ApiTokenRepository repository, AccountChangeRepository changes, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    /// <summary>The expiries offered, in days; 0 is "never expires".</summary>
    public static readonly IReadOnlyList<int> ExpiryDays = [30, 90, 365, 0];

    public Task<IReadOnlyList<ApiToken>> ListAsync(UserAccount self, CancellationToken cancellationToken = default) =>
        repository.ListAsync(self?.Id ?? throw new ArgumentNullException(nameof(self)), cancellationToken);

    public async Task<TokenRequestResult> CreateAsync(UserAccount self, string? name, string? expiresInDays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(self);
        var problems = new List<AccountProblem>();
        name = (name ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            problems.Add(new("token-name", "Enter a name for the token, so you can tell it apart later"));
        }
        else if (name.Length > MaxNameLength)
        {
            problems.Add(new("token-name", $"The token's name must be {MaxNameLength} characters or fewer"));
        }

        if (!int.TryParse(expiresInDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || !ExpiryDays.Contains(days))
        {
            problems.Add(new("token-expiry", "Choose when the token expires"));
        }

        if (problems.Count > 0)
        {
            return new TokenRequestResult(problems, null, null);
        }

        var now = clock.GetUtcNow();
        DateTimeOffset? expiresAt = days == 0 ? null : now.AddDays(days);
        var issued = await tokens.IssueAsync(self.Id, name, expiresAt, cancellationToken);
        await changes.AuditAsync(self.UserName, now, AccountChangeRepository.TokensTable, $"{AccountChangeRepository.Key(self.Id)}/{issued.Id}", null,
            $$"""{"name":{{System.Text.Json.JsonSerializer.Serialize(name)}},"expiresAt":{{(expiresAt is { } e ? System.Text.Json.JsonSerializer.Serialize(e) : "null")}}}""", "API token created", cancellationToken);
        return new TokenRequestResult([], issued, expiresAt);
    }

    /// <summary>Revokes one of the user's own tokens; false when it is not theirs or already revoked.</summary>
    public async Task<bool> RevokeAsync(UserAccount self, long tokenId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(self);
        var now = clock.GetUtcNow();
        if (!await repository.RevokeAsync(self.Id, tokenId, now, cancellationToken))
        {
            return false;
        }

        await changes.AuditAsync(self.UserName, now, AccountChangeRepository.TokensTable, $"{AccountChangeRepository.Key(self.Id)}/{tokenId}", null, """{"revoked":true}""", "API token revoked", cancellationToken);
        return true;
    }
}
