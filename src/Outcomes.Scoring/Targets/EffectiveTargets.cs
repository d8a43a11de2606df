using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;

namespace Outcomes.Scoring.Targets;

/// <summary>
/// The target that applies to one period once it has been moved along its trajectory (<see cref="TargetTrajectory"/>) and
/// phased into quarters or months (<see cref="TargetPhaser"/>), in that order, with a note a councillor can read. A plain
/// target comes back unchanged with no note. Pure: the same measure, target and period always give the same answer.
/// </summary>
public static class EffectiveTargets
{
    /// <summary>The target as it applies to <paramref name="period"/> for <paramref name="measure"/>, with the note that explains it.</summary>
    public static EffectiveTarget For(Measure measure, Target target, Period period)
    {
        var (moved, trajectoryNote) = TargetTrajectory.Interpolate(measure, target, period);
        var (phased, phasingNote) = TargetPhaser.Phase(measure, moved, period);
        var notes = new[] { trajectoryNote, phasingNote }.Where(n => n is not null);
        var note = string.Join(' ', notes);
        var settled = phased with { Phasing = TargetPhasing.None, Profile = null, BaselineValue = null, BaselineDate = null, TargetDate = null };
        return new EffectiveTarget(settled, target, note.Length == 0 ? null : note);
    }
}
