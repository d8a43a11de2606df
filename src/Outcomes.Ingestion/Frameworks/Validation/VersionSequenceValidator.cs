using FluentValidation;

namespace Outcomes.Ingestion.Frameworks.Validation;

/// <summary>
/// The versions of one framework together. History scored under an older version must stay where it is:
/// versions are numbered 1, 2, 3…, never overlap, each earlier version is closed explicitly the day before
/// the next starts (so a later file cannot silently move an earlier one's end), and a measure that keeps its
/// code keeps its meaning (unit, polarity, aggregation, rate_per); a changed meaning needs a new code.
/// </summary>
internal sealed class VersionSequenceValidator : AbstractValidator<IReadOnlyList<VersionDocument>>
{
    public VersionSequenceValidator()
    {
        RuleFor(vs => vs).Custom((versions, ctx) =>
        {
            if (versions.Count == 0)
            {
                return;
            }

            var first = versions[0];
            foreach (var v in versions.Skip(1))
            {
                Same(v, first, "framework", d => d.Framework, "version.framework.differs", ctx);
                Same(v, first, "name", d => d.Name, "version.name.differs", ctx);
                Same(v, first, "returning_level", d => d.ReturningLevel, "version.returning-level.differs", ctx);
            }

            var numbered = versions.Where(v => Vocabulary.Int(v.Version) is not null).OrderBy(v => Vocabulary.Int(v.Version)).ToList();
            for (var i = 0; i < numbered.Count; i++)
            {
                if (Vocabulary.Int(numbered[i].Version) != i + 1)
                {
                    ctx.AddFailure(ValidationProblems.Failure(Where.Of(numbered[i], "version"), "version.number.sequence",
                        $"versions should be numbered 1, 2, 3… with none missing or repeated; found version {numbered[i].Version} where {i + 1} was expected"));
                    return;
                }
            }

            for (var i = 1; i < numbered.Count; i++)
            {
                CheckHandOver(numbered[i - 1], numbered[i], ctx);
                CheckMeaningKept(numbered[i - 1], numbered[i], ctx);
            }
        });
    }

    private static void Same(VersionDocument v, VersionDocument first, string key, Func<VersionDocument, string?> get, string rule,
        ValidationContext<IReadOnlyList<VersionDocument>> ctx)
    {
        if (!string.Equals(get(v), get(first), StringComparison.Ordinal))
        {
            ctx.AddFailure(ValidationProblems.Failure(Where.Of(v, key), rule,
                $"{key} '{get(v)}' differs from version {first.Version}'s '{get(first)}'; every version of a framework must agree"));
        }
    }

    private static void CheckHandOver(VersionDocument earlier, VersionDocument later, ValidationContext<IReadOnlyList<VersionDocument>> ctx)
    {
        if (Vocabulary.Date(earlier.EffectiveFrom) is not { } earlierFrom || Vocabulary.Date(later.EffectiveFrom) is not { } laterFrom)
        {
            return;
        }

        var earlierTo = Vocabulary.Date(earlier.EffectiveTo);
        if (laterFrom <= earlierFrom || (earlierTo is { } end && laterFrom <= end))
        {
            ctx.AddFailure(ValidationProblems.Failure(Where.Of(later, "effective_from"), "version.overlap",
                $"version {later.Version} starts on {laterFrom:yyyy-MM-dd}, inside version {earlier.Version} " +
                $"({earlierFrom:yyyy-MM-dd} to {(earlierTo is { } t ? t.ToString("yyyy-MM-dd") : "open-ended")}); versions must not overlap"));
            return;
        }

        var dayBefore = laterFrom.AddDays(-1);
        if (earlierTo is null)
        {
            // The missing field is effective_to; the line is effective_from's, where it belongs. Adding it to a stored
            // version is allowed: a closing date is not content (the store sets it once, with the next version).
            ctx.AddFailure(ValidationProblems.Failure(Where.Of(earlier, "effective_from") with { Field = earlier.FieldPath("effective_to") }, "version.earlier-left-open",
                $"version {earlier.Version} has no effective_to, but version {later.Version} starts on {laterFrom:yyyy-MM-dd}; " +
                $"close version {earlier.Version} explicitly by adding effective_to: {dayBefore:yyyy-MM-dd} under its effective_from, so its history stays where it was"));
        }
        else if (earlierTo != dayBefore)
        {
            ctx.AddFailure(ValidationProblems.Failure(Where.Of(earlier, "effective_to"), "version.gap",
                $"version {earlier.Version} ends on {earlierTo:yyyy-MM-dd} but version {later.Version} starts on {laterFrom:yyyy-MM-dd}; " +
                "the days between would have no framework"));
        }
    }

    private static void CheckMeaningKept(VersionDocument earlier, VersionDocument later, ValidationContext<IReadOnlyList<VersionDocument>> ctx)
    {
        var before = earlier.Measures.Where(m => m.Code is not null)
            .GroupBy(m => m.Code!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var m in later.Measures)
        {
            if (m.Code is null || !before.TryGetValue(m.Code, out var old))
            {
                continue;
            }

            // Compare only what both versions spell validly: a misspelling is already reported on its own.
            foreach (var (key, now, was, valid) in new (string, string?, string?, Func<string?, bool>)[]
                     {
                         ("unit", m.Unit, old.Unit, Vocabulary.Unit.IsValid), ("polarity", m.Polarity, old.Polarity, Vocabulary.Polarity.IsValid),
                         ("aggregation", m.Aggregation, old.Aggregation, Vocabulary.Aggregation.IsValid),
                         ("rate_per", m.RatePer, old.RatePer, Vocabulary.IsIntOrBlank),
                     })
            {
                if (valid(now) && valid(was) && !string.Equals(now?.Trim(), was?.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    ctx.AddFailure(ValidationProblems.Failure(Where.Of(m, key), "version.measure.meaning-changed",
                        $"measure '{m.Code}' changes {key} from '{was}' in version {earlier.Version} to '{now}' in version {later.Version}; " +
                        "its history would no longer compare, so give the changed measure a new code"));
                }
            }
        }
    }
}
