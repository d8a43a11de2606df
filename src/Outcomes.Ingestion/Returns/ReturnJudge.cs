using FluentValidation;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Returns.Validation;

namespace Outcomes.Ingestion.Returns;

/// <summary>
/// The one place a return's cells are typed and judged, whatever layout they came from (template, long CSV, wide
/// sheet): <see cref="ReturnValueParser"/> types each row, the line and submission validators judge them, and
/// <see cref="ReturnObservationBuilder"/> makes the observations. Every layout therefore applies the same rules with
/// the same rule codes.
/// </summary>
public static class ReturnJudge
{
    private static readonly IValidator<ReturnLine>[] LineValidators =
        [new LineCellsValidator(), new FormulaCellsValidator(), new ValueRangeValidator(), new RatioValidator()];

    private static readonly IValidator<ReturnSubmission>[] SubmissionValidators =
        [new MeasureCodesValidator(), new RequiredMeasuresValidator(), new CrossMeasureRulesValidator()];

    /// <summary>Types one row's cells; <paramref name="code"/> is the measure code as read from the row.</summary>
    public static ReturnLine Parse(ReturnRowCells cells, string code, FrameworkVersion version, IReadOnlyList<Measure> due)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(version);
        var measure = code.Length > 0 ? version.Find(code) : null;
        return new ReturnLine(
            cells,
            measure?.Code ?? code,
            measure,
            measure is not null && due.Contains(measure),
            ReturnValueParser.ParseValue(cells.Value, measure),
            ReturnValueParser.ParseCount(cells.Numerator, "numerator"),
            ReturnValueParser.ParseCount(cells.Denominator, "denominator"),
            ReturnValueParser.ParseText(cells.Commentary),
            ReturnValueParser.ParseText(cells.DataQualityFlag));
    }

    /// <summary>Judges the lines of one return and builds it; issues are worded with the cells' own places.</summary>
    public static (QuarterlyReturn Return, List<ImportIssue> Issues) Judge(
        string fileName, FrameworkVersion version, string unitCode, Period period, IReadOnlyList<Measure> due, IReadOnlyList<ReturnLine> lines)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(lines);
        var submission = new ReturnSubmission(fileName, version, unitCode, period, due, lines);
        var issues = new List<ImportIssue>();
        foreach (var line in lines)
        {
            foreach (var validator in LineValidators)
            {
                issues.AddRange(validator.Validate(line).ToIssues(fileName));
            }
        }

        foreach (var validator in SubmissionValidators)
        {
            issues.AddRange(validator.Validate(submission).ToIssues(fileName));
        }

        var result = new QuarterlyReturn
        {
            FrameworkCode = version.FrameworkCode,
            FrameworkVersion = version.Version,
            OrgUnitCode = unitCode,
            Period = period,
            Observations = ReturnObservationBuilder.Build(submission),
        };
        return (result, issues);
    }
}
