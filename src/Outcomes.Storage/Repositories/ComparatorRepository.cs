using Dapper;
using Outcomes.Domain.Comparators;

namespace Outcomes.Storage.Repositories;

/// <summary>Published England / region / authority values, keyed by indicator × area × breakdown × period.</summary>
public sealed class ComparatorRepository(OutcomesStore store)
{
    internal static readonly ProviderSql Upsert = new(
        "comparators.upsert",
        """
        INSERT INTO comparators
            (indicator_code, area_code, area_name, level, period_key, period_type, period_start, period_end,
             breakdown, value, numerator, denominator, suppression)
        VALUES
            (@IndicatorCode, @AreaCode, @AreaName, @Level, @PeriodKey, @PeriodType, @PeriodStart, @PeriodEnd,
             @Breakdown, @Value, @Numerator, @Denominator, @Suppression)
        ON CONFLICT (indicator_code, area_code, breakdown, period_type, period_start, period_end) DO UPDATE SET
            area_name = excluded.area_name,
            level = excluded.level,
            period_key = excluded.period_key,
            value = excluded.value,
            numerator = excluded.numerator,
            denominator = excluded.denominator,
            suppression = excluded.suppression;
        """,
        """
        MERGE dbo.comparators WITH (HOLDLOCK) AS t
        USING (VALUES (@IndicatorCode, @AreaCode, @AreaName, @Level, @PeriodKey, @PeriodType, CAST(@PeriodStart AS DATE), CAST(@PeriodEnd AS DATE),
                       @Breakdown, CAST(@Value AS DECIMAL(19, 6)), CAST(@Numerator AS DECIMAL(19, 6)), CAST(@Denominator AS DECIMAL(19, 6)), @Suppression))
            AS s (indicator_code, area_code, area_name, level, period_key, period_type, period_start, period_end,
                  breakdown, value, numerator, denominator, suppression)
        ON t.indicator_code = s.indicator_code AND t.area_code = s.area_code AND t.breakdown = s.breakdown
           AND t.period_type = s.period_type AND t.period_start = s.period_start AND t.period_end = s.period_end
        WHEN MATCHED THEN UPDATE SET
            area_name = s.area_name,
            level = s.level,
            period_key = s.period_key,
            value = s.value,
            numerator = s.numerator,
            denominator = s.denominator,
            suppression = s.suppression
        WHEN NOT MATCHED THEN
            INSERT (indicator_code, area_code, area_name, level, period_key, period_type, period_start, period_end,
                    breakdown, value, numerator, denominator, suppression)
            VALUES (s.indicator_code, s.area_code, s.area_name, s.level, s.period_key, s.period_type, s.period_start, s.period_end,
                    s.breakdown, s.value, s.numerator, s.denominator, s.suppression);
        """);

    internal static readonly ProviderSql Select = new(
        "comparators.select",
        """
        SELECT indicator_code AS IndicatorCode, area_code AS AreaCode, area_name AS AreaName, level AS Level,
               period_type AS PeriodType, period_start AS PeriodStart, period_end AS PeriodEnd, breakdown AS Breakdown,
               value AS Value, numerator AS Numerator, denominator AS Denominator, suppression AS Suppression
        FROM comparators
        WHERE indicator_code = @IndicatorCode
          AND (@AreaCode IS NULL OR area_code = @AreaCode)
        ORDER BY area_code, breakdown, period_start, period_end;
        """);

    /// <summary>Inserts or updates each value by indicator × area × breakdown × period. Returns the rows written.</summary>
    public async Task<int> UpsertAsync(IEnumerable<ComparatorValue> values, CancellationToken cancellationToken = default)
    {
        var rows = values.Select(v => new
        {
            v.IndicatorCode,
            v.AreaCode,
            v.AreaName,
            Level = v.Level.ToString(),
            PeriodKey = v.Period.Key,
            PeriodType = v.Period.Type.ToString(),
            PeriodStart = v.Period.Start,
            PeriodEnd = v.Period.End,
            v.Breakdown,
            v.Value,
            v.Numerator,
            v.Denominator,
            Suppression = v.SuppressionReason,
        }).ToList();
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(store.Sql(Upsert), rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    public async Task<IReadOnlyList<ComparatorValue>> ListAsync(string indicatorCode, string? areaCode = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ComparatorRow>(new CommandDefinition(
            store.Sql(Select), new { IndicatorCode = indicatorCode, AreaCode = areaCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new ComparatorValue
        {
            IndicatorCode = r.IndicatorCode,
            AreaCode = r.AreaCode,
            AreaName = r.AreaName,
            Level = Enum.Parse<GeographicLevel>(r.Level),
            Period = r.ToPeriod(),
            Breakdown = r.Breakdown,
            Value = Values.Normalise(r.Value),
            Numerator = Values.Normalise(r.Numerator),
            Denominator = Values.Normalise(r.Denominator),
            SuppressionReason = r.Suppression,
        }).ToList();
    }

    private sealed class ComparatorRow : PeriodRow
    {
        public string IndicatorCode { get; set; } = string.Empty;

        public string AreaCode { get; set; } = string.Empty;

        public string AreaName { get; set; } = string.Empty;

        public string Level { get; set; } = string.Empty;

        public string Breakdown { get; set; } = string.Empty;

        public decimal? Value { get; set; }

        public decimal? Numerator { get; set; }

        public decimal? Denominator { get; set; }

        public string? Suppression { get; set; }
    }
}
