using System.Globalization;
using Outcomes.Domain.Frameworks;

namespace Outcomes.Scoring.Benchmarking;

/// <summary>
/// Where a value falls among its peers' quantile bands (METHODS §2): band 1 holds the lowest values, band
/// <see cref="Bands"/> the highest; <see cref="Band"/> is 0 when not calculable (fewer than five areas, or no value).
/// </summary>
/// <param name="Band">1 (lowest) … <paramref name="Bands"/> (highest), or 0.</param>
/// <param name="Bands">5 for quintiles, 4 for quartiles.</param>
/// <param name="Areas">Peer values the cut points came from.</param>
public readonly record struct PeerBand(int Band, int Bands, int Areas)
{
    /// <summary>A band was assigned.</summary>
    public bool IsCalculable => Band > 0;

    /// <summary>"in the highest fifth of 12 areas (the best)", or why it was not calculated.</summary>
    public string Describe(Polarity polarity)
    {
        if (!IsCalculable)
        {
            return Areas < PeerBands.MinimumAreas
                ? string.Create(CultureInfo.InvariantCulture, $"not placed: {Areas} areas, and quantiles need at least {PeerBands.MinimumAreas}")
                : "not placed: no value";
        }

        var place = (Bands, Band) switch
        {
            (5, 1) => "the lowest fifth",
            (5, 2) => "the second-lowest fifth",
            (5, 3) => "the middle fifth",
            (5, 4) => "the second-highest fifth",
            (5, 5) => "the highest fifth",
            (4, 1) => "the lowest quarter",
            (4, 2) => "the second-lowest quarter",
            (4, 3) => "the second-highest quarter",
            (4, 4) => "the highest quarter",
            _ => string.Create(CultureInfo.InvariantCulture, $"band {Band} of {Bands} (1 = lowest)"),
        };
        var judgement = (polarity, Band == Bands, Band == 1) switch
        {
            (Polarity.HigherIsBetter, true, _) or (Polarity.LowerIsBetter, _, true) => " (the best)",
            (Polarity.HigherIsBetter, _, true) or (Polarity.LowerIsBetter, true, _) => " (the worst)",
            _ => string.Empty,
        };
        return string.Create(CultureInfo.InvariantCulture, $"in {place} of {Areas} areas{judgement}");
    }
}

/// <summary>
/// Quintiles and quartiles within a peer group (METHODS §2): cut points are PERCENTILE.INC of the peers' values at
/// k/bands; a value at or below cut point k is in band k or lower (band b when cut(b−1) &lt; value ≤ cut(b)). Needs at
/// least five areas with values.
/// </summary>
public static class PeerBands
{
    /// <summary>Peer values needed before quantiles are assigned.</summary>
    public const int MinimumAreas = 5;

    /// <summary>The value's quintile (1 = lowest fifth) among the peer values (NaN ignored).</summary>
    public static PeerBand Quintile(ReadOnlySpan<double> peerValues, double value) => Band(peerValues, value, 5);

    /// <summary>The value's quartile (1 = lowest quarter) among the peer values (NaN ignored).</summary>
    public static PeerBand Quartile(ReadOnlySpan<double> peerValues, double value) => Band(peerValues, value, 4);

    /// <summary>The value's band among peer values in any order (copies and sorts them; NaN ignored).</summary>
    public static PeerBand Band(ReadOnlySpan<double> peerValues, double value, int bands) =>
        BandOfSorted(Percentiles.SortedCopy(peerValues), value, bands);

    /// <summary>The value's band among peer values already sorted ascending without NaN; allocates nothing.</summary>
    public static PeerBand BandOfSorted(ReadOnlySpan<double> sortedPeers, double value, int bands)
    {
        if (bands < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(bands), bands, "Quantiles need at least two bands.");
        }

        if (sortedPeers.Length < MinimumAreas || double.IsNaN(value))
        {
            return new PeerBand(0, bands, sortedPeers.Length);
        }

        var band = 1;
        for (var k = 1; k < bands && value > Percentiles.OfSorted(sortedPeers, (double)k / bands); k++)
        {
            band = k + 1;
        }

        return new PeerBand(band, bands, sortedPeers.Length);
    }
}
