using System.Globalization;
using Dapper;
using Outcomes.Domain.Access;

namespace Outcomes.Storage.Repositories;

/// <summary>
/// Changes an administrator (or the account's owner) makes to an account, each in one transaction with its row in the
/// audit log, so a change is never stored without its record. The audit rows use the tables "users",
/// "role_assignments" and "api_tokens" with the user's id as the row key's first part.
/// </summary>
public sealed class AccountChangeRepository(OutcomesStore store)
{
    public const string UsersTable = "users";
    public const string RolesTable = "role_assignments";
    public const string TokensTable = "api_tokens";

    internal static readonly ProviderSql IdByName = new(
        "users.id-by-name",
        "SELECT id FROM users WHERE user_name = @UserName;");

    internal static readonly ProviderSql Revoke = new(
        "role-assignments.revoke",
        "DELETE FROM role_assignments WHERE user_id = @UserId AND role = @Role AND scope_code = @ScopeCode;");

    internal static readonly ProviderSql SetDisabled = new(
        "users.set-disabled",
        "UPDATE users SET disabled_at = @DisabledAt WHERE id = @Id;");

    internal static readonly ProviderSql SetSignedIn = new(
        "users.set-last-signed-in",
        "UPDATE users SET last_signed_in_at = @At WHERE id = @Id;");

    /// <summary>Creates an account with its roles and audits it; a taken user name or unknown scope is refused, as data.</summary>
    public async Task<UserCreation> CreateAsync(NewUser user, string changedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var problems = new List<string>();
        if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(store.Sql(IdByName), new { user.UserName }, transaction, cancellationToken: cancellationToken)) is not null)
        {
            problems.Add($"A user named '{user.UserName}' already exists.");
        }

        foreach (var scope in user.Roles.Select(r => r.ScopeCode).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(store.Sql(UserRepository.UnitExists), new { Code = scope }, transaction, cancellationToken: cancellationToken)) == 0)
            {
                problems.Add($"Scope '{scope}' is not an org unit in the store.");
            }
        }

        if (problems.Count > 0)
        {
            return new UserCreation(false, 0, problems);
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            store.Sql(UserRepository.Insert), new { user.UserName, user.DisplayName, user.PasswordHash, CreatedAt = at }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(UserRepository.Grant),
            user.Roles.Select(r => new { UserId = id, Role = r.Role.ToString(), r.ScopeCode, CreatedAt = at }).ToList(),
            transaction,
            cancellationToken: cancellationToken));
        await AuditRepository.WriteAsync(store, connection, transaction,
            [Entry(changedBy, at, UsersTable, Key(id), null, Json.Write(new { user.UserName, user.DisplayName, Roles = user.Roles.Select(Text) }), "User added")],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UserCreation(true, id, []);
    }

    /// <summary>Grants one role; false (and nothing stored) when the user already holds it.</summary>
    public Task<bool> GrantAsync(long userId, RoleAssignment role, string changedBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            UserRepository.Grant,
            new { UserId = userId, Role = role.Role.ToString(), role.ScopeCode, CreatedAt = at },
            Entry(changedBy, at, RolesTable, RoleKey(userId, role), null, Json.Write(new { Role = Text(role) }), "Role granted"),
            cancellationToken);

    /// <summary>Revokes one role; false (and nothing stored) when the user did not hold it.</summary>
    public Task<bool> RevokeAsync(long userId, RoleAssignment role, string changedBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            Revoke,
            new { UserId = userId, Role = role.Role.ToString(), role.ScopeCode },
            Entry(changedBy, at, RolesTable, RoleKey(userId, role), Json.Write(new { Role = Text(role) }), null, "Role revoked"),
            cancellationToken);

    public Task<bool> UnlockAsync(long userId, string changedBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            UserRepository.ClearFailures,
            new { Id = userId },
            Entry(changedBy, at, UsersTable, Key(userId), Json.Write(new { Locked = true }), Json.Write(new { Locked = false }), "Account unlocked"),
            cancellationToken);

    /// <summary>Stores a new password hash (and clears any lock); the audit row never holds the hash.</summary>
    public async Task<bool> SetPasswordAsync(long userId, string passwordHash, string changedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(store.Sql(UserRepository.SetHash), new { Id = userId, PasswordHash = passwordHash }, transaction, cancellationToken: cancellationToken));
        if (changed != 1)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(store.Sql(UserRepository.ClearFailures), new { Id = userId }, transaction, cancellationToken: cancellationToken));
        await AuditRepository.WriteAsync(store, connection, transaction, [Entry(changedBy, at, UsersTable, Key(userId), null, Json.Write(new { Password = "changed" }), reason)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public Task<bool> SetDisabledAsync(long userId, bool disabled, string changedBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            SetDisabled,
            new { Id = userId, DisabledAt = disabled ? at : (DateTimeOffset?)null },
            Entry(changedBy, at, UsersTable, Key(userId), Json.Write(new { Disabled = !disabled }), Json.Write(new { Disabled = disabled }), disabled ? "Account disabled" : "Account enabled"),
            cancellationToken);

    /// <summary>Notes a successful sign-in (shown to administrators); not audited, the sign-in log has it.</summary>
    public async Task RecordSignInAsync(long userId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(store.Sql(SetSignedIn), new { Id = userId, At = at }, cancellationToken: cancellationToken));
    }

    /// <summary>Audits something done elsewhere (a token issued or revoked by its owner).</summary>
    public async Task AuditAsync(string changedBy, DateTimeOffset at, string table, string rowKey, string? oldValue, string? newValue, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AuditRepository.WriteAsync(store, connection, transaction, [Entry(changedBy, at, table, rowKey, oldValue, newValue, reason)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The audit row key of a user: their id.</summary>
    public static string Key(long userId) => userId.ToString(CultureInfo.InvariantCulture);

    public static string RoleKey(long userId, RoleAssignment role) => $"{Key(userId)}/{role.Role}/{role.ScopeCode}";

    private static string Text(RoleAssignment role) => $"{role.Role} over {role.ScopeCode}";

    private static AuditEntry Entry(string changedBy, DateTimeOffset at, string table, string key, string? oldValue, string? newValue, string reason) =>
        new(0, changedBy, at, table, key, oldValue, newValue, reason);

    private async Task<bool> ChangeAsync(ProviderSql sql, object parameters, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(store.Sql(sql), parameters, transaction, cancellationToken: cancellationToken)) != 1)
        {
            return false;
        }

        await AuditRepository.WriteAsync(store, connection, transaction, [audit], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
