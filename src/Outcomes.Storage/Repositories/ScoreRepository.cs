using Dapper;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;

namespace Outcomes.Storage.Repositories;

/// <summary>Scores computed by Outcomes.Scoring, stored so packs and pages read the same judgements.</summary>
public sealed class ScoreRepository(OutcomesStore store)
{
    internal static readonly ProviderSql DeleteForPeriod = new(
        "scores.delete-for-period",
        """
        DELETE FROM scores
        WHERE framework_code = @FrameworkCode AND period_type = @PeriodType AND period_start = @PeriodStart AND period_end = @PeriodEnd;
        """);

    internal static readonly ProviderSql Insert = new(
        "scores.insert",
        """
        INSERT INTO scores
            (framework_code, measure_code, org_unit_code, period_key, period_type, period_start, period_end,
             actual, numerator, denominator, suppression_reason, target, status, direction_from_previous, direction_from_last_year,
             previous_value, lower_ci, upper_ci, comparator, compared_with_england, explanation, commentary, data_quality_flag,
             band, england_significance, spc_variation, spc_assurance, spc_special_cause, spc_mean, spc_lower, spc_upper,
             spc_points, spc_trial, spc_explanation, recent_trend, recent_trend_explanation, peer_quintile, funnel_position)
        VALUES
            (@FrameworkCode, @MeasureCode, @OrgUnitCode, @PeriodKey, @PeriodType, @PeriodStart, @PeriodEnd,
             @Actual, @Numerator, @Denominator, @SuppressionReason, @Target, @Status, @DirectionFromPrevious, @DirectionFromLastYear,
             @PreviousValue, @LowerCi, @UpperCi, @Comparator, @ComparedWithEngland, @Explanation, @Commentary, @DataQualityFlag,
             @Band, @EnglandSignificance, @SpcVariation, @SpcAssurance, @SpcSpecialCause, @SpcMean, @SpcLower, @SpcUpper,
             @SpcPoints, @SpcTrial, @SpcExplanation, @RecentTrend, @RecentTrendExplanation, @PeerQuintile, @FunnelPosition);
        """);

    internal static readonly ProviderSql Select = new(
        "scores.select",
        """
        SELECT framework_code AS FrameworkCode, measure_code AS MeasureCode, org_unit_code AS OrgUnitCode,
               period_type AS PeriodType, period_start AS PeriodStart, period_end AS PeriodEnd,
               actual AS Actual, numerator AS Numerator, denominator AS Denominator, suppression_reason AS SuppressionReason,
               target AS Target, status AS Status, direction_from_previous AS DirectionFromPrevious,
               direction_from_last_year AS DirectionFromLastYear, previous_value AS PreviousValue,
               lower_ci AS LowerCi, upper_ci AS UpperCi, comparator AS Comparator, compared_with_england AS ComparedWithEngland,
               explanation AS Explanation, commentary AS Commentary, data_quality_flag AS DataQualityFlag,
               band AS Band, england_significance AS EnglandSignificance, spc_variation AS SpcVariation, spc_assurance AS SpcAssurance,
               spc_special_cause AS SpcSpecialCause, spc_mean AS SpcMean, spc_lower AS SpcLower, spc_upper AS SpcUpper,
               spc_points AS SpcPoints, spc_trial AS SpcTrial, spc_explanation AS SpcExplanation, recent_trend AS RecentTrend,
               recent_trend_explanation AS RecentTrendExplanation, peer_quintile AS PeerQuintile, funnel_position AS FunnelPosition
        FROM scores
        WHERE framework_code = @FrameworkCode
          AND (@PeriodType IS NULL OR (period_type = @PeriodType AND period_start = @PeriodStart AND period_end = @PeriodEnd))
          AND (@OrgUnitCode IS NULL OR org_unit_code = @OrgUnitCode)
        ORDER BY period_start, period_end, org_unit_code, measure_code;
        """);

    /// <summary>
    /// Replaces the framework's scores for every period present in <paramref name="scores"/> (a scoring run for a
    /// period is the whole truth for that period); other periods are kept. One transaction. Returns the rows stored.
    /// </summary>
    public async Task<int> ReplaceAsync(string frameworkCode, IEnumerable<Score> scores, CancellationToken cancellationToken = default)
    {
        var list = scores.ToList();
        var stray = list.FirstOrDefault(s => !string.Equals(s.FrameworkCode, frameworkCode, StringComparison.Ordinal));
        if (stray is not null)
        {
            throw new ArgumentException($"A score for framework '{stray.FrameworkCode}' was passed to replace the scores of '{frameworkCode}'.", nameof(scores));
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(DeleteForPeriod),
            list.Select(s => s.Period).Distinct().Select(p => new { FrameworkCode = frameworkCode, PeriodType = p.Type.ToString(), PeriodStart = p.Start, PeriodEnd = p.End }).ToList(),
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            store.Sql(Insert),
            list.Select(s => new
            {
                s.FrameworkCode,
                s.MeasureCode,
                s.OrgUnitCode,
                PeriodKey = s.Period.Key,
                PeriodType = s.Period.Type.ToString(),
                PeriodStart = s.Period.Start,
                PeriodEnd = s.Period.End,
                s.Actual,
                s.Numerator,
                s.Denominator,
                s.SuppressionReason,
                s.Target,
                Status = s.Status.ToString(),
                DirectionFromPrevious = s.DirectionFromPrevious.ToString(),
                DirectionFromLastYear = s.DirectionFromLastYear.ToString(),
                s.PreviousValue,
                s.LowerCi,
                s.UpperCi,
                s.Comparator,
                ComparedWithEngland = s.ComparedWithEngland.ToString(),
                s.Explanation,
                s.Commentary,
                s.DataQualityFlag,
                s.Band,
                EnglandSignificance = s.EnglandSignificance.ToString(),
                SpcVariation = s.Spc?.Variation.ToString(),
                SpcAssurance = s.Spc?.Assurance.ToString(),
                SpcSpecialCause = s.Spc?.IsSpecialCause,
                SpcMean = s.Spc?.Mean,
                SpcLower = s.Spc?.Lower,
                SpcUpper = s.Spc?.Upper,
                SpcPoints = s.Spc?.Points,
                SpcTrial = s.Spc?.IsTrial,
                SpcExplanation = s.Spc?.Explanation,
                RecentTrend = s.RecentTrend.ToString(),
                s.RecentTrendExplanation,
                s.PeerQuintile,
                FunnelPosition = s.FunnelPosition.ToString(),
            }).ToList(),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return list.Count;
    }

    public async Task<IReadOnlyList<Score>> ListAsync(string frameworkCode, Period? period = null, string? orgUnitCode = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScoreRow>(new CommandDefinition(
            store.Sql(Select),
            new
            {
                FrameworkCode = frameworkCode,
                PeriodType = period?.Type.ToString(),
                PeriodStart = period?.Start,
                PeriodEnd = period?.End,
                OrgUnitCode = orgUnitCode,
            },
            cancellationToken: cancellationToken));
        return rows.Select(r => new Score
        {
            FrameworkCode = r.FrameworkCode,
            MeasureCode = r.MeasureCode,
            OrgUnitCode = r.OrgUnitCode,
            Period = r.ToPeriod(),
            Actual = Values.Normalise(r.Actual),
            Numerator = Values.Normalise(r.Numerator),
            Denominator = Values.Normalise(r.Denominator),
            SuppressionReason = r.SuppressionReason,
            Target = Values.Normalise(r.Target),
            Status = Enum.Parse<RagStatus>(r.Status),
            DirectionFromPrevious = Enum.Parse<Direction>(r.DirectionFromPrevious),
            DirectionFromLastYear = Enum.Parse<Direction>(r.DirectionFromLastYear),
            PreviousValue = Values.Normalise(r.PreviousValue),
            LowerCi = Values.Normalise(r.LowerCi),
            UpperCi = Values.Normalise(r.UpperCi),
            Comparator = Values.Normalise(r.Comparator),
            ComparedWithEngland = Enum.Parse<BenchmarkComparison>(r.ComparedWithEngland),
            Explanation = r.Explanation,
            Commentary = r.Commentary,
            DataQualityFlag = r.DataQualityFlag,
            Band = r.Band,
            EnglandSignificance = Enum.Parse<BenchmarkSignificance>(r.EnglandSignificance),
            Spc = r.SpcVariation is null ? null : new SpcAtPoint
            {
                Variation = Enum.Parse<SpcVariation>(r.SpcVariation),
                Assurance = Enum.Parse<SpcAssurance>(r.SpcAssurance ?? nameof(SpcAssurance.None)),
                IsSpecialCause = r.SpcSpecialCause == true,
                Mean = Values.Normalise(r.SpcMean) ?? 0m,
                Lower = Values.Normalise(r.SpcLower) ?? 0m,
                Upper = Values.Normalise(r.SpcUpper) ?? 0m,
                Points = r.SpcPoints ?? 0,
                IsTrial = r.SpcTrial == true,
                Explanation = r.SpcExplanation ?? string.Empty,
            },
            RecentTrend = Enum.Parse<RecentTrendOutcome>(r.RecentTrend),
            RecentTrendExplanation = r.RecentTrendExplanation,
            PeerQuintile = r.PeerQuintile,
            FunnelPosition = Enum.Parse<FunnelPosition>(r.FunnelPosition),
        }).ToList();
    }

    private sealed class ScoreRow : PeriodRow
    {
        public string FrameworkCode { get; set; } = string.Empty;

        public string MeasureCode { get; set; } = string.Empty;

        public string OrgUnitCode { get; set; } = string.Empty;

        public decimal? Actual { get; set; }

        public decimal? Numerator { get; set; }

        public decimal? Denominator { get; set; }

        public string? SuppressionReason { get; set; }

        public decimal? Target { get; set; }

        public string Status { get; set; } = string.Empty;

        public string DirectionFromPrevious { get; set; } = string.Empty;

        public string DirectionFromLastYear { get; set; } = string.Empty;

        public decimal? PreviousValue { get; set; }

        public decimal? LowerCi { get; set; }

        public decimal? UpperCi { get; set; }

        public decimal? Comparator { get; set; }

        public string ComparedWithEngland { get; set; } = string.Empty;

        public string Explanation { get; set; } = string.Empty;

        public string? Commentary { get; set; }

        public string? DataQualityFlag { get; set; }

        public string? Band { get; set; }

        public string EnglandSignificance { get; set; } = nameof(BenchmarkSignificance.NotCompared);

        public string? SpcVariation { get; set; }

        public string? SpcAssurance { get; set; }

        public bool? SpcSpecialCause { get; set; }

        public decimal? SpcMean { get; set; }

        public decimal? SpcLower { get; set; }

        public decimal? SpcUpper { get; set; }

        public int? SpcPoints { get; set; }

        public bool? SpcTrial { get; set; }

        public string? SpcExplanation { get; set; }

        public string RecentTrend { get; set; } = nameof(RecentTrendOutcome.NotCalculable);

        public string? RecentTrendExplanation { get; set; }

        public int? PeerQuintile { get; set; }

        public string FunnelPosition { get; set; } = nameof(Domain.Scores.FunnelPosition.NotCalculable);
    }
}
