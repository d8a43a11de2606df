using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Outcomes.Ingestion.Wide;

/// <summary>
/// A saved description of a council's own spreadsheet where one axis holds measures and the other holds quarters
/// (samples/wide/README.md documents it). Read from YAML or JSON (JSON is YAML). Positions are written as a row
/// number ("4") or a column letter ("C"); ranges as "5:11" or "C:J".
/// </summary>
public sealed class WideMapping
{
    /// <summary>The worksheet; the first sheet when not given.</summary>
    public string? Sheet { get; set; }

    /// <summary>"measures-in-rows" (quarters across the columns, the default) or "measures-in-columns".</summary>
    public string Orientation { get; set; } = "measures-in-rows";

    /// <summary>The org unit every figure is for, when the sheet does not say.</summary>
    public string? OrgUnit { get; set; }

    /// <summary>The cell holding the org unit code ("B2"), when the sheet says.</summary>
    public string? OrgUnitCell { get; set; }

    /// <summary>Where each measure's code or title is: a column ("A") for measures in rows, a row ("3") for measures in columns.</summary>
    public string MeasureLabels { get; set; } = "A";

    /// <summary>Titles (or a council's own labels) and the framework codes they mean. Codes and the framework's own titles match without this.</summary>
    public Dictionary<string, string> Titles { get; set; } = [];

    /// <summary>The block of values (required).</summary>
    public WideBlock? Values { get; set; }

    public WideBlock? Numerators { get; set; }

    public WideBlock? Denominators { get; set; }

    public WideBlock? Commentary { get; set; }

    public bool MeasuresInRows => !string.Equals(Orientation?.Trim(), "measures-in-columns", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a mapping; problems (YAML errors, missing or contradictory settings) come back as sentences.</summary>
    public static WideMapping? Parse(string text, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        WideMapping? mapping;
        try
        {
            mapping = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build()
                .Deserialize<WideMapping?>(text ?? string.Empty);
        }
        catch (YamlException e)
        {
            found.Add($"the mapping cannot be read at line {e.Start.Line}, column {e.Start.Column}: {(e.InnerException ?? e).Message}");
            return null;
        }

        if (mapping is null)
        {
            found.Add("the mapping is empty");
            return null;
        }

        found.AddRange(mapping.Check());
        return found.Count == 0 ? mapping : null;
    }

    public static WideMapping? Load(string path, out IReadOnlyList<string> problems) => Parse(File.ReadAllText(path), out problems);

    private IEnumerable<string> Check()
    {
        if ((Orientation ?? string.Empty).Trim().ToLowerInvariant() is not ("measures-in-rows" or "measures-in-columns"))
        {
            yield return $"orientation '{Orientation}' is not measures-in-rows or measures-in-columns";
        }

        if (string.IsNullOrWhiteSpace(OrgUnit) == string.IsNullOrWhiteSpace(OrgUnitCell))
        {
            yield return "give exactly one of org_unit (a fixed code) and org_unit_cell (the cell holding it)";
        }

        if (!string.IsNullOrWhiteSpace(OrgUnitCell) && !WideAxes.TryCell(OrgUnitCell, out _, out _))
        {
            yield return $"org_unit_cell '{OrgUnitCell}' is not a cell address like B2";
        }

        if (!WideAxes.TryPosition(MeasureLabels, out _))
        {
            yield return $"measure_labels '{MeasureLabels}' is not a column letter or row number";
        }

        if (Values is null)
        {
            yield return "values (the block of figures) is required";
        }

        foreach (var (name, block) in Blocks())
        {
            if (!WideAxes.TryPosition(block.Periods, out _))
            {
                yield return $"{name}.periods '{block.Periods}' is not a row number or column letter";
            }

            if (!WideAxes.TryRange(block.Measures, out _, out _))
            {
                yield return $"{name}.measures '{block.Measures}' is not a range like 5:11 or B:H";
            }

            if (block.Span is { } span && !WideAxes.TryRange(span, out _, out _))
            {
                yield return $"{name}.span '{span}' is not a range like C:J or 4:11";
            }
        }
    }

    public IEnumerable<(string Name, WideBlock Block)> Blocks()
    {
        if (Values is not null)
        {
            yield return ("values", Values);
        }

        if (Numerators is not null)
        {
            yield return ("numerators", Numerators);
        }

        if (Denominators is not null)
        {
            yield return ("denominators", Denominators);
        }

        if (Commentary is not null)
        {
            yield return ("commentary", Commentary);
        }
    }
}

/// <summary>
/// One block of a wide sheet: the line holding the period headers (a row for measures in rows), the lines holding
/// measures (rows "5:11"), and optionally the span of period positions to read (columns "C:J"; by default every
/// non-blank header after the measure labels).
/// </summary>
public sealed class WideBlock
{
    public string Periods { get; set; } = string.Empty;

    public string Measures { get; set; } = string.Empty;

    public string? Span { get; set; }
}

/// <summary>Row numbers and column letters, one spelling for both axes.</summary>
public static class WideAxes
{
    /// <summary>"7" → 7, "C" → 3, "AA" → 27.</summary>
    public static bool TryPosition(string? text, out int position)
    {
        position = 0;
        var s = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (s.Length == 0)
        {
            return false;
        }

        if (s.All(char.IsAsciiDigit))
        {
            return int.TryParse(s, out position) && position is > 0 and <= 1_048_576;
        }

        if (s.Length > 3 || !s.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        foreach (var c in s)
        {
            position = (position * 26) + (c - 'A' + 1);
        }

        return position <= 16_384;
    }

    /// <summary>"5:11", "5-11", "C:J" or a single position.</summary>
    public static bool TryRange(string? text, out int first, out int last)
    {
        first = last = 0;
        var parts = (text ?? string.Empty).Split([':', '-'], StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            1 => TryPosition(parts[0], out first) && TryPosition(parts[0], out last),
            2 => TryPosition(parts[0], out first) && TryPosition(parts[1], out last) && first <= last,
            _ => false,
        };
    }

    /// <summary>"B2" → row 2, column 2.</summary>
    public static bool TryCell(string? text, out int row, out int column)
    {
        row = column = 0;
        var s = (text ?? string.Empty).Trim();
        var split = 0;
        while (split < s.Length && char.IsAsciiLetter(s[split]))
        {
            split++;
        }

        return split > 0 && split < s.Length && TryPosition(s[..split], out column) && s[split..].All(char.IsAsciiDigit) && TryPosition(s[split..], out row);
    }
}
