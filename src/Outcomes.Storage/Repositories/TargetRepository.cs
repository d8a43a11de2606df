using System.Data.Common;
using Dapper;
using Outcomes.Domain.Targets;

namespace Outcomes.Storage.Repositories;

/// <summary>Targets for a framework's measures, replaced as a set (they come from one targets sheet).</summary>
public sealed class TargetRepository(OutcomesStore store)
{
    internal static readonly ProviderSql DeleteForFramework = new(
        "targets.delete-for-framework",
        "DELETE FROM targets WHERE framework_code = @FrameworkCode;");

    internal static readonly ProviderSql Insert = new(
        "targets.insert",
        """
        INSERT INTO targets
            (framework_code, measure_code, org_unit_code, valid_from, valid_to, value, stretch, tolerance, tolerance_kind, source, set_on, set_by,
             phasing, phasing_profile, baseline_value, baseline_date, target_date, use_confidence_interval)
        VALUES
            (@FrameworkCode, @MeasureCode, @OrgUnitCode, @From, @To, @Value, @Stretch, @Tolerance, @ToleranceKind, @Source, @SetOn, @SetBy,
             @Phasing, @PhasingProfile, @BaselineValue, @BaselineDate, @TargetDate, @UseConfidenceInterval);
        """);

    internal static readonly ProviderSql Select = new(
        "targets.select",
        """
        SELECT framework_code AS FrameworkCode, measure_code AS MeasureCode, org_unit_code AS OrgUnitCode,
               valid_from AS ValidFrom, valid_to AS ValidTo, value AS Value, stretch AS Stretch, tolerance AS Tolerance,
               tolerance_kind AS ToleranceKind, source AS Source, set_on AS SetOn, set_by AS SetBy,
               phasing AS Phasing, phasing_profile AS PhasingProfile, baseline_value AS BaselineValue, baseline_date AS BaselineDate,
               target_date AS TargetDate, use_confidence_interval AS UseConfidenceInterval
        FROM targets
        WHERE framework_code = @FrameworkCode
        ORDER BY measure_code, org_unit_code, valid_from, id;
        """);

    /// <summary>
    /// Replaces every target of <paramref name="frameworkCode"/> with <paramref name="targets"/> in one transaction.
    /// Targets naming another framework are refused. Returns the number stored.
    /// </summary>
    public async Task<int> ReplaceForFrameworkAsync(string frameworkCode, IEnumerable<Target> targets, CancellationToken cancellationToken = default)
    {
        var list = targets.ToList();
        var stray = list.FirstOrDefault(t => !string.Equals(t.FrameworkCode, frameworkCode, StringComparison.Ordinal));
        if (stray is not null)
        {
            throw new ArgumentException($"A target for framework '{stray.FrameworkCode}' was passed to replace the targets of '{frameworkCode}'.", nameof(targets));
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = await ReplaceWithinAsync(store, connection, transaction, frameworkCode, list, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>As <see cref="ReplaceForFrameworkAsync"/>, inside the caller's transaction (targets checked by the caller).</summary>
    internal static async Task<int> ReplaceWithinAsync(
        OutcomesStore store, DbConnection connection, DbTransaction transaction, string frameworkCode, IReadOnlyList<Target> list, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(store.Sql(DeleteForFramework), new { FrameworkCode = frameworkCode }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(Insert),
            list.Select(t => new
            {
                t.FrameworkCode,
                t.MeasureCode,
                t.OrgUnitCode,
                t.From,
                t.To,
                t.Value,
                t.Stretch,
                t.Tolerance,
                ToleranceKind = t.ToleranceKind.ToString(),
                Source = t.Source.ToString(),
                t.SetOn,
                t.SetBy,
                Phasing = t.Phasing == TargetPhasing.None ? null : t.Phasing.ToString(),
                PhasingProfile = t.Profile?.ToString(),
                t.BaselineValue,
                t.BaselineDate,
                t.TargetDate,
                UseConfidenceInterval = t.UseConfidenceInterval,
            }).ToList(),
            transaction,
            cancellationToken: cancellationToken));
        return list.Count;
    }

    public async Task<IReadOnlyList<Target>> ListAsync(string frameworkCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TargetRow>(new CommandDefinition(store.Sql(Select), new { FrameworkCode = frameworkCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new Target
        {
            FrameworkCode = r.FrameworkCode,
            MeasureCode = r.MeasureCode,
            OrgUnitCode = r.OrgUnitCode,
            From = r.ValidFrom,
            To = r.ValidTo,
            Value = Values.Normalise(r.Value),
            Stretch = Values.Normalise(r.Stretch),
            Tolerance = Values.Normalise(r.Tolerance),
            ToleranceKind = Enum.Parse<ToleranceKind>(r.ToleranceKind),
            Source = Enum.Parse<TargetSource>(r.Source),
            SetOn = r.SetOn,
            SetBy = r.SetBy,
            Phasing = r.Phasing is null ? TargetPhasing.None : Enum.Parse<TargetPhasing>(r.Phasing),
            Profile = r.PhasingProfile is null ? null : PhasingProfile.Parse(r.PhasingProfile),
            BaselineValue = Values.Normalise(r.BaselineValue),
            BaselineDate = r.BaselineDate,
            TargetDate = r.TargetDate,
            UseConfidenceInterval = r.UseConfidenceInterval ?? false,
        }).ToList();
    }

    private sealed class TargetRow
    {
        public string FrameworkCode { get; set; } = string.Empty;

        public string MeasureCode { get; set; } = string.Empty;

        public string? OrgUnitCode { get; set; }

        public DateOnly? ValidFrom { get; set; }

        public DateOnly? ValidTo { get; set; }

        public decimal Value { get; set; }

        public decimal? Stretch { get; set; }

        public decimal Tolerance { get; set; }

        public string ToleranceKind { get; set; } = string.Empty;

        public string Source { get; set; } = string.Empty;

        public DateOnly? SetOn { get; set; }

        public string? SetBy { get; set; }

        public string? Phasing { get; set; }

        public string? PhasingProfile { get; set; }

        public decimal? BaselineValue { get; set; }

        public DateOnly? BaselineDate { get; set; }

        public DateOnly? TargetDate { get; set; }

        public bool? UseConfidenceInterval { get; set; }
    }
}
