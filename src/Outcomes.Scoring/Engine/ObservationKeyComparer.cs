using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Engine;

/// <summary>Org unit and measure codes compare without case, as everywhere in the product, without allocating.</summary>
internal sealed class ObservationKeyComparer : IEqualityComparer<(string Unit, string Measure, Period Period)>
{
    public static readonly ObservationKeyComparer Instance = new();

    public bool Equals((string Unit, string Measure, Period Period) x, (string Unit, string Measure, Period Period) y) =>
        x.Period == y.Period
        && string.Equals(x.Unit, y.Unit, StringComparison.OrdinalIgnoreCase)
        && string.Equals(x.Measure, y.Measure, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode((string Unit, string Measure, Period Period) obj) =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Unit), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Measure), obj.Period);
}
