using YamlDotNet.RepresentationModel;

namespace Outcomes.Ingestion.Frameworks;

/// <summary>Collects problems for one file while it is read and judged.</summary>
internal sealed class FileProblems(string file)
{
    public string File { get; } = file;

    public List<FrameworkProblem> Items { get; } = [];

    public void Add(int? line, string field, string rule, string message) =>
        Items.Add(new FrameworkProblem(File, line, field, rule, message));
}

/// <summary>
/// A YAML mapping read with the line of every key kept, so a validator's complaint about a field can
/// name the line it came from. Wrong shapes (a list where a value was expected) and unknown keys are
/// reported, never thrown.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly FileProblems _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string path, FileProblems problems)
    {
        _node = node;
        Path = path;
        _problems = problems;
    }

    public string Path { get; }

    public int Line => (int)_node.Start.Line;

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public int LineOf(string key) =>
        Find(key) is { } pair ? (int)pair.Key.Start.Line : Line;

    public bool Has(string key) => Find(key) is not null;

    /// <summary>A scalar as text; null when absent, empty, ~ or null.</summary>
    public string? Str(string key)
    {
        if (Find(key) is not { } pair)
        {
            return null;
        }

        if (pair.Value is YamlScalarNode scalar)
        {
            return IsNull(scalar) ? null : scalar.Value;
        }

        _problems.Add((int)pair.Key.Start.Line, FieldPath(key), "yaml.shape", $"'{key}' should be a single value, not a list or a block");
        return null;
    }

    /// <summary>A list of scalars; a single scalar is read as a one-item list.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        switch (Find(key)?.Value)
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return IsNull(scalar) ? [] : [scalar.Value ?? string.Empty];
            case YamlSequenceNode seq:
                var list = new List<string>();
                foreach (var item in seq)
                {
                    if (item is YamlScalarNode s && !IsNull(s))
                    {
                        list.Add(s.Value ?? string.Empty);
                    }
                    else
                    {
                        _problems.Add((int)item.Start.Line, FieldPath(key), "yaml.shape", $"each item of '{key}' should be a single value");
                    }
                }

                return list;
            default:
                _problems.Add(LineOf(key), FieldPath(key), "yaml.shape", $"'{key}' should be a list of values");
                return [];
        }
    }

    /// <summary>A nested mapping, or null when absent.</summary>
    public YamlMap? Map(string key)
    {
        switch (Find(key)?.Value)
        {
            case null:
                return null;
            case YamlMappingNode map:
                return new YamlMap(map, FieldPath(key), _problems);
            case YamlScalarNode s when IsNull(s):
                return null;
            default:
                _problems.Add(LineOf(key), FieldPath(key), "yaml.shape", $"'{key}' should be a block of fields");
                return null;
        }
    }

    /// <summary>A list of mappings; items of another shape are reported and skipped.</summary>
    public IReadOnlyList<YamlMap> Maps(string key)
    {
        switch (Find(key)?.Value)
        {
            case null:
                return [];
            case YamlScalarNode s when IsNull(s):
                return [];
            case YamlSequenceNode seq:
                var list = new List<YamlMap>();
                var i = 0;
                foreach (var item in seq)
                {
                    var path = $"{FieldPath(key)}[{i++}]";
                    if (item is YamlMappingNode m)
                    {
                        list.Add(new YamlMap(m, path, _problems));
                    }
                    else
                    {
                        _problems.Add((int)item.Start.Line, path, "yaml.shape", $"each item of '{key}' should be a block of fields");
                    }
                }

                return list;
            default:
                _problems.Add(LineOf(key), FieldPath(key), "yaml.shape", $"'{key}' should be a list");
                return [];
        }
    }

    /// <summary>Reports keys nobody asked for: usually a typo ("polarty") that would otherwise be silently ignored.</summary>
    public void ReportUnknownKeys(string what)
    {
        foreach (var pair in _node.Children)
        {
            var key = (pair.Key as YamlScalarNode)?.Value ?? string.Empty;
            if (!_read.Contains(key))
            {
                _problems.Add((int)pair.Key.Start.Line, FieldPath(key), "yaml.unknown-field", $"{what} has a field '{key}' this format does not know");
            }
        }
    }

    private KeyValuePair<YamlNode, YamlNode>? Find(string key)
    {
        _read.Add(key);
        foreach (var pair in _node.Children)
        {
            if (pair.Key is YamlScalarNode k && string.Equals(k.Value, key, StringComparison.Ordinal))
            {
                return pair;
            }
        }

        return null;
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any
        && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");
}
