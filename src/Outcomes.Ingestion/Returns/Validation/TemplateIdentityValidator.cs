using System.Globalization;
using FluentValidation;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using static Outcomes.Ingestion.Returns.ReturnTemplateLayout;

namespace Outcomes.Ingestion.Returns.Validation;

/// <summary>
/// Is this workbook an Outcomes return template for the framework version in force, the expected unit and period?
/// Any failure here is fatal: nothing else in the file can be trusted.
/// </summary>
public sealed class TemplateIdentityValidator : AbstractValidator<ReturnWorkbookContent>
{
    public TemplateIdentityValidator(FrameworkVersion version, OrgUnit? expectedUnit = null, Period? expectedPeriod = null)
    {
        RuleFor(c => c).Custom((content, ctx) =>
        {
            var meta = content.Meta;
            if (meta is null || !meta.TryGetValue(Keys.TemplateId, out var id) || id != TemplateId)
            {
                ctx.AddFailure(Failures.At(
                    IssuePlace.File,
                    "template.not-recognised",
                    "this is not an Outcomes return template: download the return template for your org unit and period, fill it in and upload that file"));
                return;
            }

            var templateVersion = meta.GetValueOrDefault(Keys.TemplateVersion, "?");
            if (templateVersion != TemplateVersion.ToString(CultureInfo.InvariantCulture))
            {
                ctx.AddFailure(Failures.At(
                    IssuePlace.File,
                    "template.unsupported-version",
                    $"this return template is layout version {templateVersion}, but this system reads version {TemplateVersion}: download a new template"));
            }

            var frameworkCode = meta.GetValueOrDefault(Keys.FrameworkCode, string.Empty);
            if (!string.Equals(frameworkCode, version.FrameworkCode, StringComparison.OrdinalIgnoreCase))
            {
                ctx.AddFailure(Failures.At(
                    IssuePlace.File,
                    "template.wrong-framework",
                    $"this template is for framework '{frameworkCode}', not '{version.FrameworkCode}'"));
            }
            else if (meta.GetValueOrDefault(Keys.FrameworkVersion, "?") is var fv && fv != version.Version.ToString(CultureInfo.InvariantCulture))
            {
                ctx.AddFailure(Failures.At(
                    IssuePlace.File,
                    "template.stale-framework-version",
                    $"this template is stale: it was made for {version.FrameworkCode} framework version {fv}, but version {version.Version} applies to this return. Download a new template and copy your figures into it"));
            }

            var unitCode = meta.GetValueOrDefault(Keys.OrgUnitCode, string.Empty);
            if (unitCode.Length == 0)
            {
                ctx.AddFailure(Failures.At(IssuePlace.File, "template.no-org-unit", "the template does not say which org unit it is for: download a new template"));
            }
            else if (expectedUnit is not null && !string.Equals(unitCode, expectedUnit.Code, StringComparison.OrdinalIgnoreCase))
            {
                ctx.AddFailure(Failures.At(
                    IssuePlace.File,
                    "template.wrong-org-unit",
                    $"this template is for {unitCode}, but it was uploaded for {expectedUnit.Code} ({expectedUnit.Name})"));
            }

            var periodKey = meta.GetValueOrDefault(Keys.PeriodKey, string.Empty);
            if (!PeriodParser.TryParse(periodKey, out var period, out _))
            {
                ctx.AddFailure(Failures.At(IssuePlace.File, "template.no-period", $"the template's period '{periodKey}' cannot be read: download a new template"));
            }
            else if (expectedPeriod is { } p && period != p)
            {
                ctx.AddFailure(Failures.At(
                    IssuePlace.File,
                    "template.wrong-period",
                    $"this template is for {period.Key}, but it was uploaded for {p.Key}"));
            }

            if (!content.HasDataSheet)
            {
                ctx.AddFailure(Failures.At(IssuePlace.File, "template.no-data-sheet", $"the '{DataSheet}' sheet is missing: do not rename or delete sheets; download a new template"));
            }
            else if (content.MissingHeaders.Count > 0)
            {
                ctx.AddFailure(Failures.At(
                    new IssuePlace(DataSheet, null, HeaderRow, null),
                    "template.missing-columns",
                    $"the column(s) {string.Join(", ", content.MissingHeaders.Select(h => $"'{h}'"))} are missing from the header row: download a new template"));
            }
        });
    }
}
