using Outcomes.Domain.Access;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Ingestion.Returns;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Uploads;

/// <summary>A framework the user may submit under, with the returning units of it inside their scope.</summary>
public sealed record TemplateChoice(Framework Framework, IReadOnlyList<OrgUnit> Units);

/// <summary>A made template, or the problems (by form field) that stopped it.</summary>
public sealed record TemplateFile(string FileName, byte[]? Bytes, IReadOnlyDictionary<string, string> Problems);

/// <summary>
/// Return templates for the web, made as `outcomes template` makes them: blank (with last quarter's values read-only
/// beside each row), or pre-filled with the values stored for that quarter, for a correction. Only units the user may
/// submit returns for are offered or made; any other unit reads as not one of theirs.
/// </summary>
public sealed class ReturnTemplates(OutcomesStore store, AccessPolicies policies)
{
    public async Task<IReadOnlyList<TemplateChoice>> ChoicesAsync(IReadOnlyList<RoleAssignment> roles, CancellationToken ct)
    {
        var policy = await policies.CurrentAsync(ct);
        var choices = new List<TemplateChoice>();
        foreach (var framework in await new FrameworkRepository(store).ListAsync(ct))
        {
            var units = policy.Hierarchy.Units
                .Where(u => string.Equals(u.AuthorityCode, framework.AuthorityCode, StringComparison.OrdinalIgnoreCase)
                    && Enum.TryParse<OrgUnitType>(framework.ReturningLevel, ignoreCase: true, out var level) && u.Type == level
                    && policy.May(roles, Permission.SubmitReturn, u.Code))
                .OrderBy(u => u.Code, StringComparer.Ordinal)
                .ToList();
            if (units.Count > 0)
            {
                choices.Add(new TemplateChoice(framework, units));
            }
        }

        return choices;
    }

    public async Task<TemplateFile> MakeAsync(IReadOnlyList<RoleAssignment> roles, string? frameworkCode, string? unitCode, string? periodKey, bool prefilled, CancellationToken ct)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var choices = await ChoicesAsync(roles, ct);
        var choice = choices.FirstOrDefault(c => string.Equals(c.Framework.Code, frameworkCode, StringComparison.OrdinalIgnoreCase));
        var unit = choice?.Units.FirstOrDefault(u => string.Equals(u.Code, unitCode, StringComparison.OrdinalIgnoreCase));
        if (choice is null)
        {
            problems["framework"] = "Select a framework";
        }
        else if (unit is null)
        {
            problems["unit"] = $"Select one of your org units in {choice.Framework.Name}";
        }

        Period period = default;
        if (string.IsNullOrWhiteSpace(periodKey))
        {
            problems["period"] = "Enter the quarter, for example 2019-20 Q1";
        }
        else if (!PeriodParser.TryParse(periodKey, out period, out var error))
        {
            problems["period"] = $"Enter the quarter like 2019-20 Q1 ({error})";
        }
        else if (choice?.Framework.VersionOn(period.Start) is null && choice is not null)
        {
            problems["period"] = $"{choice.Framework.Name} has no version in force for {period.Key}";
        }

        if (problems.Count > 0)
        {
            return new TemplateFile("", null, problems);
        }

        var version = choice!.Framework.VersionOn(period.Start)!;
        var current = await new ObservationRepository(store).ListCurrentAsync(choice.Framework.Code, [unit!.Code], ct);
        var previous = current.Where(o => o.Period == period.Previous()).ToDictionary(o => o.MeasureCode, StringComparer.OrdinalIgnoreCase);
        var stored = prefilled ? current.Where(o => o.Period == period).ToDictionary(o => o.MeasureCode, StringComparer.OrdinalIgnoreCase) : null;
        using var output = new MemoryStream();
        ReturnTemplateWriter.Write(version, unit, period, choice.Framework.ReturnDeadline(period), previous, output, stored);
        return new TemplateFile($"{unit.Code}_{period.Key.Replace(' ', '_')}{(prefilled ? "_prefilled" : "")}.xlsx", output.ToArray(), problems);
    }
}
