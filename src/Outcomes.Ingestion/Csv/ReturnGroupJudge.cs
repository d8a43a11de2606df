using FluentValidation;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Returns;
using Outcomes.Ingestion.Returns.Validation;

namespace Outcomes.Ingestion.Csv;

/// <summary>
/// The template path's parsing and value rules applied to one org unit × period taken out of a long CSV or a wide
/// sheet: <see cref="ReturnValueParser"/> types the cells, the line and submission validators of
/// <c>Returns.Validation</c> judge them, and <see cref="ReturnObservationBuilder"/> makes the observations. Readers of
/// other layouts build <see cref="ReturnRowCells"/> with their own addresses and call this, so every layout applies the
/// same rules with the same rule codes.
/// </summary>
public static class ReturnGroupJudge
{
    /// <summary>Types one row's cells; <paramref name="code"/> is the measure code already resolved from the row.</summary>
    public static ReturnLine Parse(ReturnRowCells cells, string code, FrameworkVersion version, IReadOnlyList<Measure> due) =>
        ReturnJudge.Parse(cells, code, version, due);

    /// <summary>Measures due from <paramref name="unit"/> in <paramref name="period"/> under <paramref name="version"/>.</summary>
    public static IReadOnlyList<Measure> Due(FrameworkVersion version, OrgUnit unit, Period period) =>
        ReturnSchedule.MeasuresDue(version, unit.Type, period);

    /// <summary>
    /// Judges the lines of one return and builds it. Issues come back as the validators word them (places are the
    /// cells' own); the caller rewrites places its layout spells differently.
    /// </summary>
    public static (QuarterlyReturn Return, IReadOnlyList<ImportIssue> Issues) Judge(
        string fileName, FrameworkVersion version, OrgUnit unit, Period period, IReadOnlyList<Measure> due, IReadOnlyList<ReturnLine> lines)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return ReturnJudge.Judge(fileName, version, unit.Code, period, due, lines);
    }

    /// <summary>
    /// The checks every layout makes of an org unit code: known, and belonging to the framework's authority.
    /// Returns the rule code and message of the failure, or null with the unit.
    /// </summary>
    public static (string Rule, string Message)? CheckUnit(string code, Framework framework, OrgUnitHierarchy hierarchy, out OrgUnit? unit)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(hierarchy);
        unit = null;
        if (code.Length == 0)
        {
            return ("org-unit.missing", "the org unit code is blank");
        }

        if (!hierarchy.TryGet(code, out var found))
        {
            return ("org-unit.unknown", $"'{code}' is not a known org unit of {framework.Name}");
        }

        if (!string.Equals(found.AuthorityCode, framework.AuthorityCode, StringComparison.OrdinalIgnoreCase))
        {
            return ("org-unit.other-authority", $"{found.Code} ({found.Name}) belongs to {found.AuthorityCode}, not to {framework.AuthorityCode} whose framework {framework.Code} this is");
        }

        unit = found;
        return null;
    }

    /// <summary>
    /// The checks every layout makes of a period: readable, a financial quarter, ended by <paramref name="today"/>, and
    /// with a framework version in force. Returns the rule code and message of the failure, or null with the version.
    /// </summary>
    public static (string Rule, string Message)? CheckPeriod(string text, Framework framework, DateOnly today, out Period period, out FrameworkVersion? version)
    {
        ArgumentNullException.ThrowIfNull(framework);
        version = null;
        if (!PeriodParser.TryParse(text, out period, out var error))
        {
            return ("period.unreadable", $"the period cannot be read: {error}");
        }

        if (period.Type != PeriodType.FinancialQuarter)
        {
            return ("period.not-a-quarter", $"'{text}' is {period.Label}, not a financial quarter: write it like \"2018-19 Q1\"");
        }

        if (period.End > today)
        {
            return ("period.future", $"{period.Key} ends on {period.End:dd/MM/yyyy}, after today ({today:dd/MM/yyyy}): a return can only be made for a quarter that has ended");
        }

        version = framework.VersionOn(period.Start);
        if (version is null)
        {
            return ("period.no-framework-version", $"framework {framework.Code} has no version in force for {period.Key}");
        }

        return null;
    }
}
