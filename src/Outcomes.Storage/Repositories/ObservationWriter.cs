using System.Data;
using System.Data.Common;
using Outcomes.Domain.Observations;

namespace Outcomes.Storage.Repositories;

/// <summary>
/// Writes observations inside an import's transaction through one prepared INSERT whose parameters are rebound for each
/// row (<see cref="ReturnRepository.InsertObservation"/>), rather than building a command per row: the difference between
/// a 100,000-row file storing in under a second and in several. Rows are buffered across the returns of a file and
/// written by <see cref="FlushAsync"/>, which the importer calls before it commits. Values are bound exactly as Dapper
/// binds them elsewhere (the same type handlers), so what is read back is the same.
/// </summary>
internal sealed class ObservationWriter(OutcomesStore store, DbConnection connection, DbTransaction transaction)
{
    private static readonly string[] Names =
    [
        "ReturnVersionId", "OrgUnitCode", "PeriodKey", "PeriodType", "PeriodStart", "PeriodEnd", "MeasureCode",
        "Value", "Numerator", "Denominator", "SuppressionReason", "Commentary", "DataQualityFlag",
    ];

    private static readonly TypeHandlers.DateOnlyHandler Dates = new();

    private readonly List<(long VersionId, Observation Observation)> _pending = [];

    public void Add(long versionId, IEnumerable<Observation> observations) =>
        _pending.AddRange(observations.Select(o => (versionId, o)));

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = store.Sql(ReturnRepository.InsertObservation);
        var p = Names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        p[0].DbType = DbType.Int64;
        foreach (var i in new[] { 1, 2, 3, 6, 10, 11, 12 })
        {
            p[i].DbType = DbType.String;
        }

        foreach (var i in new[] { 7, 8, 9 })
        {
            p[i].DbType = DbType.Decimal;
        }

        await command.PrepareAsync(cancellationToken);
        foreach (var (versionId, o) in _pending)
        {
            p[0].Value = versionId;
            p[1].Value = o.OrgUnitCode;
            p[2].Value = o.Period.Key;
            p[3].Value = o.Period.Type.ToString();
            Dates.SetValue(p[4], o.Period.Start);
            Dates.SetValue(p[5], o.Period.End);
            p[6].Value = o.MeasureCode;
            p[7].Value = (object?)o.Value ?? DBNull.Value;
            p[8].Value = (object?)o.Numerator ?? DBNull.Value;
            p[9].Value = (object?)o.Denominator ?? DBNull.Value;
            p[10].Value = (object?)o.SuppressionReason ?? DBNull.Value;
            p[11].Value = (object?)o.Commentary ?? DBNull.Value;
            p[12].Value = (object?)o.DataQualityFlag ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        _pending.Clear();
    }
}
