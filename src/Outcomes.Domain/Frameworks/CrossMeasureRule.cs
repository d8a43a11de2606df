namespace Outcomes.Domain.Frameworks;

public enum RuleOperator
{
    LessThan,
    LessThanOrEqual,
    Equal,
    NotEqual,
    GreaterThanOrEqual,
    GreaterThan,
}

public enum RuleImportance
{
    Warning,
    Error,
}

/// <summary>A validation rule across measures in one return, as DHIS2 declares them: left, operator, right, importance.</summary>
public sealed record CrossMeasureRule(
    string Code,
    string Description,
    string LeftMeasure,
    RuleOperator Operator,
    string RightMeasure,
    RuleImportance Importance = RuleImportance.Error);
