using System.Data.Common;
using Dapper;
using Outcomes.Domain.Observations;

namespace Outcomes.Storage.Repositories;

/// <summary>Reads observations. (Only <see cref="ReturnRepository.ImportAsync"/> writes them.)</summary>
public sealed class ObservationRepository(OutcomesStore store)
{
    private const string Columns = """
        o.return_version_id AS ReturnVersionId, o.org_unit_code AS OrgUnitCode, o.measure_code AS MeasureCode,
        o.period_type AS PeriodType, o.period_start AS PeriodStart, o.period_end AS PeriodEnd,
        o.value AS Value, o.numerator AS Numerator, o.denominator AS Denominator,
        o.suppression_reason AS SuppressionReason, o.commentary AS Commentary, o.dq_flag AS DataQualityFlag
        """;

    // The org-unit filter travels as one JSON array, so the statement text is the same for any number of codes
    // (and parses as plain T-SQL, unlike Dapper's IN @list expansion).
    internal static readonly ProviderSql SelectCurrent = new(
        "observations.select-current",
        $"""
        SELECT {Columns}
        FROM observations o
        JOIN return_versions rv ON rv.id = o.return_version_id
        JOIN returns r ON r.id = rv.return_id
        WHERE r.framework_code = @FrameworkCode
          AND rv.version_number = (SELECT MAX(v.version_number) FROM return_versions v WHERE v.return_id = r.id)
          AND (@OrgUnitCodes IS NULL OR o.org_unit_code IN (SELECT value FROM json_each(@OrgUnitCodes)))
        ORDER BY o.org_unit_code, o.measure_code, o.period_start, o.period_end;
        """,
        $"""
        SELECT {Columns}
        FROM observations o
        JOIN return_versions rv ON rv.id = o.return_version_id
        JOIN returns r ON r.id = rv.return_id
        WHERE r.framework_code = @FrameworkCode
          AND rv.version_number = (SELECT MAX(v.version_number) FROM return_versions v WHERE v.return_id = r.id)
          AND (@OrgUnitCodes IS NULL OR o.org_unit_code IN (SELECT j.[value] FROM OPENJSON(@OrgUnitCodes) j))
        ORDER BY o.org_unit_code, o.measure_code, o.period_start, o.period_end;
        """);

    internal static readonly ProviderSql SelectForVersion = new(
        "observations.select-for-version",
        $"""
        SELECT {Columns}
        FROM observations o
        WHERE o.return_version_id = @ReturnVersionId
        ORDER BY o.org_unit_code, o.measure_code, o.period_start, o.period_end;
        """);

    /// <summary>
    /// The observations of the framework's returns, each taken from the latest version of its return,
    /// optionally only for some org units (an empty collection gives nothing).
    /// </summary>
    public async Task<IReadOnlyList<Observation>> ListCurrentAsync(
        string frameworkCode, IReadOnlyCollection<string>? orgUnitCodes = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ObservationRow>(new CommandDefinition(
            store.Sql(SelectCurrent),
            new { FrameworkCode = frameworkCode, OrgUnitCodes = orgUnitCodes is null ? null : Json.Write(orgUnitCodes) },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToObservation()).ToList();
    }

    /// <summary>The observations of one stored return version.</summary>
    public async Task<IReadOnlyList<Observation>> ListForVersionAsync(long returnVersionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await ListForVersionAsync(store, connection, null, returnVersionId, cancellationToken);
    }

    internal static async Task<IReadOnlyList<Observation>> ListForVersionAsync(
        OutcomesStore store, DbConnection connection, DbTransaction? transaction, long returnVersionId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ObservationRow>(new CommandDefinition(
            store.Sql(SelectForVersion), new { ReturnVersionId = returnVersionId }, transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToObservation()).ToList();
    }

    private sealed class ObservationRow : PeriodRow
    {
        public long ReturnVersionId { get; set; }

        public string OrgUnitCode { get; set; } = string.Empty;

        public string MeasureCode { get; set; } = string.Empty;

        public decimal? Value { get; set; }

        public decimal? Numerator { get; set; }

        public decimal? Denominator { get; set; }

        public string? SuppressionReason { get; set; }

        public string? Commentary { get; set; }

        public string? DataQualityFlag { get; set; }

        public Observation ToObservation() => new()
        {
            ReturnVersionId = ReturnVersionId,
            OrgUnitCode = OrgUnitCode,
            MeasureCode = MeasureCode,
            Period = ToPeriod(),
            Value = Values.Normalise(Value),
            Numerator = Values.Normalise(Numerator),
            Denominator = Values.Normalise(Denominator),
            SuppressionReason = SuppressionReason,
            Commentary = Commentary,
            DataQualityFlag = DataQualityFlag,
        };
    }
}
