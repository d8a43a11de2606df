namespace Outcomes.Domain.Returns;

public enum ReturnStatus
{
    Draft,
    Submitted,
    Approved,
    Locked,

    /// <summary>
    /// Moved to a new framework version by a load that closed the one it was made under, and its latest file does not
    /// fit the new version (lacks a measure it requires or carries one it does not ask for): it must be uploaded again
    /// on the new version's template before it can be approved.
    /// </summary>
    NeedsResubmission,
}
