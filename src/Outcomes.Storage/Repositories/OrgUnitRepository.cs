using System.Data.Common;
using Dapper;
using Outcomes.Domain.OrgUnits;

namespace Outcomes.Storage.Repositories;

/// <summary>Org units and their parent links through time.</summary>
public sealed class OrgUnitRepository(OutcomesStore store)
{
    internal static readonly ProviderSql UpsertUnit = new(
        "org-units.upsert",
        """
        INSERT INTO org_units (code, name, type, authority_code, gss_code, opened_on, closed_on, successor_code)
        VALUES (@Code, @Name, @Type, @AuthorityCode, @GssCode, @OpenedOn, @ClosedOn, @SuccessorCode)
        ON CONFLICT (code) DO UPDATE SET
            name = excluded.name,
            type = excluded.type,
            authority_code = excluded.authority_code,
            gss_code = excluded.gss_code,
            opened_on = excluded.opened_on,
            closed_on = excluded.closed_on,
            successor_code = excluded.successor_code;
        """,
        """
        MERGE dbo.org_units WITH (HOLDLOCK) AS t
        USING (VALUES (@Code, @Name, @Type, @AuthorityCode, @GssCode, CAST(@OpenedOn AS DATE), CAST(@ClosedOn AS DATE), @SuccessorCode))
            AS s (code, name, type, authority_code, gss_code, opened_on, closed_on, successor_code)
        ON t.code = s.code
        WHEN MATCHED THEN UPDATE SET
            name = s.name,
            type = s.type,
            authority_code = s.authority_code,
            gss_code = s.gss_code,
            opened_on = s.opened_on,
            closed_on = s.closed_on,
            successor_code = s.successor_code
        WHEN NOT MATCHED THEN
            INSERT (code, name, type, authority_code, gss_code, opened_on, closed_on, successor_code)
            VALUES (s.code, s.name, s.type, s.authority_code, s.gss_code, s.opened_on, s.closed_on, s.successor_code);
        """);

    internal static readonly ProviderSql DeleteLinksOfChild = new(
        "org-unit-links.delete-for-child",
        "DELETE FROM org_unit_links WHERE child_code = @ChildCode;");

    internal static readonly ProviderSql InsertLink = new(
        "org-unit-links.insert",
        """
        INSERT INTO org_unit_links (child_code, parent_code, valid_from, valid_to)
        VALUES (@ChildCode, @ParentCode, @From, @To);
        """);

    internal static readonly ProviderSql SelectUnits = new(
        "org-units.select",
        """
        SELECT code AS Code, name AS Name, type AS Type, authority_code AS AuthorityCode, gss_code AS GssCode,
               opened_on AS OpenedOn, closed_on AS ClosedOn, successor_code AS SuccessorCode
        FROM org_units
        WHERE @AuthorityCode IS NULL OR authority_code = @AuthorityCode
        ORDER BY code;
        """);

    internal static readonly ProviderSql SelectLinks = new(
        "org-unit-links.select",
        """
        SELECT l.child_code AS ChildCode, l.parent_code AS ParentCode, l.valid_from AS ValidFrom, l.valid_to AS ValidTo
        FROM org_unit_links l
        JOIN org_units u ON u.code = l.child_code
        WHERE @AuthorityCode IS NULL OR u.authority_code = @AuthorityCode
        ORDER BY l.child_code, l.valid_from, l.id;
        """);

    /// <summary>
    /// Inserts or updates <paramref name="units"/> by code, then, for every child named in <paramref name="links"/>,
    /// replaces that child's stored links with the ones given (the links passed are a child's whole history).
    /// Children not named keep their links. One transaction. Returns the number of units written.
    /// </summary>
    public async Task<int> UpsertAsync(IEnumerable<OrgUnit> units, IEnumerable<OrgUnitLink> links, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await UpsertWithinAsync(store, connection, transaction, units, links, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>As <see cref="UpsertAsync"/>, inside the caller's transaction (a framework load stores its units with its versions).</summary>
    internal static async Task<int> UpsertWithinAsync(
        OutcomesStore store, DbConnection connection, DbTransaction transaction, IEnumerable<OrgUnit> units, IEnumerable<OrgUnitLink> links, CancellationToken cancellationToken)
    {
        var unitList = units.ToList();
        var linkList = links.ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(UpsertUnit),
            unitList.Select(u => new
            {
                u.Code,
                u.Name,
                Type = u.Type.ToString(),
                u.AuthorityCode,
                u.GssCode,
                u.OpenedOn,
                u.ClosedOn,
                u.SuccessorCode,
            }).ToList(),
            transaction,
            cancellationToken: cancellationToken));

        var children = linkList.Select(l => l.ChildCode).Distinct(StringComparer.OrdinalIgnoreCase).Select(c => new { ChildCode = c }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(store.Sql(DeleteLinksOfChild), children, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(store.Sql(InsertLink), linkList, transaction, cancellationToken: cancellationToken));
        return unitList.Count;
    }

    /// <summary>The units (open and closed) and links of one authority, or of every authority when null.</summary>
    public async Task<OrgUnitHierarchy> LoadHierarchyAsync(string? authorityCode = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var args = new { AuthorityCode = authorityCode };
        var units = await connection.QueryAsync<UnitRow>(new CommandDefinition(store.Sql(SelectUnits), args, cancellationToken: cancellationToken));
        var links = await connection.QueryAsync<LinkRow>(new CommandDefinition(store.Sql(SelectLinks), args, cancellationToken: cancellationToken));
        return new OrgUnitHierarchy(
            units.Select(u => new OrgUnit(u.Code, u.Name, Enum.Parse<OrgUnitType>(u.Type), u.AuthorityCode, u.GssCode, u.OpenedOn, u.ClosedOn, u.SuccessorCode)),
            links.Select(l => new OrgUnitLink(l.ChildCode, l.ParentCode, l.ValidFrom, l.ValidTo)));
    }

    private sealed class UnitRow
    {
        public string Code { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string Type { get; set; } = string.Empty;

        public string AuthorityCode { get; set; } = string.Empty;

        public string? GssCode { get; set; }

        public DateOnly? OpenedOn { get; set; }

        public DateOnly? ClosedOn { get; set; }

        public string? SuccessorCode { get; set; }
    }

    private sealed class LinkRow
    {
        public string ChildCode { get; set; } = string.Empty;

        public string ParentCode { get; set; } = string.Empty;

        public DateOnly? ValidFrom { get; set; }

        public DateOnly? ValidTo { get; set; }
    }
}
