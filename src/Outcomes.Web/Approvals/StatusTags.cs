using Outcomes.Domain.Returns;

namespace Outcomes.Web.Approvals;

/// <summary>A return status as a GOV.UK tag: a colour and the words, so the colour is never the only signal.</summary>
public static class StatusTags
{
    public static string Words(ReturnStatus status) => status switch
    {
        ReturnStatus.Draft => "Draft",
        ReturnStatus.Submitted => "Awaiting approval",
        ReturnStatus.Approved => "Approved",
        ReturnStatus.Locked => "Locked",
        ReturnStatus.NeedsResubmission => "Needs resubmission",
        _ => status.ToString(),
    };

    public static string CssClass(ReturnStatus status) => status switch
    {
        ReturnStatus.Draft => "govuk-tag govuk-tag--grey",
        ReturnStatus.Submitted => "govuk-tag govuk-tag--yellow",
        ReturnStatus.Approved => "govuk-tag govuk-tag--green",
        ReturnStatus.Locked => "govuk-tag govuk-tag--blue",
        ReturnStatus.NeedsResubmission => "govuk-tag govuk-tag--red",
        _ => "govuk-tag",
    };

    /// <summary>"submitted", "approved": the status in lower case for the API and filters.</summary>
    public static string Code(ReturnStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out ReturnStatus status)
    {
        status = default;
        return !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse(text.Trim(), ignoreCase: true, out status) && Enum.IsDefined(status);
    }
}
