namespace Outcomes.Domain.Scores;

/// <summary>Where a unit sits on a funnel plot around a benchmark proportion.</summary>
public enum FunnelPosition : byte
{
    /// <summary>No denominator, no value or no benchmark.</summary>
    NotCalculable,

    /// <summary>Within the 95% limits (a value exactly on a limit is inside).</summary>
    Inside,

    /// <summary>Above the upper 95% limit, not above the upper 99.8% limit.</summary>
    Above95,

    /// <summary>Above the upper 99.8% limit.</summary>
    Above998,

    /// <summary>Below the lower 95% limit, not below the lower 99.8% limit.</summary>
    Below95,

    /// <summary>Below the lower 99.8% limit.</summary>
    Below998,
}
