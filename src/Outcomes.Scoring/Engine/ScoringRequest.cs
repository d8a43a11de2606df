using Outcomes.Domain.Comparators;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Observations;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;

namespace Outcomes.Scoring.Engine;

/// <summary>Everything scoring needs, already loaded: scoring itself never touches the store, clock or files.</summary>
public sealed record ScoringRequest
{
    public required FrameworkVersion Version { get; init; }

    public required OrgUnitHierarchy Hierarchy { get; init; }

    /// <summary>Stored observations for this framework, any period (history gives direction of travel).</summary>
    public required IReadOnlyCollection<Observation> Observations { get; init; }

    public IReadOnlyCollection<Target> Targets { get; init; } = [];

    public IReadOnlyCollection<ComparatorValue> Comparators { get; init; } = [];

    public string EnglandAreaCode { get; init; } = "E92000001";

    /// <summary>Changes smaller than this (in the measure's units) count as no change.</summary>
    public decimal Materiality { get; init; }
}
