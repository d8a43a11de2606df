using System.Text;
using Outcomes.Domain.Scores;

namespace Outcomes.Reporting.Charts;

/// <summary>One cell: the status, and optionally the value printed small beneath the letter.</summary>
public sealed record TartanRugCell(RagStatus Status, string? Value = null);

/// <summary>One measure's row: a cell per column.</summary>
public sealed record TartanRugRow(string Measure, IReadOnlyList<TartanRugCell> Cells);

/// <summary>Measures down the side, clusters (or areas, or periods) across the top.</summary>
public sealed record TartanRugSpec
{
    /// <summary>The table's caption and the start of its text alternative.</summary>
    public required string Title { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    public required IReadOnlyList<TartanRugRow> Rows { get; init; }

    /// <summary>Heading over the measure names.</summary>
    public string RowHeading { get; init; } = "Measure";

    /// <summary>What the columns are, plural, for the text alternative ("clusters", "areas", "quarters").</summary>
    public string ColumnNoun { get; init; } = "clusters";
}

/// <summary>The rug as an HTML table and its text alternative (also printed in the caption).</summary>
public sealed record TartanRugHtml(string Html, string AltText)
{
    public override string ToString() => Html;
}

/// <summary>
/// A "tartan rug": a table of measures × clusters, each cell filled with its RAG colour and carrying its status
/// letter (B, G, A, R, – for grey), so the table reads in black and white and to a screen reader. An HTML table rather
/// than SVG: it breaks across pages, and its headers are real row and column headers.
/// </summary>
public static class TartanRug
{
    private static readonly RagStatus[] Order = [RagStatus.Blue, RagStatus.Green, RagStatus.Amber, RagStatus.Red, RagStatus.Grey];

    public static TartanRugHtml Render(TartanRugSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var row in spec.Rows)
        {
            if (row.Cells.Count != spec.Columns.Count)
            {
                throw new ArgumentException($"Row '{row.Measure}' has {row.Cells.Count} cells for {spec.Columns.Count} columns.", nameof(spec));
            }
        }

        var alt = Describe(spec);
        var sb = new StringBuilder();
        sb.Append("<table class=\"tartan-rug\" style=\"border-collapse:collapse\">\n");
        sb.Append("<caption style=\"text-align:left\">").Append(E(spec.Title)).Append("<span class=\"tartan-summary\" style=\"display:block;font-weight:normal;font-size:0.85em\">")
            .Append(E(alt)).Append("</span></caption>\n");
        sb.Append("<thead><tr><th scope=\"col\">").Append(E(spec.RowHeading)).Append("</th>");
        foreach (var column in spec.Columns)
        {
            sb.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in spec.Rows)
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(row.Measure)).Append("</th>");
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c];
                var name = cell.Status.ToString();
                sb.Append("<td class=\"tartan-cell rag-").Append(name.ToLowerInvariant()).Append('"')
                    .Append(" style=\"background:").Append(Palette.RagFill(cell.Status)).Append(";color:").Append(Palette.RagText(cell.Status))
                    .Append(";text-align:center;border:1px solid #ffffff\"")
                    .Append(" title=\"").Append(E($"{spec.Columns[c]}: {name}{(cell.Value is null ? string.Empty : ", " + cell.Value)}")).Append("\">")
                    .Append("<span class=\"letter\" style=\"font-weight:bold\">").Append(Letter(cell.Status)).Append("</span>");
                if (cell.Value is not null)
                {
                    sb.Append("<span class=\"value\" style=\"display:block;font-size:0.8em\">").Append(E(cell.Value)).Append("</span>");
                }

                sb.Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>");
        return new TartanRugHtml(sb.ToString(), alt);
    }

    /// <summary>The letter in the cell (the same letters the scorecard prints).</summary>
    public static string Letter(RagStatus status) => status switch
    {
        RagStatus.Red => "R",
        RagStatus.Amber => "A",
        RagStatus.Green => "G",
        RagStatus.Blue => "B",
        _ => "–",
    };

    /// <summary>"{Title}: 7 measures across 4 clusters; 10 green, 5 amber, 3 red and 10 grey (no status); red: Re-referrals in North, South."</summary>
    internal static string Describe(TartanRugSpec spec)
    {
        var cells = spec.Rows.SelectMany(r => r.Cells).ToList();
        var counts = Order.Select(s => (Status: s, Count: cells.Count(c => c.Status == s)))
            .Where(c => c.Count > 0)
            .Select(c => c.Status == RagStatus.Grey ? $"{c.Count} grey (no status)" : $"{c.Count} {c.Status.ToString().ToLowerInvariant()}")
            .ToList();
        var clauses = new List<string>
        {
            $"{ChartText.Count(spec.Rows.Count, "measure")} across {ChartText.Plural(spec.Columns.Count, spec.ColumnNoun)}",
        };
        if (counts.Count > 0)
        {
            clauses.Add(ChartText.List(counts, 5));
        }

        var reds = spec.Rows
            .Select(r => (r.Measure, Where: Enumerable.Range(0, r.Cells.Count).Where(c => r.Cells[c].Status == RagStatus.Red).Select(c => spec.Columns[c]).ToList()))
            .Where(r => r.Where.Count > 0)
            .Select(r => $"{r.Measure} in {ChartText.List(r.Where, 3)}")
            .ToList();
        if (reds.Count > 0)
        {
            clauses.Add("red: " + ChartText.List(reds, 4));
        }

        return ChartText.Sentence($"{spec.Title}: ", clauses);
    }

    private static string E(string text) => SvgWriter.Escape(text);
}
