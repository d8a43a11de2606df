using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Outcomes.Storage;

/// <summary>
/// Dapper does not map <see cref="DateOnly"/> on every provider, and SQLite hands dates, times and
/// decimals back as TEXT. These handlers make both providers read the same CLR values.
/// </summary>
internal static class TypeHandlers
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    /// <summary>Dates as ISO "yyyy-MM-dd" TEXT in SQLite (sorts and compares correctly), DATE in SQL Server.</summary>
    internal sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value.ToDateTime(TimeOnly.MinValue);
            }
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            string s => DateOnly.ParseExact(s.Length > 10 ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new InvalidCastException($"Cannot read a date from {value.GetType().Name} '{value}'."),
        };
    }

    /// <summary>SQLite stores DateTimeOffset as ISO text with its offset; SQL Server as DATETIMEOFFSET.</summary>
    internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("O", CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = value;
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset d => d,
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => throw new InvalidCastException($"Cannot read a date and time from {value.GetType().Name} '{value}'."),
        };
    }
}

/// <summary>Small conversions shared by the repositories.</summary>
internal static class Values
{
    /// <summary>
    /// Strips trailing zeros (SQL Server DECIMAL(19,6) returns 51.050000, SQLite "5.0"), so a value
    /// reads back as it was written on either provider.
    /// </summary>
    public static decimal? Normalise(decimal? value) => value is { } v ? Normalise(v) : null;

    public static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;

    // Decimals: Microsoft.Data.Sqlite binds decimal parameters as invariant TEXT, and every decimal column in
    // sql/sqlite is declared TEXT (TEXT affinity keeps it text), so 51.05 is stored as "51.05", never as a REAL
    // 51.04999…; Dapper reads it back with an invariant conversion. SQL Server stores DECIMAL(19,6).
}
