using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Observations;
using Outcomes.Domain.Periods;

namespace Outcomes.Application.Samples;

/// <summary>
/// Plausible quarterly values for a measure at one returning unit: a per-unit baseline near the target, a gentle
/// drift, seasonal noise, and ratios built from whole numerators and denominators so roll-ups recompute exactly.
/// Deterministic for a seed, so the committed sample returns can be regenerated and checked.
/// </summary>
public sealed class SampleValueModel
{
    private readonly int _seed;

    public SampleValueModel(int seed) => _seed = seed;

    public Observation Generate(Measure measure, string unitCode, Period period, decimal? target, int unitSize)
    {
        var unitRandom = new Random(StableHash(_seed, unitCode, measure.Code));
        var periodRandom = new Random(StableHash(_seed, unitCode, measure.Code, period.Key));
        var step = (period.FinancialYearStart - 2017) * 4 + Math.Max(period.Quarter, 1) - 1;
        var centre = target ?? DefaultCentre(measure);
        var baseline = centre * (decimal)(0.9 + (unitRandom.NextDouble() * 0.2));
        var drift = (decimal)((unitRandom.NextDouble() - 0.4) * 0.01) * step * centre;
        var noise = (decimal)((periodRandom.NextDouble() - 0.5) * 0.08) * centre;
        var level = Math.Max(0m, baseline + drift + noise);

        if (measure.HasRatio)
        {
            var denominator = Math.Max(8, (int)(unitSize * (0.8 + (periodRandom.NextDouble() * 0.4))));
            var share = Math.Clamp(level / measure.Multiplier, 0m, 1m);
            var numerator = Math.Min(denominator, (int)Math.Round(denominator * share, MidpointRounding.AwayFromZero));
            return new Observation
            {
                OrgUnitCode = unitCode, Period = period, MeasureCode = measure.Code,
                Numerator = numerator, Denominator = denominator,
                Value = OfficialRounding.Round((decimal)numerator / denominator * measure.Multiplier, measure.Decimals),
            };
        }

        var value = measure.Unit == MeasureUnit.Count ? Math.Round(level, MidpointRounding.AwayFromZero) : OfficialRounding.Round(level, measure.Decimals);
        if (measure.Unit == MeasureUnit.Percentage)
        {
            value = Math.Min(100m, value);
        }

        return new Observation { OrgUnitCode = unitCode, Period = period, MeasureCode = measure.Code, Value = value };
    }

    private static decimal DefaultCentre(Measure measure) => measure.Unit switch
    {
        MeasureUnit.Percentage => 60m,
        MeasureUnit.Rate => 50m,
        MeasureUnit.Score => 3.5m,
        MeasureUnit.Currency => 1200m,
        _ => 120m,
    };

    /// <summary>FNV-1a over the parts: stable across runs and platforms, unlike string.GetHashCode.</summary>
    public static int StableHash(int seed, params string[] parts)
    {
        unchecked
        {
            var hash = 2166136261u ^ (uint)seed;
            foreach (var ch in string.Join('|', parts))
            {
                hash = (hash ^ ch) * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }
}
