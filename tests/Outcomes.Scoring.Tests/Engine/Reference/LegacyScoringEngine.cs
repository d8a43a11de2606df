using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Observations;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Scores;
using Outcomes.Domain.Targets;
using Outcomes.Scoring.Benchmarking;
using Outcomes.Scoring.Rag;
using Outcomes.Scoring.RollUps;
using Outcomes.Scoring.Targets;
using Outcomes.Scoring.Engine;
using Outcomes.Scoring.Travel;

namespace Outcomes.Scoring.Tests.Engine.Reference;

/// <summary>
/// The scoring engine as it was before it was rebuilt around series (commit 8b6bc3c), kept verbatim apart from its
/// name as the reference the fast engine must match score for score: one dictionary of effective observations keyed
/// by (unit, measure, period), <see cref="RollUpCalculator.RollUp"/> for roll-ups, and every target, previous value
/// and England figure looked up afresh for each score. Slow, and obviously the definition; do not optimise it.
/// </summary>
internal sealed class LegacyScoringEngine
{
    private readonly ScoringRequest _request;
    private readonly Dictionary<(string Unit, string Measure, Period Period), Observation> _effective = new(LegacyKeyComparer.Instance);
    private readonly Dictionary<Period, List<string>> _unitsByPeriod = [];
    private readonly TargetResolver _targets;
    private readonly ILookup<string, ComparatorValue> _englandByIndicator;
    private readonly HashSet<(string Unit, string Measure, Period Period)> _rolledUp = new(LegacyKeyComparer.Instance);
    private readonly ILookup<string, string> _rollUpChildren;

    public LegacyScoringEngine(ScoringRequest request, DateOnly rollUpAsOf)
    {
        _request = request;
        _targets = new TargetResolver(request.Hierarchy, request.Targets);
        foreach (var o in request.Observations)
        {
            _effective[Key(o.OrgUnitCode, o.MeasureCode, o.Period)] = o;
        }

        foreach (var o in RollUpCalculator.RollUp(request.Version, request.Hierarchy, request.Observations, rollUpAsOf))
        {
            _effective[Key(o.OrgUnitCode, o.MeasureCode, o.Period)] = o;
            _rolledUp.Add(Key(o.OrgUnitCode, o.MeasureCode, o.Period));
        }

        foreach (var byPeriod in _effective.Keys.GroupBy(k => k.Period))
        {
            _unitsByPeriod[byPeriod.Key] = byPeriod
                .Select(k => request.Hierarchy.TryGet(k.Unit, out var u) ? u.Code : k.Unit)
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        }

        _rollUpChildren = request.Hierarchy.Units
            .Select(u => (Child: u.Code, Parent: request.Hierarchy.RollUpParent(u.Code, rollUpAsOf)))
            .Where(x => x.Parent is not null)
            .ToLookup(x => x.Parent!, x => x.Child, StringComparer.OrdinalIgnoreCase);

        _englandByIndicator = request.Comparators
            .Where(c => c.AreaCode == request.EnglandAreaCode && c.Breakdown == "Total")
            .ToLookup(c => c.IndicatorCode, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Org units with a returned or rolled-up value in the period.</summary>
    public IReadOnlyList<string> UnitsWithData(Period period) =>
        _unitsByPeriod.TryGetValue(period, out var units) ? units : [];

    public IReadOnlyList<Score> ScorePeriod(Period period) =>
        UnitsWithData(period).SelectMany(u => ScoreUnit(u, period)).ToList();

    public IReadOnlyList<Score> ScoreUnit(string orgUnitCode, Period period) =>
        _request.Version.Measures.Select(m => ScoreMeasure(m, orgUnitCode, period)).ToList();

    public Score ScoreMeasure(Measure measure, string orgUnitCode, Period period)
    {
        var current = Current(measure, orgUnitCode, period);
        var comparedPeriod = current?.Period ?? period;
        var previous = Find(orgUnitCode, measure.Code, measure.Frequency == Frequency.Annual ? comparedPeriod.SameLastYear() : period.Previous());
        var lastYear = Find(orgUnitCode, measure.Code, comparedPeriod.SameLastYear());
        var (target, targetNote) = TargetFor(measure, orgUnitCode, period);
        var actual = current?.HasValue == true ? current.Value : null;
        var interval = current?.HasValue == true ? BenchmarkComparer.IntervalFor(measure, current.Numerator, current.Denominator) : null;
        var lowerCi = interval is { } lo ? (decimal?)lo.Lower : null;
        var upperCi = interval is { } hi ? (decimal?)hi.Upper : null;
        var five = _request.Version.Scheme == RagScheme.FiveLevel
            ? RagRater.RateFiveLevel(measure, current?.Value, lowerCi, upperCi, current?.SuppressionReason, target)
            : null;
        var rating = five?.ToRagRating() ?? RagRater.Rate(measure, current?.Value, lowerCi, upperCi, current?.SuppressionReason, target, _request.Version.Scheme);
        var fromPrevious = DirectionOfTravel.Compare(measure, actual, previous?.HasValue == true ? previous.Value : null, _request.Materiality);
        var fromLastYear = DirectionOfTravel.Compare(measure, actual, lastYear?.HasValue == true ? lastYear.Value : null, _request.Materiality);
        var england = actual is null ? null : England(measure, comparedPeriod);
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
            DataQualityFlag = current?.DataQualityFlag is { Length: > 0 } flag ? flag : null, // added with the field, so scores compare
            Explanation = Explain(measure, rating, fromPrevious, previous, comparison, england, current)
                + (targetNote is null || target is null ? string.Empty : " " + targetNote),
        };
    }

    /// <summary>
    /// The unit's own target; for a count that was rolled up from units below, the sum of their targets (a cluster's
    /// target of 140 parents must not be applied to a whole authority's 990); otherwise the inherited one.
    /// </summary>
    private (Target? Target, string? Note) TargetFor(Measure measure, string unit, Period period)
    {
        // Effective targets: an annual count phased to the quarter (year to date when cumulative), or a trajectory's value.
        if (_targets.ResolveOwnEffective(measure, unit, period) is { } own)
        {
            return (own.Target, own.Note);
        }

        var additive = measure.Aggregation is Aggregation.Sum or Aggregation.LatestSnapshot && measure.Unit is MeasureUnit.Count or MeasureUnit.Currency;
        if (!additive || !_rolledUp.Contains(Key(unit, measure.Code, period)))
        {
            var inherited = _targets.ResolveEffective(measure, unit, period);
            return (inherited?.Target, inherited?.Note);
        }

        var parts = _rollUpChildren[unit]
            .Where(child => Find(child, measure.Code, period)?.HasValue == true)
            .Select(child => TargetFor(measure, child, period).Target)
            .ToList();
        if (parts.Count == 0 || parts.Any(p => p is null))
        {
            return (null, null);
        }

        var first = parts[0]!;
        var sameKind = parts.All(p => p!.ToleranceKind == first.ToleranceKind);
        var summed = first with
        {
            OrgUnitCode = unit,
            Value = parts.Sum(p => p!.Value),
            Stretch = parts.All(p => p!.Stretch is not null) ? parts.Sum(p => p!.Stretch!.Value) : null,
            ToleranceKind = sameKind ? first.ToleranceKind : ToleranceKind.Absolute,
            Tolerance = sameKind && first.ToleranceKind == ToleranceKind.Relative ? first.Tolerance : parts.Sum(p => p!.ToleranceKind == ToleranceKind.Absolute ? p.Tolerance : p.Value * p.Tolerance / 100m),
        };
        return (summed, $"The target is the sum of the targets of the {parts.Count} units that reported.");
    }

    private static string Explain(
        Measure measure, RagRating rating, Direction direction, Observation? previous, BenchmarkComparison comparison,
        ComparatorValue? england, Observation? current)
    {
        var parts = new List<string> { rating.Explanation };
        if (direction != Direction.NotComparable && previous?.Value is { } before)
        {
            var when = measure.Frequency == Frequency.Annual ? "a year earlier" : "the previous quarter";
            parts.Add(direction == Direction.NoChange
                ? $"No change from {MeasureValueFormatter.Value(measure, before)} {when}."
                : $"{Capitalise(DirectionOfTravel.Describe(direction))} from {MeasureValueFormatter.Value(measure, before)} {when}.");
        }

        if (comparison != BenchmarkComparison.NotCompared && england?.Value is { } e)
        {
            parts.Add($"{Capitalise(BenchmarkComparer.Describe(comparison))} England ({MeasureValueFormatter.Value(measure, e)}, {england.Period.Key}).");
        }

        if (current?.DataQualityFlag is { Length: > 0 } flag)
        {
            parts.Add($"Data quality: {flag}.");
        }

        return string.Join(' ', parts);
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>
    /// The value for the period; for an annual measure, the latest value returned in the twelve months
    /// to the period's end (GLD is returned once a year and carried in later quarters' packs).
    /// </summary>
    private Observation? Current(Measure measure, string unit, Period period)
    {
        if (measure.Frequency != Frequency.Annual || period.Type != PeriodType.FinancialQuarter)
        {
            return Find(unit, measure.Code, period);
        }

        for (var p = period; p > period.Shift(-4); p = p.Previous())
        {
            if (Find(unit, measure.Code, p) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private Observation? Find(string unit, string measure, Period period) =>
        _effective.TryGetValue(Key(unit, measure, period), out var o) ? o : null;

    /// <summary>The England figure whose period ended most recently, within a year, on or before the compared period's end.</summary>
    private ComparatorValue? England(Measure measure, Period period) =>
        measure.Comparators.SelectMany(i => _englandByIndicator[i])
            .Where(c => c.Value is not null && c.Period.End <= period.End && c.Period.End > period.End.AddYears(-1))
            .OrderByDescending(c => c.Period.End)
            .FirstOrDefault();

    private static (string, string, Period) Key(string unit, string measure, Period period) => (unit, measure, period);
}

/// <summary>Org unit and measure codes compare without case (the engine's internal comparer, copied).</summary>
internal sealed class LegacyKeyComparer : IEqualityComparer<(string Unit, string Measure, Period Period)>
{
    public static readonly LegacyKeyComparer Instance = new();

    public bool Equals((string Unit, string Measure, Period Period) x, (string Unit, string Measure, Period Period) y) =>
        x.Period == y.Period
        && string.Equals(x.Unit, y.Unit, StringComparison.OrdinalIgnoreCase)
        && string.Equals(x.Measure, y.Measure, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode((string Unit, string Measure, Period Period) obj) =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Unit), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Measure), obj.Period);
}
