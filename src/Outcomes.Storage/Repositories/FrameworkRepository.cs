using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Targets;

namespace Outcomes.Storage.Repositories;

/// <summary>
/// A version the store refuses as offered: its content differs from the stored one under the same number (rule
/// version.changed), or its closing date breaks a rule of <see cref="FrameworkRepository"/> (Field effective_to).
/// </summary>
public sealed record FrameworkVersionConflict(int Version, string StoredSha256, string OfferedSha256, string Message)
{
    /// <summary>The YAML field the refusal is about.</summary>
    public string Field { get; init; } = "version";

    /// <summary>A stable rule code, as the loader's problems carry.</summary>
    public string Rule { get; init; } = "version.changed";
}

/// <summary>A stored version closed by this save: its effective_to set, as the next version starts the day after.</summary>
public sealed record FrameworkVersionClosing(int Version, DateOnly EffectiveTo, int ClosedBy);

/// <summary>
/// What <see cref="FrameworkRepository.SaveAsync"/> did. When <see cref="Conflicts"/> is not empty nothing was written:
/// a new version must not rewrite history, so a changed definition needs a new version number.
/// </summary>
public sealed record FrameworkSaveResult(
    string FrameworkCode,
    IReadOnlyList<int> AddedVersions,
    IReadOnlyList<int> UnchangedVersions,
    IReadOnlyList<FrameworkVersionConflict> Conflicts)
{
    public bool Saved => Conflicts.Count == 0;

    /// <summary>Stored versions this save closed (effective_to set), each for the next version it added.</summary>
    public IReadOnlyList<FrameworkVersionClosing> Closed { get; init; } = [];

    /// <summary>Returns not locked that a closing moved to the next version, each checked against its measures.</summary>
    public IReadOnlyList<MovedReturn> Moved { get; init; } = [];

    /// <summary>Org units written with the load (0 when none were given).</summary>
    public int OrgUnits { get; init; }

    /// <summary>Targets stored in place of the framework's old ones; null when the load left the targets alone.</summary>
    public int? Targets { get; init; }
}

/// <summary>
/// The rest of a framework folder's load, stored in the same transaction as its versions.
/// </summary>
/// <param name="OrgUnits">Units to insert or update.</param>
/// <param name="Links">Each named child's whole link history.</param>
/// <param name="Targets">The framework's targets, replacing the stored ones; null keeps the stored ones.</param>
public sealed record FrameworkLoadParts(IReadOnlyList<OrgUnit> OrgUnits, IReadOnlyList<OrgUnitLink> Links, IReadOnlyList<Target>? Targets)
{
    /// <summary>When true and no version is new, nothing is written (a folder already loaded is not loaded again).</summary>
    public bool OnlyWithNewVersions { get; init; }

    /// <summary>The file the versions came from; when set, each added version is audited as loaded from it.</summary>
    public string? SourceName { get; init; }
}

/// <summary>
/// Frameworks and their versions. A stored version's content (measures, rules, dates it starts) is immutable; its
/// closing date is not content: the latest open version is closed once, when the next version is saved with it.
/// </summary>
public sealed partial class FrameworkRepository(OutcomesStore store)
{
    internal static readonly ProviderSql UpsertFramework = new(
        "frameworks.upsert",
        """
        INSERT INTO frameworks (code, name, authority_code, description, returning_level, return_deadline_days)
        VALUES (@Code, @Name, @AuthorityCode, @Description, @ReturningLevel, @ReturnDeadlineDays)
        ON CONFLICT (code) DO UPDATE SET
            name = excluded.name,
            authority_code = excluded.authority_code,
            description = excluded.description,
            returning_level = excluded.returning_level,
            return_deadline_days = excluded.return_deadline_days;
        """,
        """
        MERGE dbo.frameworks WITH (HOLDLOCK) AS t
        USING (VALUES (@Code, @Name, @AuthorityCode, @Description, @ReturningLevel, @ReturnDeadlineDays))
            AS s (code, name, authority_code, description, returning_level, return_deadline_days)
        ON t.code = s.code
        WHEN MATCHED THEN UPDATE SET
            name = s.name,
            authority_code = s.authority_code,
            description = s.description,
            returning_level = s.returning_level,
            return_deadline_days = s.return_deadline_days
        WHEN NOT MATCHED THEN
            INSERT (code, name, authority_code, description, returning_level, return_deadline_days)
            VALUES (s.code, s.name, s.authority_code, s.description, s.returning_level, s.return_deadline_days);
        """);

    internal static readonly ProviderSql InsertVersion = new(
        "framework-versions.insert",
        """
        INSERT INTO framework_versions
            (framework_code, version, effective_from, effective_to, scheme, notes, content_sha256, definition_sha256, definition_json, stored_at)
        VALUES
            (@FrameworkCode, @Version, @EffectiveFrom, @EffectiveTo, @Scheme, @Notes, @ContentSha256, @DefinitionSha256, @DefinitionJson, @StoredAt);
        """);

    internal static readonly ProviderSql InsertMeasure = new(
        "measures.insert",
        """
        INSERT INTO measures
            (framework_code, version, code, ordinal, title, unit, rate_per, polarity, aggregation, frequency,
             cumulative, decimals, ci_method, disclosure_threshold, group_name, is_required, reported_at)
        VALUES
            (@FrameworkCode, @Version, @Code, @Ordinal, @Title, @Unit, @RatePer, @Polarity, @Aggregation, @Frequency,
             @Cumulative, @Decimals, @CiMethod, @DisclosureThreshold, @GroupName, @IsRequired, @ReportedAt);
        """);

    internal static readonly ProviderSql SelectFrameworks = new(
        "frameworks.select",
        """
        SELECT code AS Code, name AS Name, authority_code AS AuthorityCode, description AS Description, returning_level AS ReturningLevel,
               return_deadline_days AS ReturnDeadlineDays
        FROM frameworks
        WHERE @Code IS NULL OR code = @Code
        ORDER BY code;
        """);

    internal static readonly ProviderSql SelectVersions = new(
        "framework-versions.select",
        """
        SELECT framework_code AS FrameworkCode, version AS Version, effective_from AS EffectiveFrom, effective_to AS EffectiveTo,
               scheme AS Scheme, notes AS Notes, content_sha256 AS ContentSha256, definition_sha256 AS DefinitionSha256,
               definition_json AS DefinitionJson
        FROM framework_versions
        WHERE @Code IS NULL OR framework_code = @Code
        ORDER BY framework_code, version;
        """);

    /// <summary>
    /// Saves the framework's header (name, description: not versioned) and adds each version not yet stored.
    /// A version already stored with the same content is left as it is. A version stored with different content is
    /// refused, and then nothing at all is written: a change needs a new version number. Versions stored but not offered are kept.
    /// The one change accepted to a stored version is closing the latest open one (see <see cref="PlanAsync"/>), audited as
    /// <paramref name="changedBy"/>; in the same transaction the returns not locked for periods after the closing date are
    /// moved to the version that now covers them (see <see cref="MoveReturnsAsync"/>). If any part fails nothing is written.
    /// </summary>
    public Task<FrameworkSaveResult> SaveAsync(Framework framework, string changedBy, CancellationToken cancellationToken = default) =>
        SaveAsync(framework, changedBy, null, cancellationToken);

    /// <summary>
    /// Saves as <see cref="SaveAsync(Framework, string, CancellationToken)"/> and, in the same transaction, the rest of a
    /// framework folder's load (<paramref name="load"/>: its org units, targets and where it came from): nothing at all
    /// is written when any part is refused or fails.
    /// </summary>
    public async Task<FrameworkSaveResult> SaveAsync(Framework framework, string changedBy, FrameworkLoadParts? load, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (Offered(framework) is { Count: > 0 } offered)
        {
            return new FrameworkSaveResult(framework.Code, [], [], offered);
        }

        if (load?.Targets?.FirstOrDefault(t => !string.Equals(t.FrameworkCode, framework.Code, StringComparison.Ordinal)) is { } stray)
        {
            throw new ArgumentException($"A target for framework '{stray.FrameworkCode}' was passed with the load of '{framework.Code}'.", nameof(load));
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var plan = await PlanAsync(connection, transaction, framework, cancellationToken);
        var added = new List<int>();
        if (plan.Conflicts.Count > 0 || (load is { OnlyWithNewVersions: true } && plan.ToAdd.Count == 0))
        {
            await transaction.RollbackAsync(cancellationToken);
            return new FrameworkSaveResult(framework.Code, added, plan.Unchanged, plan.Conflicts);
        }

        var toAdd = plan.ToAdd;
        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(UpsertFramework),
            new { framework.Code, framework.Name, framework.AuthorityCode, framework.Description, framework.ReturningLevel, framework.ReturnDeadlineDays },
            transaction,
            cancellationToken: cancellationToken));

        var now = DateTimeOffset.UtcNow;
        foreach (var (version, sha) in toAdd)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                store.Sql(InsertVersion),
                new
                {
                    FrameworkCode = framework.Code,
                    version.Version,
                    version.EffectiveFrom,
                    version.EffectiveTo,
                    Scheme = version.Scheme.ToString(),
                    version.Notes,
                    ContentSha256 = sha,
                    DefinitionSha256 = DefinitionSha256(version),
                    DefinitionJson = Json.Write(new Definition(version.Measures, version.Rules)),
                    StoredAt = now,
                },
                transaction,
                cancellationToken: cancellationToken));

            await connection.ExecuteAsync(new CommandDefinition(
                store.Sql(InsertMeasure),
                version.Measures.Select((m, i) => new
                {
                    FrameworkCode = framework.Code,
                    version.Version,
                    m.Code,
                    Ordinal = i + 1,
                    m.Title,
                    Unit = m.Unit.ToString(),
                    m.RatePer,
                    Polarity = m.Polarity.ToString(),
                    Aggregation = m.Aggregation.ToString(),
                    Frequency = m.Frequency.ToString(),
                    m.Cumulative,
                    m.Decimals,
                    CiMethod = m.CiMethod.ToString(),
                    m.DisclosureThreshold,
                    GroupName = m.Group,
                    IsRequired = m.Required,
                    m.ReportedAt,
                }).ToList(),
                transaction,
                cancellationToken: cancellationToken));
            added.Add(version.Version);
        }

        await CloseAsync(connection, transaction, framework.Code, plan.Closings, changedBy, now, cancellationToken);
        var units = load is null ? 0 : await OrgUnitRepository.UpsertWithinAsync(store, connection, transaction, load.OrgUnits, load.Links, cancellationToken);
        var moved = await MoveReturnsAsync(connection, transaction, framework.Code, plan.Closings, changedBy, now, cancellationToken);
        int? targets = load?.Targets is { } given ? await TargetRepository.ReplaceWithinAsync(store, connection, transaction, framework.Code, given, cancellationToken) : null;
        if (load?.SourceName is { } source)
        {
            await AuditRepository.WriteAsync(store, connection, transaction, added.Select(v => new AuditEntry(
                0, changedBy, now, AuditTable, $"{framework.Code} v{v}", null, null, $"Version {v} loaded from {source}")), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new FrameworkSaveResult(framework.Code, added, plan.Unchanged, [])
        {
            Closed = plan.Closings.Select(c => c.Closing).ToList(),
            Moved = moved,
            OrgUnits = units,
            Targets = targets,
        };
    }

    /// <summary>Saves as <see cref="SaveAsync(Framework, string, CancellationToken)"/>, audited as the system.</summary>
    public Task<FrameworkSaveResult> SaveAsync(Framework framework, CancellationToken cancellationToken = default) =>
        SaveAsync(framework, SystemUser, cancellationToken);

    /// <summary>What <see cref="SaveAsync(Framework, string, CancellationToken)"/> would refuse, without writing anything.</summary>
    public async Task<IReadOnlyList<FrameworkVersionConflict>> CheckAsync(Framework framework, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (Offered(framework) is { Count: > 0 } offered)
        {
            return offered;
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        return (await PlanAsync(connection, null, framework, cancellationToken)).Conflicts;
    }

    /// <summary>The framework with every stored version, or null when there is none with that code.</summary>
    public async Task<Framework?> GetAsync(string code, CancellationToken cancellationToken = default) =>
        (await LoadAsync(code, cancellationToken)).SingleOrDefault();

    /// <summary>Every framework, each with its stored versions, by code.</summary>
    public Task<IReadOnlyList<Framework>> ListAsync(CancellationToken cancellationToken = default) => LoadAsync(null, cancellationToken);

    /// <summary>The SHA-256 (lower-case hex) of a version's content as the store computes it.</summary>
    public static string ContentSha256(FrameworkVersion version) => Sha256(Canonical(version));

    private async Task<IReadOnlyList<Framework>> LoadAsync(string? code, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var frameworks = await connection.QueryAsync<FrameworkRow>(new CommandDefinition(store.Sql(SelectFrameworks), new { Code = code }, cancellationToken: cancellationToken));
        var versions = (await ReadVersionsAsync(connection, null, code, cancellationToken)).ToLookup(v => v.FrameworkCode, StringComparer.Ordinal);
        return frameworks.Select(f => new Framework
        {
            Code = f.Code,
            Name = f.Name,
            AuthorityCode = f.AuthorityCode,
            Description = f.Description,
            ReturningLevel = f.ReturningLevel,
            ReturnDeadlineDays = (int)f.ReturnDeadlineDays,
            Versions = versions[f.Code].Select(v => v.ToVersion()).ToList(),
        }).ToList();
    }

    private async Task<IReadOnlyList<VersionRow>> ReadVersionsAsync(DbConnection connection, DbTransaction? transaction, string? code, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<VersionRow>(new CommandDefinition(store.Sql(SelectVersions), new { Code = code }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>
    /// The SHA-256 of a version's content without its closing date (effective_to): what may never change once stored.
    /// </summary>
    public static string DefinitionSha256(FrameworkVersion version) => Sha256(CanonicalDefinition(version));

    /// <summary>The version as it stands, closing date included, as one canonical JSON text (enums by name, fixed property order).</summary>
    private static string Canonical(FrameworkVersion v) =>
        Json.Write(new { v.FrameworkCode, v.Version, v.EffectiveFrom, v.EffectiveTo, Scheme = v.Scheme.ToString(), v.Notes, v.Measures, v.Rules });

    /// <summary>The content that makes a version what it is: everything but effective_to, which is set once when the version closes.</summary>
    private static string CanonicalDefinition(FrameworkVersion v) =>
        Json.Write(new { v.FrameworkCode, v.Version, v.EffectiveFrom, Scheme = v.Scheme.ToString(), v.Notes, v.Measures, v.Rules });

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record Definition(IReadOnlyList<Measure> Measures, IReadOnlyList<CrossMeasureRule> Rules);

    private sealed class FrameworkRow
    {
        public string Code { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string AuthorityCode { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        public string ReturningLevel { get; set; } = string.Empty;

        public long ReturnDeadlineDays { get; set; } = Framework.DefaultReturnDeadlineDays;
    }

    private sealed class VersionRow
    {
        public string FrameworkCode { get; set; } = string.Empty;

        public int Version { get; set; }

        public DateOnly EffectiveFrom { get; set; }

        public DateOnly? EffectiveTo { get; set; }

        public string Scheme { get; set; } = string.Empty;

        public string Notes { get; set; } = string.Empty;

        public string ContentSha256 { get; set; } = string.Empty;

        /// <summary>Null on rows stored before migration 0012.</summary>
        public string? DefinitionSha256 { get; set; }

        public string DefinitionJson { get; set; } = string.Empty;

        public FrameworkVersion ToVersion()
        {
            var definition = Json.Read<Definition>(DefinitionJson);
            return new FrameworkVersion
            {
                FrameworkCode = FrameworkCode,
                Version = Version,
                EffectiveFrom = EffectiveFrom,
                EffectiveTo = EffectiveTo,
                Scheme = Enum.Parse<RagScheme>(Scheme),
                Notes = Notes,
                Measures = definition.Measures,
                Rules = definition.Rules,
            };
        }
    }
}
