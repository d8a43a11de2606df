using Outcomes.Domain.Access;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Packs;

/// <summary>A framework the user may make packs for, its units within their scope, and its latest quarter with scores.</summary>
public sealed record PackChoice(Framework Framework, OrgUnit Authority, IReadOnlyList<OrgUnit> Units, bool MayMakeScrutinyPack, string? LatestPeriod);

/// <summary>A pack asked for: kind ("board" or "scrutiny"), framework, unit and quarter, as typed.</summary>
public sealed record PackAsk(string? Kind, string? Framework, string? Unit, string? Period);

/// <summary>
/// The outcome of asking: the queued job's id; or problems by field (kind, framework, unit, period); or, for a
/// framework or unit outside the caller's scope, <see cref="NotFound"/> (it reads as not existing); or a full queue.
/// </summary>
public sealed record PackAskResult(long? JobId, IReadOnlyDictionary<string, string> Problems, bool NotFound = false, bool QueueFull = false, bool Forbidden = false);

/// <summary>
/// Checks a pack request against the caller's roles and the stored data, stores it as a queued job and hands it to the
/// queue. A board pack needs GeneratePack on its unit; a scrutiny pack covers the whole authority, so it needs
/// GeneratePack on the authority itself. The quarter must have scores for the unit (or authority) already.
/// </summary>
public sealed class PackRequests(OutcomesStore store, AccessPolicies policies, PackJobRepository jobs, PackQueue queue, TimeProvider clock, ILogger<PackRequests> logger)
{
    public async Task<IReadOnlyList<PackChoice>> ChoicesAsync(IReadOnlyList<RoleAssignment> roles, CancellationToken ct)
    {
        var policy = await policies.CurrentAsync(ct);
        var choices = new List<PackChoice>();
        var scores = new ScoreRepository(store);
        foreach (var framework in await new FrameworkRepository(store).ListAsync(ct))
        {
            if (!policy.Hierarchy.TryGet(framework.AuthorityCode, out var authority))
            {
                continue;
            }

            var units = policy.Hierarchy.Units
                .Where(u => string.Equals(u.AuthorityCode, framework.AuthorityCode, StringComparison.OrdinalIgnoreCase) && policy.May(roles, Permission.GeneratePack, u.Code))
                .OrderBy(u => u.Type == OrgUnitType.Authority ? 0 : 1)
                .ThenBy(u => u.Code, StringComparer.Ordinal)
                .ToList();
            if (units.Count > 0)
            {
                var latest = (await scores.ListAsync(framework.Code, null, authority.Code, ct)).Select(s => s.Period).DefaultIfEmpty().Max();
                choices.Add(new PackChoice(
                    framework, authority, units, policy.May(roles, Permission.GeneratePack, authority.Code), latest == default ? null : latest.Key));
            }
        }

        return choices;
    }

    public async Task<PackAskResult> AskAsync(UserAccount user, PackAsk ask, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(ask);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var policy = await policies.CurrentAsync(ct);
        var kind = ask.Kind?.Trim().ToLowerInvariant() switch
        {
            "board" => PackKind.Board,
            "scrutiny" => PackKind.Scrutiny,
            _ => (PackKind?)null,
        };
        if (kind is null)
        {
            problems["kind"] = "Select the kind of pack: board pack or scrutiny pack";
        }

        // A framework named but not there, and one of another authority, read the same.
        var framework = string.IsNullOrWhiteSpace(ask.Framework) ? null : await new FrameworkRepository(store).GetAsync(ask.Framework.Trim(), ct);
        if (!string.IsNullOrWhiteSpace(ask.Framework) && (framework is null || !policy.Authorities(user.Roles).Contains(framework.AuthorityCode)))
        {
            return new PackAskResult(null, problems, NotFound: true);
        }

        if (framework is null)
        {
            problems["framework"] = "Select a framework";
        }

        OrgUnit? unit = null;
        if (string.IsNullOrWhiteSpace(ask.Unit))
        {
            problems["unit"] = "Select the org unit the pack is for";
        }
        else if (!policy.Hierarchy.TryGet(ask.Unit.Trim(), out var found) || !policy.May(user.Roles, Permission.View, found.Code))
        {
            return new PackAskResult(null, problems, NotFound: true);
        }
        else if (framework is not null && !string.Equals(found.AuthorityCode, framework.AuthorityCode, StringComparison.OrdinalIgnoreCase))
        {
            problems["unit"] = $"{found.Name} is not part of {framework.Name}: select one of its units";
        }
        else
        {
            unit = found;
        }

        if (unit is not null && kind == PackKind.Scrutiny && unit.Type != OrgUnitType.Authority && framework is not null)
        {
            problems["unit"] = $"A scrutiny pack covers the whole authority: select {policy.Hierarchy.Get(framework.AuthorityCode).Name}";
            unit = null;
        }

        if (unit is not null && kind is not null && !policy.May(user.Roles, Permission.GeneratePack, unit.Code))
        {
            return new PackAskResult(null, new Dictionary<string, string> { ["unit"] = $"You may read packs for {unit.Name} but not generate them: none of your roles there lets you." }, Forbidden: true);
        }

        Period period = default;
        if (string.IsNullOrWhiteSpace(ask.Period))
        {
            problems["period"] = "Enter the quarter, for example 2018-19 Q4";
        }
        else if (!PeriodParser.TryParse(ask.Period, out period, out var error))
        {
            problems["period"] = $"Enter the quarter like 2018-19 Q4 ({error})";
        }
        else if (framework is not null && framework.VersionOn(period.Start) is null)
        {
            problems["period"] = $"{framework.Name} has no version in force for {period.Key}";
        }
        else if (framework is not null && unit is not null && (await new ScoreRepository(store).ListAsync(framework.Code, period, unit.Code, ct)).Count == 0)
        {
            problems["period"] = $"There are no scores for {unit.Name} in {period.Key} yet: choose a quarter whose returns have been scored";
        }

        if (problems.Count > 0)
        {
            return new PackAskResult(null, problems);
        }

        var id = await jobs.CreateAsync(
            new PackJobRequest(kind!.Value, framework!.Code, unit!.Code, unit.AuthorityCode, period.Key, user.UserName, clock.GetUtcNow()), ct);
        if (!queue.TryEnqueue(id))
        {
            await jobs.FailAsync(id, clock.GetUtcNow(), $"Too many packs were waiting ({queue.Capacity}), so this one was not queued. Try again when some have finished.", ct);
            logger.LogWarning("Pack queue full ({Capacity}); job {Job} refused", queue.Capacity, id);
            return new PackAskResult(id, new Dictionary<string, string>(), QueueFull: true);
        }

        logger.LogInformation("{User} queued pack job {Job}: {Kind} pack for {Unit} {Period}", user.UserName, id, kind, unit.Code, period.Key);
        return new PackAskResult(id, new Dictionary<string, string>());
    }
}
