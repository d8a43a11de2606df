using System.Globalization;
using Outcomes.Domain.Periods;
using Outcomes.Ingestion.Csv;
using Outcomes.Ingestion.OpenData;

namespace Outcomes.Cli.Analysis;

/// <summary>
/// Reads the CSV for <c>outcomes analyse</c>: a header with area, period and either count (with or without
/// denominator) or value (optionally lower_ci and upper_ci), plus optional benchmark and target; names are
/// case-insensitive, "numerator" is read as count, other columns are ignored. Blank cells and the DfE suppression
/// codes (c, x, z, u, low, ":" and "..") are "no value" (METHODS §6); anything else that is not a number stops the
/// file with a message naming the row and column. Rows are grouped by area; a series is sorted by period when every
/// period parses (PeriodParser) as the same kind of period, with a gap inserted for each period that has no row,
/// and otherwise kept in file order.
/// </summary>
public static class AnalyseCsvReader
{
    private static readonly HashSet<string> NoValueCodes = new(StringComparer.OrdinalIgnoreCase) { "c", "x", "z", "u", "low", ":", ".." };

    /// <summary>Reads and groups a file, or throws <see cref="AnalyseInputException"/> naming the problem.</summary>
    public static InputFile Read(string path, AnalyseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new AnalyseInputException(e is FileNotFoundException or DirectoryNotFoundException ? $"{path}: no such file" : $"{path}: cannot be read ({e.Message})");
        }

        var text = CsvText.Decode(bytes, out _);
        using var reader = new StringReader(text);
        var records = CsvRecords.Read(reader).ToList();
        if (records.Count == 0)
        {
            throw new AnalyseInputException($"{path}: the file is empty; it needs a header row with area, period and count (and denominator) or value");
        }

        var columns = Columns.From(path, records[0].Fields);
        var kind = columns.Count is null ? SeriesKind.Value : columns.Denominator is null ? SeriesKind.Count : settings.Rate ? SeriesKind.Rate : SeriesKind.Proportion;
        var rows = new List<(string Area, InputPoint Point)>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Fields.Count != columns.Width)
            {
                throw new AnalyseInputException($"{path} row {record.Line}: {record.Fields.Count} fields, but the header has {columns.Width}");
            }

            rows.Add(new RowReader(path, record, columns, kind, settings).Read());
        }

        if (rows.Count == 0)
        {
            throw new AnalyseInputException($"{path}: no data rows under the header");
        }

        var series = rows
            .GroupBy(r => r.Area, StringComparer.OrdinalIgnoreCase)
            .Select(g => Order(path, g.First().Area, g.Select(r => r.Point).ToList()))
            .ToList();
        return new InputFile(path, kind, series);
    }

    private static InputSeries Order(string path, string area, List<InputPoint> points)
    {
        var parsed = new List<InputPoint>(points.Count);
        foreach (var point in points)
        {
            if (!PeriodParser.TryParse(point.PeriodText, out var period, out _) || (parsed.Count > 0 && parsed[0].Period!.Value.Type != period.Type))
            {
                CheckDuplicates(path, area, points, p => p.PeriodText.Trim().ToUpperInvariant());
                return new InputSeries(area, points, OrderedByPeriod: false);
            }

            parsed.Add(point with { Period = period });
        }

        var sorted = parsed.OrderBy(p => p.Period!.Value).ToList();
        CheckDuplicates(path, area, sorted, p => p.Period!.Value.Key);
        var filled = new List<InputPoint>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                var next = sorted[i - 1].Period!.Value.Next();
                for (var guard = 0; next < sorted[i].Period!.Value && guard < 1000; guard++, next = next.Next())
                {
                    filled.Add(new InputPoint(0, next.Key, next, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, "no row for this period"));
                }
            }

            filled.Add(sorted[i]);
        }

        return new InputSeries(area, filled, OrderedByPeriod: true);
    }

    private static void CheckDuplicates(string path, string area, List<InputPoint> points, Func<InputPoint, string> key)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            if (!seen.TryAdd(key(point), point.Line))
            {
                throw new AnalyseInputException($"{path} row {point.Line}, column 'period': {area} already has period '{point.PeriodText}' (row {seen[key(point)]})");
            }
        }
    }

    /// <summary>Where each known column is (0-based), found by case-insensitive name.</summary>
    private sealed record Columns(int Width, int Area, int Period, int? Count, int? Denominator, int? Value, int? LowerCi, int? UpperCi, int? Benchmark, int? Target)
    {
        public static Columns From(string path, IReadOnlyList<string> header)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                var name = Normalise(header[i]);
                if (name.Length == 0)
                {
                    continue;
                }

                if (!index.TryAdd(name, i))
                {
                    throw new AnalyseInputException($"{path} row 1: column '{name}' appears twice (columns {Letter(index[name])} and {Letter(i)})");
                }
            }

            int? Find(params string[] names)
            {
                var found = names.Where(index.ContainsKey).Select(n => index[n]).ToList();
                return found.Count switch
                {
                    0 => null,
                    1 => found[0],
                    _ => throw new AnalyseInputException($"{path} row 1: columns {string.Join(" and ", found.Select(Letter))} both mean '{names[0]}'"),
                };
            }

            var found = string.Join(", ", header.Select(h => $"'{h.Trim()}'"));
            var area = Find("area") ?? throw new AnalyseInputException($"{path} row 1: no 'area' column (the header has {found})");
            var period = Find("period") ?? throw new AnalyseInputException($"{path} row 1: no 'period' column (the header has {found})");
            var count = Find("count", "numerator");
            var denominator = Find("denominator");
            var value = Find("value");
            if (count is null && value is null)
            {
                throw new AnalyseInputException($"{path} row 1: no 'count' or 'value' column (the header has {found}); give count and denominator for a proportion, count for a count, or value");
            }

            if (denominator is not null && count is null)
            {
                throw new AnalyseInputException($"{path} row 1: a 'denominator' column needs a 'count' column");
            }

            var lower = Find("lower_ci");
            var upper = Find("upper_ci");
            if ((lower is null) != (upper is null))
            {
                throw new AnalyseInputException($"{path} row 1: 'lower_ci' and 'upper_ci' go together; the header has only one");
            }

            return new Columns(header.Count, area, period, count, denominator, value, lower, upper, Find("benchmark"), Find("target"));
        }

        private static string Normalise(string name) =>
            name.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_') switch
            {
                "lowerci" or "lower" or "lower_limit" => "lower_ci",
                "upperci" or "upper" or "upper_limit" => "upper_ci",
                var n => n,
            };
    }

    /// <summary>Reads one data row; every problem names the file, row and column.</summary>
    private readonly struct RowReader(string path, CsvRecord record, Columns columns, SeriesKind kind, AnalyseSettings settings)
    {
        public (string Area, InputPoint Point) Read()
        {
            var area = Text(columns.Area, "area");
            var period = Text(columns.Period, "period");
            double count = double.NaN, denominator = double.NaN, value, lower = double.NaN, upper = double.NaN;
            string? missing;
            if (kind == SeriesKind.Value)
            {
                (value, missing) = Number(columns.Value!.Value, "value");
                if (columns.LowerCi is { } lo)
                {
                    lower = Number(lo, "lower_ci").Value;
                    upper = Number(columns.UpperCi!.Value, "upper_ci").Value;
                    if (double.IsNaN(lower) != double.IsNaN(upper) || lower > upper)
                    {
                        throw Problem(lo, "lower_ci", $"lower_ci '{Field(lo)}' and upper_ci '{Field(columns.UpperCi.Value)}' are not an interval");
                    }
                }
            }
            else
            {
                (count, missing) = Number(columns.Count!.Value, "count");
                if (count < 0)
                {
                    throw Problem(columns.Count.Value, "count", $"'{Field(columns.Count.Value)}' is negative");
                }

                value = count;
                if (columns.Denominator is { } d)
                {
                    string? noDenominator;
                    (denominator, noDenominator) = Number(d, "denominator");
                    missing ??= noDenominator;
                    if (denominator < 0)
                    {
                        throw Problem(d, "denominator", $"'{Field(d)}' is negative");
                    }

                    if (denominator == 0 && missing is null)
                    {
                        missing = "denominator is 0";
                    }

                    if (kind == SeriesKind.Proportion && count > denominator && missing is null)
                    {
                        throw Problem(columns.Count.Value, "count", $"count {Field(columns.Count.Value)} is larger than denominator {Field(d)} (use --rate for a rate)");
                    }

                    value = missing is null ? count / denominator * settings.Multiplier : double.NaN;
                }
            }

            var benchmark = columns.Benchmark is { } b ? Number(b, "benchmark").Value : double.NaN;
            if (kind == SeriesKind.Proportion && (benchmark < 0 || benchmark > settings.Multiplier))
            {
                throw Problem(columns.Benchmark!.Value, "benchmark", $"'{Field(columns.Benchmark.Value)}' is outside 0–{settings.Multiplier.ToString(CultureInfo.InvariantCulture)} for a proportion with --multiplier {settings.Multiplier.ToString(CultureInfo.InvariantCulture)}");
            }

            var target = columns.Target is { } t ? Number(t, "target").Value : double.NaN;
            return (area, new InputPoint(record.Line, period, null, count, denominator, value, lower, upper, benchmark, target, missing));
        }

        private string Field(int column) => record.Fields[column].Trim();

        private string Text(int column, string name)
        {
            var text = Field(column);
            return text.Length > 0 ? text : throw Problem(column, name, "the cell is blank");
        }

        private (double Value, string? Missing) Number(int column, string name)
        {
            var text = Field(column);
            if (text.Length == 0)
            {
                return (double.NaN, "blank");
            }

            if (NoValueCodes.Contains(text))
            {
                return (double.NaN, $"no value ('{text}')");
            }

            if (double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                return (number, null);
            }

            throw Problem(column, name, $"'{text}' is not a number");
        }

        private AnalyseInputException Problem(int column, string name, string message) =>
            new($"{path} row {record.Line}, column '{name}' ({Letter(column)}): {message}");
    }

    private static string Letter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
