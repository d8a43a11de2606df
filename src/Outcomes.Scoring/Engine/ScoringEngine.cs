using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Observations;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.Rag;
using Outcomes.Scoring.Travel;

namespace Outcomes.Scoring.Engine;

/// <summary>
/// Scores every measure for every org unit with data (returned or rolled up) in the requested periods:
/// status against target, direction of travel, confidence interval, England comparison and a sentence
/// that explains it. Pure: the same request always gives the same scores.
/// </summary>
/// <remarks>
/// Built around series: the constructor groups the observations once into org unit × measure arrays ordered by
/// period and rolls them up into the same structure (<see cref="SeriesStore"/>); <see cref="ScoreAll"/> then walks
/// each series once, finding the previous quarter and the same quarter last year by index, with target resolution
/// cached per measure × unit × range of periods (<see cref="TargetCache"/>), ratings and sentences remembered by
/// their inputs (<see cref="TextCache"/>), and the measures shared out across cores.
/// A per-series statistic belongs in <see cref="ScoreSeries"/>, over the <see cref="SeriesView"/> it is handed.
/// </remarks>
public sealed class ScoringEngine
{
    /// <summary>Below this many scores a bulk call runs on the calling thread: handing out work would cost more.</summary>
    private const int ParallelFrom = 4096;

    private static readonly object NotYet = new();

    /// <summary>
    /// Workers between calls, their tables emptied but kept at size: every engine (one per authority and framework
    /// version) would otherwise grow its own from nothing, and on a national run that churn is a good part of the memory.
    /// </summary>
    private static readonly ConcurrentBag<Worker> Spare = [];
    private static readonly string[] SumNotes = [.. Enumerable.Range(0, 64).Select(n => $"The target is the sum of the targets of the {n} units that reported.")];

    private readonly ScoringRequest _request;
    private readonly SeriesStore _store;
    private readonly TargetCache _targets;
    private readonly ILookup<string, ComparatorValue> _englandByIndicator;
    private readonly Measure[] _measures;
    private readonly int[] _measureCode;
    private readonly int[] _periodOffset = new int[7];
    private readonly object?[] _england;
    private readonly object?[] _summedTargets;
    private readonly ConcurrentDictionary<SumKey, Target> _sums = new();

    public ScoringEngine(ScoringRequest request, DateOnly rollUpAsOf)
    {
        _request = request;
        _store = new SeriesStore(request.Version, request.Hierarchy, request.Observations, rollUpAsOf);
        _targets = new TargetCache(_store, request.Hierarchy, request.Targets);
        _englandByIndicator = request.Comparators
            .Where(c => c.AreaCode == request.EnglandAreaCode && c.Breakdown == "Total")
            .ToLookup(c => c.IndicatorCode, StringComparer.OrdinalIgnoreCase);
        _measures = [.. request.Version.Measures];
        _measureCode = [.. _measures.Select(m => _store.CodeOf(m.Code))];
        for (var type = 0; type < 6; type++)
        {
            _periodOffset[type + 1] = _periodOffset[type] + (_store.Axis(type)?.Count ?? 0);
        }

        _england = new object?[_measures.Length * _periodOffset[6]];
        Array.Fill(_england, NotYet);
        _summedTargets = request.Targets.Count > 0 && _measures.Any(Additive) ? new object?[_store.SlotCount] : [];
    }

    /// <summary>Org units with a returned or rolled-up value in the period.</summary>
    public IReadOnlyList<string> UnitsWithData(Period period) =>
        _store.Axis(period.Type) is { } axis && axis.IndexOf(period) is var t and >= 0 ? _store.UnitCodesWithData((int)period.Type, t) : [];

    public IReadOnlyList<Score> ScorePeriod(Period period) => ScoreAll([period]);

    public IReadOnlyList<Score> ScoreUnit(string orgUnitCode, Period period)
    {
        var worker = Rent();
        var scores = _measures.Select((m, j) => ScoreMeasure(m, j, orgUnitCode, period, worker)).ToList();
        Return(worker);
        return scores;
    }

    public Score ScoreMeasure(Measure measure, string orgUnitCode, Period period)
    {
        var worker = Rent();
        var score = ScoreMeasure(measure, Array.IndexOf(_measures, measure), orgUnitCode, period, worker);
        Return(worker);
        return score;
    }

    /// <summary>
    /// Every score of every period, in the order of <c>periods.SelectMany(ScorePeriod)</c>: by period, then org unit
    /// (ordinal), then measure (framework order). Each series is scored in one pass, and the measures are shared out
    /// across <paramref name="maxDegreeOfParallelism"/> cores (-1: all); every score goes to its own place in the list,
    /// so the result does not depend on how the work was shared.
    /// </summary>
    public IReadOnlyList<Score> ScoreAll(IEnumerable<Period> periods, int maxDegreeOfParallelism = -1)
    {
        var plan = new Plan(this, periods);
        var scores = new Score[plan.Total];
        if (maxDegreeOfParallelism == 1 || plan.Total < ParallelFrom || Environment.ProcessorCount == 1)
        {
            var worker = Rent();
            try
            {
                for (var j = 0; j < _measures.Length; j++)
                {
                    ScoreSeries(j, plan, scores, worker);
                }

                Return(worker);
            }
            catch (Exception)
            {
                plan.ScoreInReportOrder(Rent());
                throw;
            }

            return scores;
        }

        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
            Parallel.For(0, _measures.Length, options, Rent, (j, _, worker) =>
            {
                ScoreSeries(j, plan, scores, worker);
                return worker;
            }, Return);
        }
        catch (AggregateException)
        {
            // Fail as ScorePeriod always did: with the first failing score in report order, not whichever thread lost.
            plan.ScoreInReportOrder(Rent());
            throw;
        }

        return scores;
    }

    private static bool Additive(Measure measure) =>
        measure.Aggregation is Aggregation.Sum or Aggregation.LatestSnapshot && measure.Unit is MeasureUnit.Count or MeasureUnit.Currency;

    /// <summary>A worker (series view, remembered ratings and texts) for one call, from the spares if there is one.</summary>
    private static Worker Rent() => Spare.TryTake(out var worker) ? worker : new Worker();

    private static void Return(Worker worker)
    {
        worker.Texts.Clear();
        worker.Series.Release();
        if (Spare.Count < 2 * Environment.ProcessorCount)
        {
            Spare.Add(worker);
        }
    }

    /// <summary>
    /// The series pass for one measure: each org unit's series of it, scored in every requested period the unit has
    /// data. Work is shared out by measure, so each worker's remembered ratings and texts (which are per measure) are
    /// never worked out twice, and a unit's summed target reads only its own measure's sums.
    /// </summary>
    private void ScoreSeries(int j, Plan plan, Score[] scores, Worker worker)
    {
        foreach (var type in plan.Types)
        {
            var axis = _store.Axis(type)!;
            for (var unit = 0; unit < _store.UnitCount; unit++)
            {
                var series = _store.SeriesOf(unit, _measureCode[j], type);
                _store.Point(worker.Series, series, _store.UnitCode(unit), _measures[j], axis);

                // Per-series statistics (SPC limits, recent trend, funnel position) are computed here, once, over
                // worker.Series.Values / Numerators / Denominators, and read below by index for each period.
                foreach (var (position, t) in plan.PeriodsOfType[type])
                {
                    if (plan.Rank(position, unit) is var rank and >= 0)
                    {
                        scores[plan.Offset(position, rank) + j] = ScoreAt(j, unit, series, axis, t, plan.UnitCode(position, rank), worker);
                    }
                }
            }
        }
    }

    /// <summary>One score on the series path: the unit, measure and period are known to the store.</summary>
    private Score ScoreAt(int j, int unit, int series, PeriodAxis axis, int t, string unitCode, Worker worker)
    {
        var measure = _measures[j];
        var period = axis.Periods[t];
        int current;
        if (measure.Frequency == Frequency.Annual && axis.Type == PeriodType.FinancialQuarter)
        {
            current = PeriodAxis.Missing;
            foreach (var back in axis.AnnualLookBack[t])
            {
                if (back == PeriodAxis.Unavailable)
                {
                    return ScoreMeasure(measure, j, unitCode, period, worker);
                }

                if (back >= 0 && _store.At(series, back) is not null)
                {
                    current = back;
                    break;
                }
            }
        }
        else
        {
            current = _store.At(series, t) is null ? PeriodAxis.Missing : t;
        }

        var compared = current >= 0 ? current : t;
        var previous = measure.Frequency == Frequency.Annual ? axis.SameLastYear[compared] : axis.Previous[t];
        var lastYear = axis.SameLastYear[compared];
        if (previous == PeriodAxis.Unavailable || lastYear == PeriodAxis.Unavailable)
        {
            return ScoreMeasure(measure, j, unitCode, period, worker);
        }

        var view = worker.Series;
        return Build(
            measure, j, _measureCode[j], unit, unitCode, period, t,
            Found.At(view, current), Found.At(view, previous), Found.At(view, lastYear), axis.Periods[compared], compared, worker);
    }

    /// <summary>One score for any measure, unit and period, found period by period as the engine always did.</summary>
    private Score ScoreMeasure(Measure measure, int j, string orgUnitCode, Period period, Worker worker)
    {
        var current = Current(measure, orgUnitCode, period);
        var comparedPeriod = current?.Period ?? period;
        var previous = _store.Find(orgUnitCode, measure.Code, measure.Frequency == Frequency.Annual ? comparedPeriod.SameLastYear() : period.Previous());
        var lastYear = _store.Find(orgUnitCode, measure.Code, comparedPeriod.SameLastYear());
        var axis = _store.Axis(period.Type);
        return Build(
            measure, j, _store.CodeOf(measure.Code), _store.UnitOf(orgUnitCode), orgUnitCode, period, axis?.IndexOf(period) ?? PeriodAxis.Missing,
            Found.Of(measure, current), Found.Of(measure, previous), Found.Of(measure, lastYear), comparedPeriod,
            axis?.IndexOf(comparedPeriod) ?? PeriodAxis.Missing, worker);
    }

    /// <summary>
    /// The value for the period; for an annual measure, the latest value returned in the twelve months
    /// to the period's end (GLD is returned once a year and carried in later quarters' packs).
    /// </summary>
    private Observation? Current(Measure measure, string unit, Period period)
    {
        if (measure.Frequency != Frequency.Annual || period.Type != PeriodType.FinancialQuarter)
        {
            return _store.Find(unit, measure.Code, period);
        }

        for (var p = period; p > period.Shift(-4); p = p.Previous())
        {
            if (_store.Find(unit, measure.Code, p) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private Score Build(
        Measure measure, int j, int code, int unit, string orgUnitCode, Period period, int t,
        Found found, Found before, Found yearBefore, Period comparedPeriod, int compared, Worker worker)
    {
        var (current, previous) = (found.Observation, before.Observation);

        // Summed targets are remembered per slot when the score is of the framework's own measure under the unit's own code.
        var remember = j >= 0 && ReferenceEquals(measure, _measures[j]) && unit >= 0 && string.Equals(orgUnitCode, _store.UnitCode(unit), StringComparison.Ordinal);
        var (target, targetNote) = TargetFor(measure, remember, code, orgUnitCode, unit, period, t);
        var actual = current?.HasValue == true ? current.Value : null;
        var interval = current?.HasValue == true ? BenchmarkComparer.IntervalFor(measure, current.Numerator, current.Denominator) : null;
        var lowerCi = interval is { } lo ? (decimal?)lo.Lower : null;
        var upperCi = interval is { } hi ? (decimal?)hi.Upper : null;
        var scheme = _request.Version.Scheme;
        var five = scheme == RagScheme.FiveLevel
            ? worker.Texts.RateFiveLevel(measure, j, current?.Value, found.Printed, lowerCi, upperCi, current?.SuppressionReason, target)
            : null;
        var rating = five?.ToRagRating()
            ?? worker.Texts.Rate(measure, j, current?.Value, found.Printed, lowerCi, upperCi, current?.SuppressionReason, target, scheme);
        var fromPrevious = Travel(measure, found, before);
        var fromLastYear = Travel(measure, found, yearBefore);
        var england = actual is null ? null : England(measure, j, comparedPeriod, compared);
        var comparison = interval is { } ci && england?.Value is { } e
            ? BenchmarkComparer.Compare(ci, (double)e, measure.Polarity)
            : BenchmarkComparison.NotCompared;

        return new Score
        {
            FrameworkCode = _request.Version.FrameworkCode,
            MeasureCode = measure.Code,
            OrgUnitCode = orgUnitCode,
            Period = period,
            Actual = actual,
            Numerator = current?.Numerator,
            Denominator = current?.Denominator,
            SuppressionReason = current?.SuppressionReason,
            Target = target?.Value,
            Status = rating.Status,
            DirectionFromPrevious = fromPrevious,
            DirectionFromLastYear = fromLastYear,
            PreviousValue = previous?.Value,
            LowerCi = lowerCi,
            UpperCi = upperCi,
            Band = five?.Status is FiveLevelStatus.AmberGreen or FiveLevelStatus.AmberRed ? five.Status.Letter() : null,
            Comparator = england?.Value,
            ComparedWithEngland = comparison,
            Commentary = current?.Commentary,
            DataQualityFlag = current?.DataQualityFlag is { Length: > 0 } flag ? flag : null,
            DeferredExplanation = ScoreExplanation.For(
                measure, rating, fromPrevious, previous?.Value, comparison, england, current?.DataQualityFlag, target is null ? null : targetNote),
        };
    }

    /// <summary><see cref="DirectionOfTravel.Compare"/> between two values that are there, from their printed forms where known.</summary>
    private Direction Travel(Measure measure, Found current, Found earlier)
    {
        if (current.Observation?.HasValue != true || earlier.Observation?.HasValue != true)
        {
            return Direction.NotComparable;
        }

        return current.Printed is { } now && earlier.Printed is { } then
            ? DirectionOfTravel.CompareRounded(measure, now, then, _request.Materiality)
            : DirectionOfTravel.Compare(measure, current.Observation.Value, earlier.Observation.Value, _request.Materiality);
    }

    /// <summary>
    /// The unit's own target; for a count that was rolled up from units below, the sum of their targets (a cluster's
    /// target of 140 parents must not be applied to a whole authority's 990); otherwise the inherited one.
    /// </summary>
    private (Target? Target, string? Note) TargetFor(Measure measure, bool remember, int code, string unitCode, int unit, Period period, int t)
    {
        // Effective targets: an annual count phased to the quarter (year to date when cumulative), or a trajectory's value.
        if (_targets.ResolveOwnEffective(measure, code, unitCode, unit, period, t) is { } own)
        {
            return (own.Target, own.Note);
        }

        var type = (int)period.Type;
        var series = unit >= 0 && code >= 0 && t >= 0 ? _store.SeriesOf(unit, code, type) : -1;
        if (!Additive(measure) || !_store.RolledUpAt(series, t))
        {
            var inherited = _targets.ResolveEffective(measure, code, unitCode, unit, period, t);
            return (inherited?.Target, inherited?.Note);
        }

        if (remember && _summedTargets.Length > 0)
        {
            ref var entry = ref _summedTargets[_store.SlotOf(series, t)];
            if (entry is not TargetChoice choice)
            {
                entry = choice = new TargetChoice(SumOfChildren(measure, remember, code, unitCode, unit, period, t));
            }

            return choice.Value;
        }

        return SumOfChildren(measure, remember, code, unitCode, unit, period, t);
    }

    /// <summary>The sum of the targets of the children that reported (null if any of them has none), in the children's order.</summary>
    private (Target? Target, string? Note) SumOfChildren(Measure measure, bool remember, int code, string unitCode, int unit, Period period, int t)
    {
        var type = (int)period.Type;
        var parts = new List<Target>();
        var anyWithout = false;
        foreach (var child in _store.RollUpChildren(unit))
        {
            if (_store.At(_store.SeriesOf(child, code, type), t)?.HasValue == true)
            {
                var part = TargetFor(measure, remember, code, _store.UnitCode(child), child, period, t).Target;
                anyWithout |= part is null;
                parts.Add(part!);
            }
        }

        if (parts.Count == 0 || anyWithout)
        {
            return (null, null);
        }

        var first = parts[0];
        var (sameKind, allStretch) = (true, true);
        foreach (var part in parts)
        {
            sameKind &= part.ToleranceKind == first.ToleranceKind;
            allStretch &= part.Stretch is not null;
        }

        var relative = sameKind && first.ToleranceKind == ToleranceKind.Relative;
        decimal value = 0m, stretch = 0m, tolerance = 0m;
        foreach (var part in parts)
        {
            value += part.Value;
        }

        if (allStretch)
        {
            foreach (var part in parts)
            {
                stretch += part.Stretch!.Value;
            }
        }

        if (!relative)
        {
            foreach (var part in parts)
            {
                tolerance += part.ToleranceKind == ToleranceKind.Absolute ? part.Tolerance : part.Value * part.Tolerance / 100m;
            }
        }

        var summed = first with
        {
            OrgUnitCode = unitCode,
            Value = value,
            Stretch = allStretch ? stretch : null,
            ToleranceKind = sameKind ? first.ToleranceKind : ToleranceKind.Absolute,
            Tolerance = relative ? first.Tolerance : tolerance,
        };

        // One object per distinct sum (a unit's summed target is usually the same every quarter), so that ratings,
        // which are remembered by target object, are shared between the quarters.
        return (_sums.GetOrAdd(new SumKey(summed, first), summed), SumNote(parts.Count));
    }

    private static string SumNote(int parts) =>
        parts < SumNotes.Length ? SumNotes[parts] : $"The target is the sum of the targets of the {parts} units that reported.";

    /// <summary>The England figure whose period ended most recently, within a year, on or before the compared period's end.</summary>
    private ComparatorValue? England(Measure measure, int j, Period period, int compared)
    {
        if (j < 0 || compared < 0)
        {
            return EnglandFor(measure, period);
        }

        ref var entry = ref _england[(j * _periodOffset[6]) + _periodOffset[(int)period.Type] + compared];
        if (ReferenceEquals(entry, NotYet))
        {
            entry = EnglandFor(measure, period);
        }

        return (ComparatorValue?)entry;
    }

    private ComparatorValue? EnglandFor(Measure measure, Period period) =>
        measure.Comparators.SelectMany(i => _englandByIndicator[i])
            .Where(c => c.Value is not null && c.Period.End <= period.End && c.Period.End > period.End.AddYears(-1))
            .OrderByDescending(c => c.Period.End)
            .FirstOrDefault();

    /// <summary>
    /// A summed target, exactly: the target it was copied from (by reference: every other field comes from it) and the
    /// fields the sum set, decimals bit for bit.
    /// </summary>
    private readonly struct SumKey(Target summed, Target first) : IEquatable<SumKey>
    {
        private readonly Target _first = first;
        private readonly string? _unit = summed.OrgUnitCode;
        private readonly (long, long) _value = Bits(summed.Value);
        private readonly (long, long) _stretch = summed.Stretch is { } s ? Bits(s) : (0, -1);
        private readonly (long, long) _tolerance = Bits(summed.Tolerance);
        private readonly ToleranceKind _kind = summed.ToleranceKind;

        public bool Equals(SumKey other) =>
            ReferenceEquals(_first, other._first) && string.Equals(_unit, other._unit, StringComparison.Ordinal)
            && _value == other._value && _stretch == other._stretch && _tolerance == other._tolerance && _kind == other._kind;

        public override bool Equals(object? obj) => obj is SumKey other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_first), _unit?.Length ?? -1, _value, _stretch, _tolerance, _kind);

        private static (long, long) Bits(decimal d) => Unsafe.As<decimal, (long, long)>(ref d);
    }

    /// <summary>An effective observation (or none) and its value as printed, when that is known.</summary>
    private readonly record struct Found(Observation? Observation, decimal? Printed)
    {
        /// <summary>Slot <paramref name="index"/> of the series the view shows, its printed value taken from the view.</summary>
        public static Found At(SeriesView view, int index) =>
            index < 0 || view.Observations[index] is not { } o ? default
            : new Found(o, o.Value is not null && view.Printable ? view.Printed[index] : null);

        public static Found Of(Measure measure, Observation? observation) =>
            new(observation, observation?.Value is { } v && measure.Decimals is >= 0 and <= 28 ? OfficialRounding.Round(v, measure.Decimals) : null);
    }

    /// <summary>What one worker thread reuses from score to score.</summary>
    private sealed class Worker
    {
        public SeriesView Series { get; } = new();

        public TextCache Texts { get; } = new();
    }

    /// <summary>A summed target worked out once for its slot (a class, so a racing thread sees all of it or none).</summary>
    private sealed class TargetChoice((Target? Target, string? Note) value)
    {
        public (Target? Target, string? Note) Value { get; } = value;
    }

    /// <summary>Where each requested period's scores go in the result: by period, then unit rank, then measure.</summary>
    private sealed class Plan
    {
        private readonly ScoringEngine _engine;
        private readonly List<(int Type, int Period)> _requested = [];
        private readonly List<int> _offsets = [0];
        private readonly List<int[]> _ranks = [];

        public Plan(ScoringEngine engine, IEnumerable<Period> periods)
        {
            _engine = engine;
            var store = engine._store;
            var ranks = new Dictionary<(int, int), int[]>();
            PeriodsOfType = new List<(int Position, int Period)>[6];
            foreach (var period in periods)
            {
                var type = (int)period.Type;
                if (store.Axis(type) is not { } axis || axis.IndexOf(period) is not (var t and >= 0))
                {
                    continue;
                }

                if (!ranks.TryGetValue((type, t), out var rank))
                {
                    rank = ranks[(type, t)] = new int[store.UnitCount];
                    Array.Fill(rank, -1);
                    var units = store.UnitsWithData(type, t);
                    for (var r = 0; r < units.Count; r++)
                    {
                        rank[units[r]] = r;
                    }
                }

                (PeriodsOfType[type] ??= []).Add((_requested.Count, t));
                _requested.Add((type, t));
                _ranks.Add(rank);
                _offsets.Add(_offsets[^1] + (store.UnitsWithData(type, t).Count * engine._measures.Length));
            }

            Types = [.. Enumerable.Range(0, 6).Where(type => PeriodsOfType[type] is not null)];
        }

        public int Total => _offsets[^1];

        /// <summary>The period types asked for.</summary>
        public int[] Types { get; }

        /// <summary>For each type: (position in the request, index on the axis).</summary>
        public List<(int Position, int Period)>[] PeriodsOfType { get; }

        /// <summary>The unit's place among the period's units with data, or -1.</summary>
        public int Rank(int position, int unit) => _ranks[position][unit];

        public int Offset(int position, int rank) => _offsets[position] + (rank * _engine._measures.Length);

        public string UnitCode(int position, int rank)
        {
            var (type, t) = _requested[position];
            return _engine._store.UnitCodesWithData(type, t)[rank];
        }

        /// <summary>Scores everything in the order ScorePeriod reports it, discarding the results (to fail in that order).</summary>
        public void ScoreInReportOrder(Worker worker)
        {
            var store = _engine._store;
            for (var position = 0; position < _requested.Count; position++)
            {
                var (type, t) = _requested[position];
                var units = store.UnitsWithData(type, t);
                for (var rank = 0; rank < units.Count; rank++)
                {
                    for (var j = 0; j < _engine._measures.Length; j++)
                    {
                        var series = store.SeriesOf(units[rank], _engine._measureCode[j], type);
                        store.Point(worker.Series, series, store.UnitCode(units[rank]), _engine._measures[j], store.Axis(type)!);
                        _engine.ScoreAt(j, units[rank], series, store.Axis(type)!, t, UnitCode(position, rank), worker);
                    }
                }
            }
        }
    }
}
