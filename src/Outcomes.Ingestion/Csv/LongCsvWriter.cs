using System.Text;
using Outcomes.Domain.Returns;

namespace Outcomes.Ingestion.Csv;

/// <summary>
/// Writes returns as a long CSV that <see cref="CsvReturnReader"/> reads back: UTF-8 without a byte-order mark, CRLF,
/// rows in measure order. The text depends only on the observations, so the same figures always give the same bytes:
/// imports store each return of a multi-return file as this text, which makes an unchanged quarter in a re-sent file
/// recognisable (same SHA-256) and changes nothing.
/// </summary>
public static class LongCsvWriter
{
    public const string Header = "org_unit_code,period,measure_code,value,numerator,denominator,commentary,data_quality_flag";

    public static byte[] Write(IEnumerable<QuarterlyReturn> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var ret in returns)
        {
            foreach (var o in ret.Observations.OrderBy(o => o.MeasureCode, StringComparer.Ordinal))
            {
                text.AppendJoin(',', [
                    Quote(ret.OrgUnitCode),
                    Quote(ret.Period.Key),
                    Quote(o.MeasureCode),
                    Quote(o.SuppressionReason ?? (o.Value is { } v ? CsvReturnReader.Invariant(v) : string.Empty)),
                    Quote(o.Numerator is { } n ? CsvReturnReader.Invariant(n) : string.Empty),
                    Quote(o.Denominator is { } d ? CsvReturnReader.Invariant(d) : string.Empty),
                    Quote(o.Commentary ?? string.Empty),
                    Quote(o.DataQualityFlag ?? string.Empty)]).Append("\r\n");
            }
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field != field.Trim()
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;
}
