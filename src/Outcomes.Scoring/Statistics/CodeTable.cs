namespace Outcomes.Scoring.Statistics;

/// <summary>
/// Numbers the codes (units, measures) of a set of scores 0, 1, 2 … ignoring case. Scores made by the engine share
/// their code strings, so most lookups are answered by reference before any case-insensitive hashing.
/// </summary>
internal sealed class CodeTable
{
    private readonly Dictionary<string, int> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _byText = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _codes = [];
    private string? _last;
    private int _lastId;

    public int Count => _codes.Count;

    /// <summary>The first spelling seen of each code, by number.</summary>
    public IReadOnlyList<string> Codes => _codes;

    public int Id(string code)
    {
        // Scores come in runs of one unit (or measure): the same string as last time needs no lookup at all.
        if (ReferenceEquals(code, _last))
        {
            return _lastId;
        }

        if (_byReference.TryGetValue(code, out var id))
        {
            (_last, _lastId) = (code, id);
            return id;
        }

        if (!_byText.TryGetValue(code, out id))
        {
            id = _byText[code] = _codes.Count;
            _codes.Add(code);
        }

        _byReference[code] = id;
        (_last, _lastId) = (code, id);
        return id;
    }
}
