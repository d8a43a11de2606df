namespace Outcomes.Scoring.ConfidenceIntervals;

/// <summary>Wilson score interval for a proportion x/n (PHE "Wilson Score method", METHODS §1).</summary>
public static class WilsonInterval
{
    public static Interval Of(double events, double total, ConfidenceLevel level = ConfidenceLevel.Ninety5)
    {
        if (total <= 0 || events < 0 || events > total)
        {
            throw new ArgumentOutOfRangeException(nameof(events), $"Wilson needs 0 ≤ x ≤ n and n > 0 (x={events}, n={total}).");
        }

        var z = level.Z();
        var z2 = z * z;
        var centre = (2 * events) + z2;
        var spread = z * Math.Sqrt(z2 + (4 * events * (1 - (events / total))));
        var divisor = 2 * (total + z2);
        return new Interval((centre - spread) / divisor, (centre + spread) / divisor);
    }
}
