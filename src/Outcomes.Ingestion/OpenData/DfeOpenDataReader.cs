using System.Globalization;
using System.Text;
using Outcomes.Domain.Comparators;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Periods;
using Outcomes.Ingestion.Issues;

namespace Outcomes.Ingestion.OpenData;

/// <summary>Comparator values read from a DfE file, with every problem found (row numbers count the header as row 1).</summary>
public sealed record DfeReadResult(IReadOnlyList<ComparatorValue> Values, IReadOnlyList<ImportIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.IsError);
}

/// <summary>
/// Reads DfE tidy open-data CSVs (time_period, time_identifier, geographic_level, country_code, region_code,
/// new_la_code, la_name, then filters and indicators) into <see cref="ComparatorValue"/>s, using a
/// <see cref="DfeIndicatorMapping"/> to say which columns make which indicator. National, regional and local-authority
/// rows are read; other levels are skipped with one warning each. Suppression codes become a reason with no value,
/// never zero. Bad rows become issues; the rest of the file is still read.
/// </summary>
public static class DfeOpenDataReader
{
    private static readonly string[] RequiredColumns = ["time_period", "time_identifier", "geographic_level", "country_code"];

    public static DfeReadResult Read(string path, DfeIndicatorMapping mapping)
    {
        using var stream = File.OpenRead(path);
        return Read(Path.GetFileName(path), stream, mapping);
    }

    public static DfeReadResult Read(string fileName, Stream csv, DfeIndicatorMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(mapping);

        var issues = new List<ImportIssue>();
        var values = new List<ComparatorValue>();
        using var reader = new StreamReader(csv, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var records = CsvRecords.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            issues.Add(ImportIssue.ForFile(fileName, "file.empty", "the file is empty: expected a DfE open-data CSV with a header row"));
            return new DfeReadResult(values, issues);
        }

        var header = records.Current.Fields.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var column = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            column.TryAdd(header[i], i);
        }

        var missing = RequiredColumns.Where(c => !column.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            issues.Add(ImportIssue.ForFile(
                fileName,
                "dfe.not-tidy-data",
                $"this is not a DfE tidy open-data file: the header has no {string.Join(", ", missing)} column(s)"));
            return new DfeReadResult(values, issues);
        }

        var indicators = new List<DfeIndicator>();
        foreach (var indicator in mapping.Indicators)
        {
            var needed = new[] { indicator.ValueColumn, indicator.NumeratorColumn, indicator.DenominatorColumn, indicator.BreakdownColumn }
                .Concat(indicator.Filters.Keys)
                .OfType<string>()
                .Where(c => !column.ContainsKey(c))
                .ToList();
            if (needed.Count > 0)
            {
                issues.Add(ImportIssue.At(fileName, null, null, 1, indicator.Code, "dfe.missing-column", IssueSeverity.Error,
                    $"indicator {indicator.Code} needs column(s) {string.Join(", ", needed)}, which the file does not have"));
            }
            else
            {
                indicators.Add(indicator);
            }
        }

        var seen = new HashSet<(string, string, Period, string)>();
        var skippedLevels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (records.MoveNext())
        {
            var record = records.Current;
            var row = record.Line;
            if (record.Fields.Count != header.Count)
            {
                issues.Add(RowIssue(fileName, row, null, "dfe.field-count", IssueSeverity.Error,
                    $"has {record.Fields.Count} fields but the header has {header.Count}; the row was skipped"));
                continue;
            }

            string Field(string name) => column.TryGetValue(name, out var i) ? record.Fields[i].Trim() : string.Empty;

            var levelText = Field("geographic_level");
            if (!TryLevel(levelText, out var level))
            {
                if (skippedLevels.Add(levelText))
                {
                    issues.Add(RowIssue(fileName, row, null, "dfe.level-skipped", IssueSeverity.Warning,
                        $"rows at geographic level '{levelText}' are not read (only National, Regional and Local authority); this is the first"));
                }

                continue;
            }

            if (!PeriodParser.TryParseDfe(Field("time_period"), Field("time_identifier"), out var period, out var periodError))
            {
                issues.Add(RowIssue(fileName, row, null, "dfe.period", IssueSeverity.Error, $"{periodError}; the row was skipped"));
                continue;
            }

            var (codeColumn, nameColumn) = level switch
            {
                GeographicLevel.National => ("country_code", "country_name"),
                GeographicLevel.Regional => ("region_code", "region_name"),
                _ => ("new_la_code", "la_name"),
            };
            var areaCode = Field(codeColumn);
            if (areaCode.Length == 0)
            {
                issues.Add(RowIssue(fileName, row, null, "dfe.area-code", IssueSeverity.Error,
                    $"{levelText} row has a blank {codeColumn}; the row was skipped"));
                continue;
            }

            var areaName = Field(nameColumn);
            foreach (var indicator in indicators)
            {
                if (!indicator.Filters.All(f => string.Equals(Field(f.Key), f.Value.Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var breakdown = indicator.BreakdownColumn is { } b && Field(b) is { Length: > 0 } text ? text : "Total";
                var value = ParseField(Field(indicator.ValueColumn));
                var numerator = indicator.NumeratorColumn is { } nc ? ParseField(Field(nc)) : DfeField.Blank;
                var denominator = indicator.DenominatorColumn is { } dc ? ParseField(Field(dc)) : DfeField.Blank;

                foreach (var (field, name, severity) in new[]
                         {
                             (value, indicator.ValueColumn, IssueSeverity.Error),
                             (numerator, indicator.NumeratorColumn, IssueSeverity.Warning),
                             (denominator, indicator.DenominatorColumn, IssueSeverity.Warning),
                         })
                {
                    if (field.Problem is not null)
                    {
                        issues.Add(RowIssue(fileName, row, indicator.Code, "dfe.not-a-number", severity,
                            $"{name} '{field.Text}' {field.Problem}"));
                    }
                }

                if (value.Problem is not null)
                {
                    continue;
                }

                var number = value.Number;
                if (number is null && value.Suppression is null)
                {
                    if (numerator.Number is { } n && denominator.Number is { } d && d != 0)
                    {
                        number = OfficialRounding.Ratio(n, d, indicator.Multiplier, indicator.Decimals);
                    }
                    else
                    {
                        issues.Add(RowIssue(fileName, row, indicator.Code, "dfe.blank-value", IssueSeverity.Warning,
                            $"{indicator.ValueColumn} is blank rather than a suppression code ({SuppressionCodes.ListForMessages}); no value was read"));
                        continue;
                    }
                }
                else if (number is { } v && numerator.Number is { } n && denominator.Number is { } d && d != 0 && indicator.NumeratorColumn is not null)
                {
                    var recomputed = OfficialRounding.Ratio(n, d, indicator.Multiplier, indicator.Decimals);
                    if (recomputed != v)
                    {
                        issues.Add(RowIssue(fileName, row, indicator.Code, "dfe.value-disagrees", IssueSeverity.Warning,
                            $"{indicator.ValueColumn} {v} differs from {n} / {d} × {indicator.Multiplier:0.##} = {recomputed}; the published value was kept"));
                    }
                }

                if (!seen.Add((indicator.Code, areaCode, period, breakdown)))
                {
                    issues.Add(RowIssue(fileName, row, indicator.Code, "dfe.duplicate", IssueSeverity.Warning,
                        $"{indicator.Code} for {areaCode} {period.Key} {breakdown} appears again; the first row was kept"));
                    continue;
                }

                values.Add(new ComparatorValue
                {
                    IndicatorCode = indicator.Code,
                    AreaCode = areaCode,
                    AreaName = areaName,
                    Level = level,
                    Period = period,
                    Breakdown = breakdown,
                    Value = value.Suppression is null ? number : null,
                    Numerator = numerator.Number,
                    Denominator = denominator.Number,
                    SuppressionReason = value.Suppression,
                });
            }
        }

        return new DfeReadResult(values, issues);
    }

    private static bool TryLevel(string text, out GeographicLevel level)
    {
        switch (text.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
        {
            case "national":
                level = GeographicLevel.National;
                return true;
            case "regional":
                level = GeographicLevel.Regional;
                return true;
            case "localauthority":
                level = GeographicLevel.LocalAuthority;
                return true;
            default:
                level = default;
                return false;
        }
    }

    private static DfeField ParseField(string text)
    {
        if (text.Length == 0)
        {
            return DfeField.Blank;
        }

        if (SuppressionCodes.TryRead(text, out var code))
        {
            return new DfeField(text, null, code, null);
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n)
            ? new DfeField(text, n, null, null)
            : new DfeField(text, null, null, $"is not a number or a suppression code ({SuppressionCodes.ListForMessages})");
    }

    private static ImportIssue RowIssue(string file, int row, string? indicator, string rule, IssueSeverity severity, string message) =>
        ImportIssue.At(file, null, null, row, indicator, rule, severity, message);

    private sealed record DfeField(string Text, decimal? Number, string? Suppression, string? Problem)
    {
        public static DfeField Blank { get; } = new(string.Empty, null, null, null);
    }
}
