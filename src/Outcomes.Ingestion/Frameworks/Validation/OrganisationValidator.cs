using FluentValidation;
using Outcomes.Domain.OrgUnits;

namespace Outcomes.Ingestion.Frameworks.Validation;

/// <summary>
/// The org units of one council together: one authority, unique codes under the authority's prefix,
/// parents and successors that exist, no parent cycles, at most one parent on any date, and successors open
/// when the unit they replace closes.
/// </summary>
internal sealed class OrganisationValidator : AbstractValidator<OrganisationDocument>
{
    public OrganisationValidator()
    {
        RuleFor(o => o.Authority).NotNull().WithErrorCode("org.authority.missing")
            .WithMessage("organisation.yaml has no 'authority:' block");
        RuleFor(o => o.Units).Custom((_, ctx) =>
        {
            var org = ctx.InstanceToValidate;
            var all = org.AllUnits.Where(u => !string.IsNullOrEmpty(u.Code)).ToList();
            var byCode = new Dictionary<string, UnitDocument>(StringComparer.OrdinalIgnoreCase);
            foreach (var u in all)
            {
                if (!byCode.TryAdd(u.Code!, u))
                {
                    ctx.AddFailure(ValidationProblems.Failure(Where.Of(u, "code"), "org.code.duplicate",
                        $"org unit code '{u.Code}' is used twice (first at line {byCode[u.Code!].LineOf("code")})"));
                }
            }

            foreach (var u in org.Units.Where(u => Vocabulary.Level.TryParse(u.Type, out var t) && t == OrgUnitType.Authority))
            {
                ctx.AddFailure(ValidationProblems.Failure(Where.Of(u, "type"), "org.authority.extra",
                    $"org unit '{u.Code}' is typed authority; the authority is declared once, in the 'authority:' block"));
            }

            if (org.Authority?.Code is { Length: > 0 } prefix)
            {
                foreach (var u in org.Units.Where(u => u.Code is not null && !u.Code.StartsWith(prefix + "-", StringComparison.Ordinal)))
                {
                    ctx.AddFailure(ValidationProblems.Failure(Where.Of(u, "code"), "org.code.prefix",
                        $"org unit code '{u.Code}' should start with the authority's code '{prefix}-' so codes stay unique across councils"));
                }
            }

            CheckParentsAndSuccessors(all, byCode, ctx);
            CheckCycles(all, byCode, ctx);
        });
    }

    private static void CheckParentsAndSuccessors(List<UnitDocument> all, Dictionary<string, UnitDocument> byCode,
        ValidationContext<OrganisationDocument> ctx)
    {
        foreach (var u in all)
        {
            foreach (var link in u.Parents.Where(l => !string.IsNullOrEmpty(l.Parent)))
            {
                if (!byCode.ContainsKey(link.Parent!))
                {
                    ctx.AddFailure(ValidationProblems.Failure(Where.Of(link, "parent"), "org.parent.unknown",
                        $"org unit '{u.Code}' has parent '{link.Parent}', which is not an org unit in this file"));
                }
            }

            var dated = u.Parents.Select(l => (Link: l, From: Vocabulary.Date(l.From) ?? DateOnly.MinValue, To: Vocabulary.Date(l.To) ?? DateOnly.MaxValue))
                .OrderBy(x => x.From).ToList();
            for (var i = 1; i < dated.Count; i++)
            {
                if (dated[i].From <= dated[i - 1].To)
                {
                    ctx.AddFailure(ValidationProblems.Failure(Where.Of(dated[i].Link, "from"), "org.link.overlap",
                        $"org unit '{u.Code}' would have two parents at once ('{dated[i - 1].Link.Parent}' and '{dated[i].Link.Parent}'); " +
                        "give the earlier link a 'to' date before the later one's 'from'"));
                }
            }

            if (u.Successor is null || string.Equals(u.Successor, u.Code, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!byCode.TryGetValue(u.Successor, out var successor))
            {
                ctx.AddFailure(ValidationProblems.Failure(Where.Of(u, "successor"), "org.successor.unknown",
                    $"org unit '{u.Code}' has successor '{u.Successor}', which is not an org unit in this file"));
            }
            else if (Vocabulary.Date(u.Closed) is { } closed)
            {
                var next = closed.AddDays(1);
                var opened = Vocabulary.Date(successor.Opened);
                var successorClosed = Vocabulary.Date(successor.Closed);
                if ((opened is not null && opened > next) || (successorClosed is not null && successorClosed < next))
                {
                    ctx.AddFailure(ValidationProblems.Failure(Where.Of(u, "successor"), "org.successor.not-open",
                        $"org unit '{u.Code}' closed on {closed:yyyy-MM-dd} but its successor '{u.Successor}' was not open on {next:yyyy-MM-dd}"));
                }
            }
        }
    }

    private static void CheckCycles(List<UnitDocument> all, Dictionary<string, UnitDocument> byCode, ValidationContext<OrganisationDocument> ctx)
    {
        // Colours: absent = unvisited, 1 = on the current path, 2 = done.
        var state = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var path = new List<string>();
        foreach (var u in all.Where(u => !state.ContainsKey(u.Code!)))
        {
            Visit(u);
        }

        void Visit(UnitDocument u)
        {
            state[u.Code!] = 1;
            path.Add(u.Code!);
            foreach (var link in u.Parents)
            {
                if (link.Parent is null || !byCode.TryGetValue(link.Parent, out var parent))
                {
                    continue;
                }

                switch (state.GetValueOrDefault(parent.Code!))
                {
                    case 1:
                        var start = path.FindIndex(c => string.Equals(c, parent.Code, StringComparison.OrdinalIgnoreCase));
                        var cycle = string.Join(" → ", path.Skip(start).Append(parent.Code!));
                        ctx.AddFailure(ValidationProblems.Failure(Where.Of(link, "parent"), "org.parent.cycle",
                            $"org unit '{u.Code}' has parent '{link.Parent}', which makes a cycle: {cycle}"));
                        break;
                    case 0:
                        Visit(parent);
                        break;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[u.Code!] = 2;
        }
    }
}
