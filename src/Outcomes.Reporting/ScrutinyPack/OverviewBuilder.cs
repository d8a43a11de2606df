using Outcomes.Domain.OrgUnits;
using Outcomes.Reporting.BoardPack;
using Outcomes.Reporting.Charts;

namespace Outcomes.Reporting.ScrutinyPack;

/// <summary>
/// The one-page overview: a tartan rug of measures × units, with the authority as the last column, for the pack's
/// quarter. Each cell has its RAG fill and its letter from the chart module; a five-level band (AG, AR) and, when
/// there are few columns, the figure are printed beneath the letter.
/// </summary>
internal static class OverviewBuilder
{
    /// <summary>Beyond this many columns the figures no longer fit under the letters.</summary>
    public const int MaxColumnsWithValues = 9;

    public static RugOverview Build(ScrutinyPackInput input, IReadOnlyDictionary<(string Unit, string Measure), Score> current)
    {
        var columns = input.Units.Select(u => u.Name).ToList();
        var names = ShortNames(columns);
        var noun = Noun(input.Units);
        var showValues = input.Units.Count + 1 <= MaxColumnsWithValues;
        var units = input.Units.Append(input.Authority).ToList();
        var headings = names.Append("Authority").ToList();

        var rows = new List<RugRow>();
        var rugRows = new List<TartanRugRow>();
        foreach (var m in input.Version.Measures)
        {
            var cells = new List<RugCell>();
            var rugCells = new List<TartanRugCell>();
            for (var i = 0; i < units.Count; i++)
            {
                var s = current.GetValueOrDefault((units[i].Code, m.Code));
                var status = s?.Status ?? RagStatus.Grey;
                var value = s is null ? "Not reported" : MeasureFigures.Text(m, s);
                cells.Add(new RugCell(headings[i], s?.StatusLetter ?? "–", MeasureFigures.StatusName(status), MeasureFigures.StatusClass(status), value)
                {
                    OrgUnitCode = units[i].Code,
                    Value = MeasureFigures.ShownValue(m, s),
                    ExcelNumberFormat = MeasureFormat.ExcelFormat(m),
                });
                var beneath = new[] { s?.Band, showValues ? value : null }.Where(x => !string.IsNullOrEmpty(x)).ToList();
                rugCells.Add(new TartanRugCell(status, beneath.Count == 0 ? null : string.Join(" ", beneath)));
            }

            rows.Add(new RugRow(m.Code, m.Title, cells));
            rugRows.Add(new TartanRugRow(m.Title, rugCells));
        }

        var rug = TartanRug.Render(new TartanRugSpec
        {
            Title = $"Status of each measure by {Singular(noun)}, {input.Period.Key}",
            Columns = headings,
            Rows = rugRows,
            ColumnNoun = $"columns ({ChartText.Plural(input.Units.Count, noun)} and the authority)",
        });
        return new RugOverview
        {
            Html = rug.Html,
            Summary = rug.AltText,
            Columns = headings,
            Rows = rows,
            ColumnNoun = noun,
            ShowsValues = showValues,
            HasBands = current.Values.Any(s => s.Band is not null),
        };
    }

    /// <summary>"clusters", "localities", "districts", "centres": what the columns are, from the units' type.</summary>
    public static string Noun(IReadOnlyList<OrgUnit> units)
    {
        var types = units.Select(u => u.Type).Distinct().ToList();
        return types.Count != 1 ? "units" : types[0] switch
        {
            OrgUnitType.Cluster => "clusters",
            OrgUnitType.Locality => "localities",
            OrgUnitType.District => "districts",
            OrgUnitType.Centre => "centres",
            OrgUnitType.FamilyHub => "family hubs",
            _ => "units",
        };
    }

    public static string Singular(string noun) => noun switch
    {
        "localities" => "locality",
        _ => noun.EndsWith('s') ? noun[..^1] : noun,
    };

    /// <summary>Drops the last words every name shares ("Keighley cluster" → "Keighley", "Revoe Children's Centre" → "Revoe").</summary>
    public static List<string> ShortNames(IReadOnlyList<string> names)
    {
        if (names.Count < 2)
        {
            return [.. names];
        }

        var words = names.Select(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var shared = 0;
        while (words.All(w => w.Length > shared + 1)
            && words.All(w => string.Equals(w[^(shared + 1)], words[0][^(shared + 1)], StringComparison.OrdinalIgnoreCase)))
        {
            shared++;
        }

        return words.Select(w => string.Join(' ', w[..^shared])).ToList();
    }
}
