using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace Outcomes.Reporting.Templates;

/// <summary>A Liquid syntax error at a line of a template.</summary>
public sealed class LiquidSyntaxException : Exception
{
    public LiquidSyntaxException(string message, int line)
        : base(message)
    {
        Line = line;
    }

    public LiquidSyntaxException()
    {
    }

    public LiquidSyntaxException(string message)
        : base(message)
    {
    }

    public LiquidSyntaxException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public int Line { get; }
}

/// <summary>
/// The subset of Liquid (Shopify's syntax) that report templates use, parsed once and rendered many times:
/// <c>{{ a.b | filter: arg }}</c>; tags if/elsif/else, unless, case/when, for (with <c>forloop</c> and else),
/// assign, capture, comment and raw; whitespace control with <c>-</c>; and/or, == != &lt; &gt; &lt;= &gt;= contains,
/// <c>empty</c> and <c>blank</c>. Filters: raw, escape, downcase, upcase, capitalize, size, default, join, strip,
/// append, prepend, first, last, plus, minus. Object members are read in snake_case (CouncilName → council_name).
/// Output is HTML-encoded unless the filter chain ends in <c>raw</c>.
/// </summary>
/// <remarks>
/// Written here because Fluid.Core 2.41.1, the intended engine, cannot run against the only Parlot the package
/// mirror holds (2.2.1): FluidParser's constructor throws MissingMethodException. Templates are standard Liquid,
/// so moving back to Fluid later needs no template change.
/// </remarks>
public sealed class LiquidTemplate
{
    private static readonly HashSet<string> KnownFilters = new(StringComparer.Ordinal)
    {
        "raw", "escape", "downcase", "upcase", "capitalize", "size", "default", "join", "strip", "append", "prepend",
        "first", "last", "plus", "minus",
    };

    private readonly List<Node> _nodes;

    private LiquidTemplate(List<Node> nodes) => _nodes = nodes;

    /// <summary>Parses a template; throws <see cref="LiquidSyntaxException"/> naming the line of the fault.</summary>
    public static LiquidTemplate Parse(string source)
    {
        var tokens = Tokenise(source);
        var position = 0;
        var nodes = ParseBlock(tokens, ref position, [], out var end);
        if (end is not null)
        {
            throw new LiquidSyntaxException($"'{{% {end.Name} %}}' has no block to close", end.Line);
        }

        return new LiquidTemplate(nodes);
    }

    /// <summary>Renders with <paramref name="model"/>'s members and <paramref name="globals"/> as top-level variables.</summary>
    public string Render(object model, IReadOnlyDictionary<string, object?>? globals = null)
    {
        var scope = new Scope(model);
        foreach (var (k, v) in globals ?? new Dictionary<string, object?>())
        {
            scope.Set(k, v);
        }

        var output = new StringBuilder();
        foreach (var node in _nodes)
        {
            node.Render(scope, output);
        }

        return output.ToString();
    }

    // ---------- tokens ----------
    private sealed record Token(TokenKind Kind, string Text, int Line)
    {
        public string Name => Kind == TokenKind.Tag ? Text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty : string.Empty;

        public string Args => Kind == TokenKind.Tag && Text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is { Length: 2 } p ? p[1].Trim() : string.Empty;
    }

    private enum TokenKind
    {
        Text,
        Output,
        Tag,
    }

    private static List<Token> Tokenise(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        var line = 1;
        var trimNext = false;
        while (i < source.Length)
        {
            var open = IndexOfOpen(source, i);
            var text = open < 0 ? source[i..] : source[i..open];
            if (trimNext)
            {
                line += CountLines(text) - CountLines(text.TrimStart());
                text = text.TrimStart();
            }

            var textLine = line;
            line += CountLines(text);
            if (open < 0)
            {
                Add(tokens, new Token(TokenKind.Text, text, textLine));
                break;
            }

            var isTag = source[open + 1] == '%';
            var close = source.IndexOf(isTag ? "%}" : "}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new LiquidSyntaxException($"'{(isTag ? "{%" : "{{")}' is not closed with '{(isTag ? "%}" : "}}")}'", line + CountLines(source[open..].Split('\n')[0]));
            }

            var inner = source[(open + 2)..close];
            var trimBefore = inner.StartsWith('-');
            trimNext = inner.EndsWith('-');
            inner = inner.Trim('-').Trim();
            if (trimBefore)
            {
                text = text.TrimEnd();
            }

            Add(tokens, new Token(TokenKind.Text, text, textLine));
            var kind = isTag ? TokenKind.Tag : TokenKind.Output;
            tokens.Add(new Token(kind, inner, line));
            line += CountLines(source[open..(close + 2)]);
            i = close + 2;

            // comment and raw take everything up to their end tag literally.
            if (isTag && (inner == "comment" || inner == "raw"))
            {
                var endName = "end" + inner;
                var (endOpen, endClose, endTrim) = FindEndTag(source, i, endName)
                    ?? throw new LiquidSyntaxException($"'{{% {inner} %}}' is not closed with '{{% {endName} %}}'", line);
                var body = source[i..endOpen];
                if (inner == "raw")
                {
                    Add(tokens, new Token(TokenKind.Text, body, line));
                }

                line += CountLines(source[i..(endClose + 2)]);
                tokens.Add(new Token(TokenKind.Tag, endName, line));
                trimNext = endTrim;
                i = endClose + 2;
            }
        }

        return tokens;
    }

    private static void Add(List<Token> tokens, Token token)
    {
        if (token.Text.Length > 0)
        {
            tokens.Add(token);
        }
    }

    private static int IndexOfOpen(string s, int from)
    {
        var a = s.IndexOf("{{", from, StringComparison.Ordinal);
        var b = s.IndexOf("{%", from, StringComparison.Ordinal);
        return a < 0 ? b : b < 0 ? a : Math.Min(a, b);
    }

    private static (int Open, int Close, bool TrimAfter)? FindEndTag(string s, int from, string name)
    {
        var i = from;
        while ((i = s.IndexOf("{%", i, StringComparison.Ordinal)) >= 0)
        {
            var close = s.IndexOf("%}", i, StringComparison.Ordinal);
            if (close < 0)
            {
                return null;
            }

            var inner = s[(i + 2)..close];
            if (inner.Trim('-').Trim() == name)
            {
                return (i, close, inner.EndsWith('-'));
            }

            i = close;
        }

        return null;
    }

    private static int CountLines(string s) => s.Count(c => c == '\n');

    // ---------- parsing ----------
    private static List<Node> ParseBlock(List<Token> tokens, ref int position, string[] endNames, out Token? end)
    {
        var nodes = new List<Node>();
        while (position < tokens.Count)
        {
            var token = tokens[position++];
            switch (token.Kind)
            {
                case TokenKind.Text:
                    nodes.Add(new TextNode(token.Text));
                    break;
                case TokenKind.Output:
                    nodes.Add(new OutputNode(ParseOutput(token.Text, token.Line)));
                    break;
                default:
                    if (endNames.Contains(token.Name) || token.Name.StartsWith("end", StringComparison.Ordinal) || token.Name is "else" or "elsif" or "when")
                    {
                        end = token;
                        return endNames.Contains(token.Name)
                            ? nodes
                            : throw new LiquidSyntaxException(
                                endNames.Length == 0
                                    ? $"'{{% {token.Name} %}}' has no block to close"
                                    : $"expected {string.Join(" or ", endNames.Select(n => $"'{{% {n} %}}'"))} but found '{{% {token.Name} %}}'",
                                token.Line);
                    }

                    nodes.Add(ParseTag(token, tokens, ref position));
                    break;
            }
        }

        end = null;
        if (endNames.Length > 0)
        {
            throw new LiquidSyntaxException($"block not closed: expected '{{% {endNames[^1]} %}}' before the end of the template", tokens.Count > 0 ? tokens[^1].Line : 1);
        }

        return nodes;
    }

    private static Node ParseTag(Token token, List<Token> tokens, ref int position)
    {
        switch (token.Name)
        {
            case "if":
            case "unless":
            {
                var branches = new List<(Expression Condition, List<Node> Body)>();
                var condition = ParseCondition(token.Args, token.Line);
                if (token.Name == "unless")
                {
                    condition = new NotExpression(condition);
                }

                var closing = "end" + token.Name;
                List<Node>? elseBody = null;
                while (true)
                {
                    var body = ParseBlock(tokens, ref position, ["elsif", "else", closing], out var end);
                    branches.Add((condition, body));
                    if (end!.Name == "elsif")
                    {
                        condition = ParseCondition(end.Args, end.Line);
                        continue;
                    }

                    if (end.Name == "else")
                    {
                        elseBody = ParseBlock(tokens, ref position, [closing], out _);
                    }

                    break;
                }

                return new IfNode(branches, elseBody);
            }

            case "case":
            {
                var subject = ParseValue(token.Args, token.Line);
                var branches = new List<(Expression Condition, List<Node> Body)>();
                List<Node>? elseBody = null;
                _ = ParseBlock(tokens, ref position, ["when", "else", "endcase"], out var end);
                while (end!.Name == "when")
                {
                    var options = SplitOutside(end.Args, ',').SelectMany(o => SplitWords(o, "or")).Select(o => ParseValue(o, end.Line)).ToList();
                    var condition = options.Select(o => (Expression)new Comparison(subject, "==", o)).Aggregate((a, b) => new Logical(a, "or", b));
                    var body = ParseBlock(tokens, ref position, ["when", "else", "endcase"], out end);
                    branches.Add((condition, body));
                }

                if (end.Name == "else")
                {
                    elseBody = ParseBlock(tokens, ref position, ["endcase"], out _);
                }

                return new IfNode(branches, elseBody);
            }

            case "for":
            {
                var parts = token.Args.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 3 || parts[1] != "in" || !IsIdentifier(parts[0]))
                {
                    throw new LiquidSyntaxException($"'{{% for {token.Args} %}}' should read '{{% for item in collection %}}'", token.Line);
                }

                var collection = ParseValue(parts[2], token.Line);
                var body = ParseBlock(tokens, ref position, ["else", "endfor"], out var end);
                var elseBody = end!.Name == "else" ? ParseBlock(tokens, ref position, ["endfor"], out _) : null;
                return new ForNode(parts[0], collection, body, elseBody);
            }

            case "assign":
            {
                var eq = token.Args.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? string.Empty : token.Args[..eq].Trim();
                if (!IsIdentifier(name))
                {
                    throw new LiquidSyntaxException($"'{{% assign {token.Args} %}}' should read '{{% assign name = value %}}'", token.Line);
                }

                return new AssignNode(name, ParseOutput(token.Args[(eq + 1)..], token.Line));
            }

            case "capture":
            {
                if (!IsIdentifier(token.Args))
                {
                    throw new LiquidSyntaxException($"'{{% capture {token.Args} %}}' needs a variable name", token.Line);
                }

                return new CaptureNode(token.Args, ParseBlock(tokens, ref position, ["endcapture"], out _));
            }

            case "comment":
                _ = ParseBlock(tokens, ref position, ["endcomment"], out _);
                return new TextNode(string.Empty);

            case "raw":
                return new RawBlockNode(ParseBlock(tokens, ref position, ["endraw"], out _));

            default:
                throw new LiquidSyntaxException($"unknown tag '{token.Name}'", token.Line);
        }
    }

    private static OutputExpression ParseOutput(string text, int line)
    {
        var parts = SplitOutside(text, '|');
        if (parts[0].Trim().Length == 0)
        {
            throw new LiquidSyntaxException($"'{{{{ {text} }}}}' has nothing to output", line);
        }

        var value = ParseValue(parts[0], line);
        var filters = new List<(string Name, List<Expression> Args)>();
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? part : part[..colon]).Trim();
            if (!KnownFilters.Contains(name))
            {
                throw new LiquidSyntaxException($"unknown filter '{name}'", line);
            }

            var args = colon < 0 ? [] : SplitOutside(part[(colon + 1)..], ',').Select(a => ParseValue(a, line)).ToList();
            filters.Add((name, args));
        }

        return new OutputExpression(value, filters);
    }

    private static Expression ParseCondition(string text, int line)
    {
        if (text.Trim().Length == 0)
        {
            throw new LiquidSyntaxException("a condition is missing", line);
        }

        // Liquid evaluates and/or right to left, without precedence.
        var words = SplitWordsKeeping(text, "and", "or");
        Expression result = ParseComparison(words[^1], line);
        for (var i = words.Count - 2; i > 0; i -= 2)
        {
            result = new Logical(ParseComparison(words[i - 1], line), words[i], result);
        }

        return result;
    }

    private static Expression ParseComparison(string text, int line)
    {
        foreach (var op in new[] { "==", "!=", "<>", ">=", "<=", ">", "<", " contains " })
        {
            var at = IndexOutsideQuotes(text, op);
            if (at > 0)
            {
                return new Comparison(ParseValue(text[..at], line), op.Trim() == "<>" ? "!=" : op.Trim(), ParseValue(text[(at + op.Length)..], line));
            }
        }

        return ParseValue(text, line);
    }

    private static Expression ParseValue(string text, int line)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            throw new LiquidSyntaxException("a value is missing", line);
        }

        if ((t[0] == '"' || t[0] == '\'') && t.Length >= 2 && t[^1] == t[0])
        {
            return new Literal(t[1..^1]);
        }

        if (t[0] is '"' or '\'')
        {
            throw new LiquidSyntaxException($"the string {t} is not closed", line);
        }

        if (decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new Literal(number);
        }

        switch (t)
        {
            case "true": return new Literal(true);
            case "false": return new Literal(false);
            case "nil" or "null": return new Literal(null);
            case "empty": return new Literal(EmptyMarker.Instance);
            case "blank": return new Literal(BlankMarker.Instance);
        }

        var path = t.Split('.');
        if (path.Any(p => !IsIdentifier(p)))
        {
            throw new LiquidSyntaxException($"'{t}' is not a variable, string or number", line);
        }

        return new PathExpression(path);
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c is '_' or '-');

    private static List<string> SplitOutside(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == separator)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static List<string> SplitWords(string text, string word) =>
        SplitWordsKeeping(text, word).Where((_, i) => i % 2 == 0).ToList();

    /// <summary>Splits on whole words outside quotes, keeping the words: [a, "and", b, "or", c].</summary>
    private static List<string> SplitWordsKeeping(string text, params string[] words)
    {
        var result = new List<string>();
        var start = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                continue;
            }

            foreach (var w in words)
            {
                if (i > 0 && text[i - 1] == ' ' && string.CompareOrdinal(text, i, w, 0, w.Length) == 0
                    && i + w.Length < text.Length && text[i + w.Length] == ' ')
                {
                    result.Add(text[start..i]);
                    result.Add(w);
                    start = i + w.Length;
                    i = start - 1;
                    break;
                }
            }
        }

        result.Add(text[start..]);
        return result;
    }

    private static int IndexOutsideQuotes(string text, string token)
    {
        char? quote = null;
        for (var i = 0; i <= text.Length - token.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    // ---------- evaluation ----------
    private sealed class EmptyMarker
    {
        public static readonly EmptyMarker Instance = new();
    }

    private sealed class BlankMarker
    {
        public static readonly BlankMarker Instance = new();
    }

    private sealed class Scope
    {
        private readonly object _model;
        private readonly List<Dictionary<string, object?>> _frames = [new(StringComparer.Ordinal)];

        public Scope(object model) => _model = model;

        public void Push() => _frames.Add(new Dictionary<string, object?>(StringComparer.Ordinal));

        public void Pop() => _frames.RemoveAt(_frames.Count - 1);

        public void Set(string name, object? value) => _frames[^1][name] = value;

        public void SetGlobal(string name, object? value) => _frames[0][name] = value;

        public object? Get(string name)
        {
            for (var i = _frames.Count - 1; i >= 0; i--)
            {
                if (_frames[i].TryGetValue(name, out var v))
                {
                    return v;
                }
            }

            return Member(_model, name);
        }
    }

    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> Members = new();

    private static object? Member(object? target, string name)
    {
        switch (target)
        {
            case null:
                return null;
            case IDictionary<string, object?> d:
                return d.TryGetValue(name, out var dv) ? dv : SpecialMember(target, name);
            case IDictionary d when d.Contains(name):
                return d[name];
        }

        var properties = Members.GetOrAdd(target.GetType(), t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .GroupBy(p => SnakeCase(p.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
        return properties.TryGetValue(name, out var property) ? property.GetValue(target) : SpecialMember(target, name);
    }

    private static object? SpecialMember(object target, string name) => (name, target) switch
    {
        ("size", string s) => s.Length,
        ("size", ICollection c) => c.Count,
        ("size", IEnumerable e) => e.Cast<object?>().Count(),
        ("first", IEnumerable e) when target is not string => e.Cast<object?>().FirstOrDefault(),
        ("last", IEnumerable e) when target is not string => e.Cast<object?>().LastOrDefault(),
        _ => null,
    };

    /// <summary>"CouncilName" → "council_name", "LastX" → "last_x".</summary>
    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool Truthy(object? v) => v is not null and not false;

    private static bool IsEmpty(object? v) => v switch
    {
        string s => s.Length == 0,
        IEnumerable e => !e.Cast<object?>().Any(),
        _ => false,
    };

    private static bool IsBlank(object? v) => v is null or false || (v is string s && string.IsNullOrWhiteSpace(s)) || (v is not string && IsEmpty(v));

    private static decimal? AsNumber(object? v) => v switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double x => (decimal)x,
        float f => (decimal)f,
        _ => null,
    };

    private static string AsString(object? v) => v switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => string.Concat(e.Cast<object?>().Select(AsString)),
        _ => v.ToString() ?? string.Empty,
    };

    private static bool Equal(object? a, object? b)
    {
        if (b is EmptyMarker)
        {
            return IsEmpty(a);
        }

        if (a is EmptyMarker)
        {
            return IsEmpty(b);
        }

        if (b is BlankMarker)
        {
            return IsBlank(a);
        }

        if (a is BlankMarker)
        {
            return IsBlank(b);
        }

        if (AsNumber(a) is { } x && AsNumber(b) is { } y)
        {
            return x == y;
        }

        return a is null || b is null ? a is null && b is null : a is string || b is string ? AsString(a) == AsString(b) : Equals(a, b);
    }

    private abstract class Expression
    {
        public abstract object? Evaluate(Scope scope);
    }

    private sealed class Literal(object? value) : Expression
    {
        public override object? Evaluate(Scope scope) => value;
    }

    private sealed class PathExpression(string[] path) : Expression
    {
        public override object? Evaluate(Scope scope)
        {
            var value = scope.Get(path[0]);
            foreach (var part in path.Skip(1))
            {
                value = Member(value, part);
            }

            return value;
        }
    }

    private sealed class NotExpression(Expression inner) : Expression
    {
        public override object? Evaluate(Scope scope) => !Truthy(inner.Evaluate(scope));
    }

    private sealed class Logical(Expression left, string op, Expression right) : Expression
    {
        public override object? Evaluate(Scope scope) => op == "and"
            ? Truthy(left.Evaluate(scope)) && Truthy(right.Evaluate(scope))
            : Truthy(left.Evaluate(scope)) || Truthy(right.Evaluate(scope));
    }

    private sealed class Comparison(Expression left, string op, Expression right) : Expression
    {
        public override object? Evaluate(Scope scope)
        {
            var a = left.Evaluate(scope);
            var b = right.Evaluate(scope);
            switch (op)
            {
                case "==": return Equal(a, b);
                case "!=": return !Equal(a, b);
                case "contains":
                    return a is string s ? s.Contains(AsString(b), StringComparison.Ordinal)
                        : a is IEnumerable e && e.Cast<object?>().Any(x => Equal(x, b));
            }

            if (AsNumber(a) is not { } x || AsNumber(b) is not { } y)
            {
                return a is string sa && b is string sb && op switch
                {
                    ">" => string.CompareOrdinal(sa, sb) > 0,
                    "<" => string.CompareOrdinal(sa, sb) < 0,
                    ">=" => string.CompareOrdinal(sa, sb) >= 0,
                    _ => string.CompareOrdinal(sa, sb) <= 0,
                };
            }

            return op switch { ">" => x > y, "<" => x < y, ">=" => x >= y, _ => x <= y };
        }
    }

    private sealed class OutputExpression(Expression value, List<(string Name, List<Expression> Args)> filters) : Expression
    {
        public bool IsRaw { get; } = filters.Count > 0 && filters[^1].Name == "raw";

        public override object? Evaluate(Scope scope)
        {
            var v = value.Evaluate(scope);
            foreach (var (name, args) in filters)
            {
                var a = args.Select(x => x.Evaluate(scope)).ToList();
                v = name switch
                {
                    "raw" => v,
                    "escape" => WebUtility.HtmlEncode(AsString(v)),
                    "downcase" => AsString(v).ToLowerInvariant(),
                    "upcase" => AsString(v).ToUpperInvariant(),
                    "capitalize" => AsString(v) is { Length: > 0 } s ? char.ToUpperInvariant(s[0]) + s[1..] : string.Empty,
                    "size" => SpecialMember(v ?? string.Empty, "size") ?? 0,
                    "default" => IsBlank(v) ? a.FirstOrDefault() : v,
                    "join" => v is IEnumerable e and not string ? string.Join(a.Count > 0 ? AsString(a[0]) : " ", e.Cast<object?>().Select(AsString)) : v,
                    "strip" => AsString(v).Trim(),
                    "append" => AsString(v) + AsString(a.FirstOrDefault()),
                    "prepend" => AsString(a.FirstOrDefault()) + AsString(v),
                    "first" => v is IEnumerable e and not string ? e.Cast<object?>().FirstOrDefault() : v,
                    "last" => v is IEnumerable e and not string ? e.Cast<object?>().LastOrDefault() : v,
                    "plus" => (AsNumber(v) ?? 0) + (AsNumber(a.FirstOrDefault()) ?? 0),
                    "minus" => (AsNumber(v) ?? 0) - (AsNumber(a.FirstOrDefault()) ?? 0),
                    _ => v,
                };
            }

            return v;
        }
    }

    // ---------- nodes ----------
    private abstract class Node
    {
        public abstract void Render(Scope scope, StringBuilder output);

        protected static void RenderAll(List<Node> nodes, Scope scope, StringBuilder output)
        {
            foreach (var n in nodes)
            {
                n.Render(scope, output);
            }
        }
    }

    private sealed class TextNode(string text) : Node
    {
        public override void Render(Scope scope, StringBuilder output) => output.Append(text);
    }

    private sealed class RawBlockNode(List<Node> body) : Node
    {
        public override void Render(Scope scope, StringBuilder output) => RenderAll(body, scope, output);
    }

    private sealed class OutputNode(OutputExpression expression) : Node
    {
        public override void Render(Scope scope, StringBuilder output)
        {
            var text = AsString(expression.Evaluate(scope));
            output.Append(expression.IsRaw ? text : WebUtility.HtmlEncode(text));
        }
    }

    private sealed class IfNode(List<(Expression Condition, List<Node> Body)> branches, List<Node>? elseBody) : Node
    {
        public override void Render(Scope scope, StringBuilder output)
        {
            foreach (var (condition, body) in branches)
            {
                if (Truthy(condition.Evaluate(scope)))
                {
                    RenderAll(body, scope, output);
                    return;
                }
            }

            if (elseBody is not null)
            {
                RenderAll(elseBody, scope, output);
            }
        }
    }

    private sealed class ForNode(string variable, Expression collection, List<Node> body, List<Node>? elseBody) : Node
    {
        public override void Render(Scope scope, StringBuilder output)
        {
            var items = collection.Evaluate(scope) switch
            {
                null => [],
                string s => [s],
                IDictionary d => d.Values.Cast<object?>().ToList(),
                IEnumerable e => e.Cast<object?>().ToList(),
                var single => new List<object?> { single },
            };
            if (items.Count == 0)
            {
                if (elseBody is not null)
                {
                    RenderAll(elseBody, scope, output);
                }

                return;
            }

            scope.Push();
            try
            {
                for (var i = 0; i < items.Count; i++)
                {
                    scope.Set(variable, items[i]);
                    scope.Set("forloop", new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["index"] = i + 1,
                        ["index0"] = i,
                        ["rindex"] = items.Count - i,
                        ["first"] = i == 0,
                        ["last"] = i == items.Count - 1,
                        ["length"] = items.Count,
                    });
                    RenderAll(body, scope, output);
                }
            }
            finally
            {
                scope.Pop();
            }
        }
    }

    private sealed class AssignNode(string name, OutputExpression value) : Node
    {
        public override void Render(Scope scope, StringBuilder output) => scope.SetGlobal(name, value.Evaluate(scope));
    }

    private sealed class CaptureNode(string name, List<Node> body) : Node
    {
        public override void Render(Scope scope, StringBuilder output)
        {
            var captured = new StringBuilder();
            RenderAll(body, scope, captured);
            scope.SetGlobal(name, captured.ToString());
        }
    }
}
