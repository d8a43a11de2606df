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
/// The ratings of scoring (each with its sentence), worked out once per distinct input for a worker thread:
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
/// A score's whole explanation is not built here: <see cref="ScoreExplanation"/> keeps the shared rating and the other
/// parts, and joins them when the explanation is first read.
/// </para>
/// Never shared between threads; each table is emptied when it grows past <see cref="Capacity"/> entries.
/// </summary>
internal sealed class TextCache
{
    private const int Capacity = 1 << 16;

    private readonly Dictionary<ValueKey, RagRating> _ratings = [];
    private readonly Dictionary<ValueKey, FiveLevelRating> _fiveLevel = [];
    private readonly Dictionary<ValueKey, string> _values = [];

    /// <summary>Forgets everything (keeping the tables' size), before the worker serves another engine.</summary>
    public void Clear()
    {
        _ratings.Clear();
        _fiveLevel.Clear();
        _values.Clear();
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
