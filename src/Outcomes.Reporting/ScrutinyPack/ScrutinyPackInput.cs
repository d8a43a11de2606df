using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;

namespace Outcomes.Reporting.ScrutinyPack;

/// <summary>What the scrutiny pack is made from: everything read from the store beforehand, so the builder is pure.</summary>
public sealed record ScrutinyPackInput
{
    /// <summary>The framework version in force in <see cref="Period"/>: its measures are the pack's.</summary>
    public required FrameworkVersion Version { get; init; }

    public required string FrameworkName { get; init; }

    public required OrgUnit Authority { get; init; }

    /// <summary>The units under the authority compared in the overview and funnels (clusters, localities…), in order.</summary>
    public required IReadOnlyList<OrgUnit> Units { get; init; }

    /// <summary>The latest quarter: the overview's period and the end of every series.</summary>
    public required Period Period { get; init; }

    /// <summary>Scores for the authority (every quarter up to <see cref="Period"/>) and for the units (at least <see cref="Period"/>).</summary>
    public required IReadOnlyList<Score> Scores { get; init; }

    /// <summary>Published values for the measures' comparator indicators: England, the authority, neighbours, any breakdowns.</summary>
    public IReadOnlyList<ComparatorValue> Comparators { get; init; } = [];

    public PackSettings Settings { get; init; } = PackSettings.Default;

    public ScrutinySettings Scrutiny { get; init; } = ScrutinySettings.Default;

    /// <summary>The generated-on date, taken from the data (the latest submission), never the clock.</summary>
    public required DateOnly GeneratedOn { get; init; }
}
