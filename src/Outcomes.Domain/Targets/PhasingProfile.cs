using System.Globalization;

namespace Outcomes.Domain.Targets;

/// <summary>
/// The shares of an annual target that fall in each quarter (4 shares, Q1 = April–June) or each month (12 shares,
/// April first) of the financial year: "20/25/25/30". Shares are weights, so each period's part is its share of the
/// total; the framework YAML insists they add up to 100. Compared by value, so a stored profile reads back equal.
/// </summary>
public sealed class PhasingProfile : IEquatable<PhasingProfile>
{
    private readonly decimal[] _shares;

    /// <summary>A profile of non-negative shares with a positive total.</summary>
    /// <exception cref="ArgumentException">No shares, a negative share, or shares that add up to nothing.</exception>
    public PhasingProfile(IEnumerable<decimal> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        _shares = shares.ToArray();
        if (_shares.Length == 0 || _shares.Any(s => s < 0) || _shares.Sum() <= 0)
        {
            throw new ArgumentException("A phasing profile needs at least one share, none negative, adding up to more than zero.", nameof(shares));
        }
    }

    /// <summary>The shares in financial-year order.</summary>
    public IReadOnlyList<decimal> Shares => _shares;

    /// <summary>The sum of the shares (100 for a profile written in percentages).</summary>
    public decimal Total => _shares.Sum();

    /// <summary>Reads "20/25/25/30" (the form <see cref="ToString"/> writes and the store keeps).</summary>
    public static PhasingProfile Parse(string text) =>
        TryParse(text, out var profile) ? profile : throw new FormatException($"'{text}' is not a phasing profile such as 20/25/25/30.");

    /// <summary>Reads "20/25/25/30"; false for anything else, including negative shares.</summary>
    public static bool TryParse(string? text, out PhasingProfile profile)
    {
        profile = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var shares = new List<decimal>();
        foreach (var part in text.Split('/'))
        {
            if (!decimal.TryParse(part.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share < 0)
            {
                return false;
            }

            shares.Add(share);
        }

        if (shares.Sum() <= 0)
        {
            return false;
        }

        profile = new PhasingProfile(shares);
        return true;
    }

    /// <summary>"20/25/25/30", invariant culture.</summary>
    public override string ToString() => string.Join('/', _shares.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    public bool Equals(PhasingProfile? other) => other is not null && _shares.SequenceEqual(other._shares);

    public override bool Equals(object? obj) => obj is PhasingProfile other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var s in _shares)
        {
            hash.Add(s);
        }

        return hash.ToHashCode();
    }
}
