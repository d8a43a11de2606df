using System.Globalization;
using System.Text;

namespace Outcomes.Reporting.Charts;

/// <summary>
/// Writes SVG markup: every attribute value and text node escaped, numbers in invariant culture to at most two
/// decimals, one element per line. The same calls give byte-identical output.
/// </summary>
internal sealed class SvgWriter
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    private readonly StringBuilder _sb = new();
    private int _open;

    /// <summary>A coordinate: rounded to 2 decimals (half away from zero), no trailing zeros, never "-0".</summary>
    public static string Num(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new InvalidOperationException($"A chart coordinate must be finite (got {value}).");
        }

        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Text made safe for an XML text node or a double- or single-quoted attribute: &amp; &lt; &gt; " ' escaped, and
    /// characters XML 1.0 cannot hold (control characters, lone surrogates) dropped.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n' or '\r': sb.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (!char.IsSurrogate(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// A stable id from the chart's kind and content (FNV-1a), so aria-labelledby works and reruns print the same bytes.
    /// </summary>
    public static string StableId(string kind, string content)
    {
        var hash = 2166136261u;
        foreach (var c in kind + "\u0001" + content)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return kind + "-" + hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>Opens the root &lt;svg&gt; with role="img", &lt;title&gt; and &lt;desc&gt; (the text alternative).</summary>
    public void Begin(string cssClass, ChartSize size, string id, string title, string description, double fontSize)
    {
        _sb.Append("<svg xmlns=\"").Append(Namespace).Append('"')
            .Append(" class=\"").Append(Escape(cssClass)).Append('"')
            .Append(" width=\"").Append(size.WidthAttribute).Append('"')
            .Append(" height=\"").Append(size.HeightAttribute).Append('"')
            .Append(" viewBox=\"0 0 ").Append(Num(size.WidthPx)).Append(' ').Append(Num(size.HeightPx)).Append('"')
            .Append(" role=\"img\"")
            .Append(" aria-labelledby=\"").Append(Escape(id)).Append("-title\"")
            .Append(" aria-describedby=\"").Append(Escape(id)).Append("-desc\"")
            .Append(" font-family=\"inherit\"")
            .Append(" font-size=\"").Append(Num(fontSize)).Append('"')
            .Append(" fill=\"").Append(Palette.Text).Append('"')
            .Append(">\n");
        _sb.Append("<title id=\"").Append(Escape(id)).Append("-title\">").Append(Escape(title)).Append("</title>\n");
        _sb.Append("<desc id=\"").Append(Escape(id)).Append("-desc\">").Append(Escape(description)).Append("</desc>\n");
        _open = 0;
    }

    /// <summary>Closes the document and returns it.</summary>
    public string End()
    {
        if (_open != 0)
        {
            throw new InvalidOperationException($"{_open} group(s) left open.");
        }

        _sb.Append("</svg>");
        return _sb.ToString();
    }

    /// <summary>Opens a &lt;g&gt;.</summary>
    public void BeginGroup(string cssClass, params (string Name, string? Value)[] attributes)
    {
        _sb.Append("<g class=\"").Append(Escape(cssClass)).Append('"');
        AppendAttributes(attributes);
        _sb.Append(">\n");
        _open++;
    }

    public void EndGroup()
    {
        _open--;
        _sb.Append("</g>\n");
    }

    /// <summary>A childless element; attributes whose value is null are left out.</summary>
    public void Element(string name, params (string Name, string? Value)[] attributes)
    {
        _sb.Append('<').Append(name);
        AppendAttributes(attributes);
        _sb.Append("/>\n");
    }

    public void Line(double x1, double y1, double x2, double y2, string cssClass, string stroke, double width = 1, string? dash = null) =>
        Element(
            "line",
            ("class", cssClass),
            ("x1", Num(x1)),
            ("y1", Num(y1)),
            ("x2", Num(x2)),
            ("y2", Num(y2)),
            ("stroke", stroke),
            ("stroke-width", Num(width)),
            ("stroke-dasharray", dash));

    public void Rect(double x, double y, double width, double height, string cssClass, string fill, string? stroke = null, double strokeWidth = 1) =>
        Element(
            "rect",
            ("class", cssClass),
            ("x", Num(x)),
            ("y", Num(y)),
            ("width", Num(Math.Max(0, width))),
            ("height", Num(Math.Max(0, height))),
            ("fill", fill),
            ("stroke", stroke),
            ("stroke-width", stroke is null ? null : Num(strokeWidth)));

    /// <summary>An open line through the points (no fill).</summary>
    public void Polyline(IEnumerable<(double X, double Y)> points, string cssClass, string stroke, double width, string? dash = null) =>
        Element(
            "polyline",
            ("class", cssClass),
            ("points", string.Join(" ", points.Select(p => Num(p.X) + "," + Num(p.Y)))),
            ("fill", "none"),
            ("stroke", stroke),
            ("stroke-width", Num(width)),
            ("stroke-dasharray", dash),
            ("stroke-linejoin", "round"),
            ("stroke-linecap", dash is null ? "round" : "butt"));

    public void Path(string data, string cssClass, string? fill, string? stroke, double strokeWidth = 1, string? dash = null) =>
        Element(
            "path",
            ("class", cssClass),
            ("d", data),
            ("fill", fill ?? "none"),
            ("stroke", stroke),
            ("stroke-width", stroke is null ? null : Num(strokeWidth)),
            ("stroke-dasharray", dash));

    /// <summary>Real text (selectable in the PDF). <paramref name="anchor"/>: start, middle or end.</summary>
    public void Text(
        double x,
        double y,
        string text,
        string cssClass,
        string anchor = "start",
        string? fill = null,
        bool bold = false,
        double? fontSize = null,
        string? dy = null)
    {
        _sb.Append("<text");
        AppendAttributes(
        [
            ("class", cssClass),
            ("x", Num(x)),
            ("y", Num(y)),
            ("dy", dy),
            ("text-anchor", anchor == "start" ? null : anchor),
            ("fill", fill),
            ("font-weight", bold ? "bold" : null),
            ("font-size", fontSize is null ? null : Num(fontSize.Value)),
        ]);
        _sb.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    /// <summary>A point marker centred on (x, y).</summary>
    public void Marker(MarkerStyle style, double x, double y, string cssClass)
    {
        if (style.Shape == MarkerShape.Circle)
        {
            Element(
                "circle",
                ("class", cssClass),
                ("cx", Num(x)),
                ("cy", Num(y)),
                ("r", Num(style.Radius)),
                ("fill", style.Fill),
                ("stroke", style.Stroke),
                ("stroke-width", Num(style.StrokeWidth)));
            return;
        }

        Element(
            "path",
            ("class", cssClass),
            ("d", Markers.PathData(style.Shape, x, y, style.Radius)),
            ("fill", style.Fill),
            ("stroke", style.Stroke),
            ("stroke-width", Num(style.StrokeWidth)),
            ("stroke-linejoin", "round"));
    }

    private void AppendAttributes((string Name, string? Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _sb.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
            }
        }
    }
}
