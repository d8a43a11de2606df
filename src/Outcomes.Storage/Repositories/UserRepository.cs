using Dapper;
using Outcomes.Domain.Access;

namespace Outcomes.Storage.Repositories;

/// <summary>A person who may sign in, with the roles they hold. <see cref="PasswordHash"/> is null for accounts that sign in elsewhere.</summary>
public sealed record UserAccount(
    long Id,
    string UserName,
    string DisplayName,
    string? PasswordHash,
    int FailedAttempts,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    IReadOnlyList<RoleAssignment> Roles,
    DateTimeOffset? DisabledAt = null,
    DateTimeOffset? LastSignedInAt = null)
{
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>A disabled account keeps its record and history but may not sign in or use its tokens.</summary>
    public bool IsDisabled => DisabledAt is not null;
}

/// <summary>An account to create. The hash is made by the caller (the store never sees a password).</summary>
public sealed record NewUser(string UserName, string DisplayName, string? PasswordHash, IReadOnlyList<RoleAssignment> Roles);

/// <summary>What creating an account did: the new id, or every reason it was refused.</summary>
public sealed record UserCreation(bool Created, long Id, IReadOnlyList<string> Problems);

/// <summary>The failed-attempt count after a failed sign-in, and the lock it set (if this failure reached the limit).</summary>
public sealed record FailedSignIn(int FailedAttempts, DateTimeOffset? LockedUntil);

/// <summary>Users and their role assignments.</summary>
public sealed class UserRepository(OutcomesStore store)
{
    private const string UserColumns =
        "id AS Id, user_name AS UserName, display_name AS DisplayName, password_hash AS PasswordHash, " +
        "failed_attempts AS FailedAttempts, locked_until AS LockedUntil, created_at AS CreatedAt, " +
        "disabled_at AS DisabledAt, last_signed_in_at AS LastSignedInAt";

    internal static readonly ProviderSql Insert = new(
        "users.insert",
        """
        INSERT INTO users (user_name, display_name, password_hash, failed_attempts, locked_until, created_at)
        VALUES (@UserName, @DisplayName, @PasswordHash, 0, NULL, @CreatedAt)
        RETURNING id;
        """,
        """
        INSERT INTO users (user_name, display_name, password_hash, failed_attempts, locked_until, created_at)
        OUTPUT INSERTED.id
        VALUES (@UserName, @DisplayName, @PasswordHash, 0, NULL, @CreatedAt);
        """);

    internal static readonly ProviderSql FindByName = new(
        "users.find-by-name",
        $"SELECT {UserColumns} FROM users WHERE user_name = @UserName;");

    internal static readonly ProviderSql FindById = new(
        "users.find-by-id",
        $"SELECT {UserColumns} FROM users WHERE id = @Id;");

    internal static readonly ProviderSql ListAll = new(
        "users.list",
        $"SELECT {UserColumns} FROM users ORDER BY user_name;");

    internal static readonly ProviderSql UnitExists = new(
        "users.scope-exists",
        "SELECT COUNT(*) FROM org_units WHERE code = @Code;");

    // Both spellings: INSERT … SELECT … WHERE NOT EXISTS, so granting a role twice changes nothing.
    internal static readonly ProviderSql Grant = new(
        "role-assignments.grant",
        """
        INSERT INTO role_assignments (user_id, role, scope_code, created_at)
        SELECT @UserId, @Role, @ScopeCode, @CreatedAt
        WHERE NOT EXISTS (SELECT 1 FROM role_assignments WHERE user_id = @UserId AND role = @Role AND scope_code = @ScopeCode);
        """);

    internal static readonly ProviderSql RolesOf = new(
        "role-assignments.of-user",
        "SELECT user_id AS UserId, role AS Role, scope_code AS ScopeCode FROM role_assignments WHERE user_id = @UserId ORDER BY role, scope_code;");

    internal static readonly ProviderSql AllRoles = new(
        "role-assignments.all",
        "SELECT user_id AS UserId, role AS Role, scope_code AS ScopeCode FROM role_assignments ORDER BY user_id, role, scope_code;");

    // One statement, so two failures at once cannot both read the old count: the failure that reaches the limit
    // sets the lock and starts the count again.
    internal static readonly ProviderSql RecordFailure = new(
        "users.record-failed-sign-in",
        """
        UPDATE users
        SET locked_until = CASE WHEN failed_attempts + 1 >= @MaxAttempts THEN @LockUntil ELSE locked_until END,
            failed_attempts = CASE WHEN failed_attempts + 1 >= @MaxAttempts THEN 0 ELSE failed_attempts + 1 END
        WHERE id = @Id;
        """);

    internal static readonly ProviderSql ReadFailures = new(
        "users.read-failures",
        "SELECT failed_attempts AS FailedAttempts, locked_until AS LockedUntil FROM users WHERE id = @Id;");

    internal static readonly ProviderSql ClearFailures = new(
        "users.clear-failures",
        "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = @Id;");

    internal static readonly ProviderSql SetHash = new(
        "users.set-password-hash",
        "UPDATE users SET password_hash = @PasswordHash WHERE id = @Id;");

    /// <summary>Creates an account with its roles in one transaction; a taken user name or an unknown scope is refused, as data.</summary>
    public async Task<UserCreation> CreateAsync(NewUser user, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var problems = new List<string>();
        if (await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(store.Sql(FindByName), new { user.UserName }, transaction, cancellationToken: cancellationToken)) is not null)
        {
            problems.Add($"A user named '{user.UserName}' already exists.");
        }

        problems.AddRange(await UnknownScopesAsync(connection, transaction, user.Roles, cancellationToken));
        if (problems.Count > 0)
        {
            return new UserCreation(false, 0, problems);
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            store.Sql(Insert), new { user.UserName, user.DisplayName, user.PasswordHash, CreatedAt = at }, transaction, cancellationToken: cancellationToken));
        await GrantAsync(connection, transaction, id, user.Roles, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UserCreation(true, id, []);
    }

    /// <summary>Adds roles to an existing user (a role already held is left as it is). Unknown scopes are refused, as data.</summary>
    public async Task<IReadOnlyList<string>> GrantAsync(long userId, IReadOnlyList<RoleAssignment> roles, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var problems = await UnknownScopesAsync(connection, transaction, roles, cancellationToken);
        if (problems.Count > 0)
        {
            return problems;
        }

        await GrantAsync(connection, transaction, userId, roles, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    public async Task<UserAccount?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(store.Sql(FindByName), new { UserName = userName.Trim() }, cancellationToken: cancellationToken));
        return row is null ? null : (await WithRolesAsync(connection, [row], cancellationToken))[0];
    }

    public async Task<UserAccount?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(store.Sql(FindById), new { Id = id }, cancellationToken: cancellationToken));
        return row is null ? null : (await WithRolesAsync(connection, [row], cancellationToken))[0];
    }

    /// <summary>Every user with their roles, by user name.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<UserRow>(new CommandDefinition(store.Sql(ListAll), cancellationToken: cancellationToken))).ToList();
        return await WithRolesAsync(connection, rows, cancellationToken);
    }

    /// <summary>Counts a failed sign-in; the failure that makes <paramref name="maxAttempts"/> locks the account until <paramref name="lockUntil"/>.</summary>
    public async Task<FailedSignIn> RecordFailedSignInAsync(long id, int maxAttempts, DateTimeOffset lockUntil, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(store.Sql(RecordFailure), new { Id = id, MaxAttempts = maxAttempts, LockUntil = lockUntil }, transaction, cancellationToken: cancellationToken));
        var after = await connection.QuerySingleAsync<FailureRow>(new CommandDefinition(store.Sql(ReadFailures), new { Id = id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new FailedSignIn(after.FailedAttempts, after.LockedUntil);
    }

    /// <summary>A successful sign-in (or an administrator's unlock): the failure count and any lock are cleared.</summary>
    public async Task ClearFailedSignInsAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(store.Sql(ClearFailures), new { Id = id }, cancellationToken: cancellationToken));
    }

    public async Task SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(store.Sql(SetHash), new { Id = id, PasswordHash = passwordHash }, cancellationToken: cancellationToken));
    }

    private async Task<List<string>> UnknownScopesAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, IEnumerable<RoleAssignment> roles, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var scope in roles.Select(r => r.ScopeCode).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(store.Sql(UnitExists), new { Code = scope }, transaction, cancellationToken: cancellationToken)) == 0)
            {
                problems.Add($"Scope '{scope}' is not an org unit in the store (load the council's framework first, or check the code).");
            }
        }

        return problems;
    }

    private Task<int> GrantAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long userId, IEnumerable<RoleAssignment> roles, DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            store.Sql(Grant),
            roles.Select(r => new { UserId = userId, Role = r.Role.ToString(), r.ScopeCode, CreatedAt = at }).ToList(),
            transaction,
            cancellationToken: cancellationToken));

    private async Task<List<UserAccount>> WithRolesAsync(System.Data.Common.DbConnection connection, List<UserRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var roles = rows.Count == 1
            ? await connection.QueryAsync<RoleRow>(new CommandDefinition(store.Sql(RolesOf), new { UserId = rows[0].Id }, cancellationToken: cancellationToken))
            : await connection.QueryAsync<RoleRow>(new CommandDefinition(store.Sql(AllRoles), cancellationToken: cancellationToken));

        var byUser = roles.ToLookup(r => r.UserId);
        return rows.Select(r => new UserAccount(
                r.Id, r.UserName, r.DisplayName, r.PasswordHash, r.FailedAttempts, r.LockedUntil, r.CreatedAt,
                byUser[r.Id].Select(x => new RoleAssignment(Enum.Parse<Role>(x.Role), x.ScopeCode)).ToList(),
                r.DisabledAt,
                r.LastSignedInAt))
            .ToList();
    }

    private sealed class UserRow
    {
        public long Id { get; set; }

        public string UserName { get; set; } = string.Empty;

        public string DisplayName { get; set; } = string.Empty;

        public string? PasswordHash { get; set; }

        public int FailedAttempts { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? DisabledAt { get; set; }

        public DateTimeOffset? LastSignedInAt { get; set; }
    }

    private sealed class RoleRow
    {
        public long UserId { get; set; }

        public string Role { get; set; } = string.Empty;

        public string ScopeCode { get; set; } = string.Empty;
    }

    private sealed class FailureRow
    {
        public int FailedAttempts { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
