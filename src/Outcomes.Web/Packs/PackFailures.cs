using Outcomes.Application.Packs;
using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.Templates;

namespace Outcomes.Web.Packs;

/// <summary>A pack request that cannot be met, in words for the person who asked.</summary>
public sealed class PackRequestException : Exception
{
    public PackRequestException(string message)
        : base(message)
    {
    }

    public PackRequestException()
    {
    }

    public PackRequestException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// What a failed pack job tells people: what went wrong and what to do, never a stack trace or a server path. The
/// pack services' own refusals ("No scores for Keighley cluster in 2018-19 Q4; …") are already written for people and
/// pass through; anything unexpected becomes a sentence with the job number to quote (the log has the details).
/// </summary>
public static class PackFailures
{
    public static string Message(Exception exception, long jobId)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            PackRequestException e => e.Message,
            ChromiumNotFoundException =>
                "The PDF could not be printed: Chromium, which prints packs, is not installed where the service expects it. "
                + $"Ask your administrator to install it or correct Outcomes:ChromiumPath, then generate the pack again (pack job {jobId}).",
            InvalidOperationException e when e.TargetSite?.DeclaringType?.Assembly == typeof(BoardPackService).Assembly => e.Message,
            TemplateException =>
                $"The pack template could not be used, so no pack was made. Ask your administrator to check the report templates (pack job {jobId}).",
            InvalidDataException =>
                $"This authority's pack settings could not be read. Ask your administrator to check its settings file (pack job {jobId}).",
            TimeoutException =>
                $"Printing the PDF took too long, twice. Try again later; if it happens again, tell your administrator (pack job {jobId}).",
            _ => $"The pack could not be made because of a problem on our side. Try again; if it happens again, tell your administrator and quote pack job {jobId}.",
        };
    }
}
