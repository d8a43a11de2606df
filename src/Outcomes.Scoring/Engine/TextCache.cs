using System.Runtime.CompilerServices;
using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Scores;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.Rag;
using Outcomes.Scoring.Travel;

namespace Outcomes.Scoring.Engine;

/// <summary>
/// The text of scoring (ratings and explanations), each worked out once per distinct input for a worker thread:
/// formatting decimals into sentences is most of what a score costs, and the inputs repeat.
/// <para>
/// <see cref="RagRater"/> judges and prints a value as rounded to the measure's decimals ("comparison uses values
/// rounded to the measure's decimals, as printed"), and <see cref="MeasureValueFormatter"/> prints it the same way,
/// so a value is remembered by its printed form: the exact bits of <see cref="OfficialRounding.Round"/> of it (scale
/// included) and whether it is below zero (a currency's minus sign is taken from the unrounded value). An unrounded
/// roll-up such as 61.2903…% therefore shares its rating with every other 61.3%. Targets are compared by reference
/// (the same target object), suppression reasons as strings. The equivalence tests compare against direct
/// <see cref="RagRater.Rate"/> calls on thousands of unrounded roll-ups, so a rater that starts reading more of the
/// value than it prints will show up there.
/// </para>
/// <para>
/// An explanation is built in a reusable buffer and looked up by its text, so the same string is handed to every score
/// with that explanation (most repeat, across measures too): every score keeps its explanation alive until the caller
/// lets go of the scores, so sharing saves both the copy and the memory.
/// </para>
/// Never shared between threads; each table is emptied when it grows past <see cref="Capacity"/> entries.
/// </summary>
internal sealed class TextCache
{
    private const int Capacity = 1 << 16;

    private static readonly string[] DirectionSentenceStart = [.. Enum.GetValues<Direction>().Select(d => Capitalise(DirectionOfTravel.Describe(d)))];
    private static readonly string[] ComparisonSentenceStart = [.. Enum.GetValues<BenchmarkComparison>().Select(c => Capitalise(BenchmarkComparer.Describe(c)))];

    private readonly Dictionary<ValueKey, RagRating> _ratings = [];
    private readonly Dictionary<ValueKey, FiveLevelRating> _fiveLevel = [];
    private readonly Dictionary<ValueKey, string> _values = [];
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private char[] _buffer = new char[256];
    private int _length;

    /// <summary>Forgets everything (keeping the tables' size), before the worker serves another engine.</summary>
    public void Clear()
    {
        _ratings.Clear();
        _fiveLevel.Clear();
        _values.Clear();
        _texts.Clear();
    }

    /// <summary>
    /// <see cref="RagRater.Rate(Measure, decimal?, decimal?, decimal?, string?, Target?, RagScheme)"/> for a measure at
    /// <paramref name="position"/> in the framework (-1: not remembered). The interval's bounds are part of what is
    /// remembered, exactly, only where the target is judged on its interval.
    /// </summary>
    public RagRating Rate(
        Measure measure, int position, decimal? actual, decimal? printed, decimal? lowerCi, decimal? upperCi, string? suppressionReason, Target? target,
        RagScheme scheme)
    {
        if (position < 0)
        {
            return RagRater.Rate(measure, actual, lowerCi, upperCi, suppressionReason, target, scheme);
        }

        var key = new ValueKey(position, actual, printed, suppressionReason, target, lowerCi, upperCi);
        if (!_ratings.TryGetValue(key, out var rating))
        {
            rating = RagRater.Rate(measure, actual, lowerCi, upperCi, suppressionReason, target, scheme);
            Remember(_ratings, key, rating);
        }

        return rating;
    }

    /// <summary><see cref="RagRater.RateFiveLevel(Measure, decimal?, decimal?, decimal?, string?, Target?)"/>, remembered as <see cref="Rate"/> is.</summary>
    public FiveLevelRating RateFiveLevel(
        Measure measure, int position, decimal? actual, decimal? printed, decimal? lowerCi, decimal? upperCi, string? suppressionReason, Target? target)
    {
        if (position < 0)
        {
            return RagRater.RateFiveLevel(measure, actual, lowerCi, upperCi, suppressionReason, target);
        }

        var key = new ValueKey(position, actual, printed, suppressionReason, target, lowerCi, upperCi);
        if (!_fiveLevel.TryGetValue(key, out var rating))
        {
            rating = RagRater.RateFiveLevel(measure, actual, lowerCi, upperCi, suppressionReason, target);
            Remember(_fiveLevel, key, rating);
        }

        return rating;
    }

    /// <summary><see cref="MeasureValueFormatter.Value"/>, remembered by the printed form of the value.</summary>
    public string Value(Measure measure, int position, decimal value, decimal? printed)
    {
        if (position < 0)
        {
            return MeasureValueFormatter.Value(measure, value);
        }

        var key = new ValueKey(position, value, printed, null, null, null, null);
        if (!_values.TryGetValue(key, out var text))
        {
            text = MeasureValueFormatter.Value(measure, value);
            Remember(_values, key, text);
        }

        return text;
    }

    /// <summary>
    /// The sentences of <see cref="Score.Explanation"/>, joined by single spaces: the rating; the change from the
    /// previous value; the England comparison; the data-quality flag; the note on a summed target.
    /// </summary>
    public string Explanation(
        Measure measure, int position, RagRating rating, Direction direction, decimal? previous, decimal? previousPrinted, BenchmarkComparison comparison,
        ComparatorValue? england, string? flag, string? targetNote)
    {
        var previousText = direction != Direction.NotComparable && previous is { } before ? Value(measure, position, before, previousPrinted) : null;
        var compared = comparison != BenchmarkComparison.NotCompared && england?.Value is not null ? england : null;
        flag = flag is { Length: > 0 } ? flag : null;
        return Join(measure, rating, direction, previousText, comparison, compared, flag, targetNote);
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>The explanation built in the buffer, as the string already handed out for that text if there is one.</summary>
    private string Join(
        Measure measure, RagRating rating, Direction direction, string? previousText, BenchmarkComparison comparison,
        ComparatorValue? england, string? flag, string? targetNote)
    {
        _length = 0;
        Append(rating.Explanation);
        if (previousText is not null)
        {
            Append(" ").Append(DirectionSentenceStart[(int)direction]).Append(" from ").Append(previousText)
                .Append(measure.Frequency == Frequency.Annual ? " a year earlier." : " the previous quarter.");
        }

        if (england is not null)
        {
            Append(" ").Append(ComparisonSentenceStart[(int)comparison]).Append(" England (")
                .Append(MeasureValueFormatter.Value(measure, england.Value!.Value)).Append(", ").Append(england.Period.Key).Append(").");
        }

        if (flag is not null)
        {
            Append(" Data quality: ").Append(flag).Append(".");
        }

        if (targetNote is not null)
        {
            Append(" ").Append(targetNote);
        }

        var text = _buffer.AsSpan(0, _length);
        if (_texts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known))
        {
            return known;
        }

        var made = new string(text);
        if (_texts.Count >= Capacity)
        {
            _texts.Clear();
        }

        _texts.Add(made);
        return made;
    }

    private TextCache Append(string text)
    {
        if (_length + text.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + text.Length));
        }

        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
        return this;
    }

    private static void Remember<TKey, TValue>(Dictionary<TKey, TValue> cache, TKey key, TValue value)
        where TKey : notnull
    {
        if (cache.Count >= Capacity)
        {
            cache.Clear();
        }

        cache[key] = value;
    }

    /// <summary>
    /// Measure position, the value as printed (rounded bits, and below zero or not), suppression reason, target object, and,
    /// for a target judged on the confidence interval, the interval's bounds exactly.
    /// </summary>
    private readonly struct ValueKey : IEquatable<ValueKey>
    {
        private readonly long _low;
        private readonly long _high;
        private readonly (long, long, long, long, byte) _interval;
        private readonly int _measure;
        private readonly byte _value;
        private readonly string? _suppression;
        private readonly Target? _target;

        /// <param name="printed">The value rounded with <see cref="OfficialRounding.Round"/>; null where the measure's decimals
        /// cannot be rounded to (the value is then remembered exactly, and the rater throws as it always did).</param>
        public ValueKey(int measure, decimal? value, decimal? printed, string? suppression, Target? target, decimal? lowerCi, decimal? upperCi)
        {
            _measure = measure;
            if (target?.UseConfidenceInterval == true)
            {
                var (lower, upper) = (lowerCi.GetValueOrDefault(), upperCi.GetValueOrDefault());
                var (l, u) = (Unsafe.As<decimal, (long, long)>(ref lower), Unsafe.As<decimal, (long, long)>(ref upper));
                _interval = (l.Item1, l.Item2, u.Item1, u.Item2, (byte)((lowerCi is null ? 1 : 0) | (upperCi is null ? 2 : 0) | 4));
            }

            if (value is { } v)
            {
                var shown = printed ?? v;
                var bits = Unsafe.As<decimal, (long Low, long High)>(ref shown);
                (_low, _high, _value) = (bits.Low, bits.High, v < 0 ? (byte)2 : (byte)1);
            }

            _suppression = suppression;
            _target = target;
        }

        public bool Equals(ValueKey other) =>
            _low == other._low && _high == other._high && _measure == other._measure && _value == other._value && _interval == other._interval
            && string.Equals(_suppression, other._suppression, StringComparison.Ordinal) && ReferenceEquals(_target, other._target);

        public override bool Equals(object? obj) => obj is ValueKey other && Equals(other);

        public override int GetHashCode() =>
            HashCode.Combine(_low, _high, _measure, _value, _interval, _suppression?.Length ?? -1, _target is null ? 0 : RuntimeHelpers.GetHashCode(_target));
    }
}
