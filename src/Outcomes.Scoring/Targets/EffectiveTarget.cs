using Outcomes.Domain.Targets;

namespace Outcomes.Scoring.Targets;

/// <summary>
/// The target in force for one period. <see cref="Target"/> is ready to rate against (its value, stretch and absolute
/// tolerance are this period's; its phasing and trajectory are cleared, so working it out again changes nothing);
/// <see cref="AsSet"/> is the target as written; <see cref="Note"/> says how one became the other, or is null when they
/// are the same.
/// </summary>
public sealed record EffectiveTarget(Target Target, Target AsSet, string? Note);
