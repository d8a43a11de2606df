namespace Outcomes.Domain.Returns;

public enum ReturnStatus
{
    Draft,
    Submitted,
    Approved,
    Locked,
}
