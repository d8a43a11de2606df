using System.Diagnostics;
using System.Net;

namespace Outcomes.Web.Security;

/// <summary>
/// What people see when something fails: a plain page (or problem JSON under /api) with a reference to quote, never
/// the exception. The exception itself goes to the log with the same reference.
/// </summary>
public static class ErrorResponses
{
    public static void UseFriendlyErrors(this WebApplication app)
    {
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            var reference = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            if (IsApi(context))
            {
                await Results.Problem(title: "Something went wrong on our side.", statusCode: 500, extensions: new Dictionary<string, object?> { ["reference"] = reference })
                    .ExecuteAsync(context);
                return;
            }

            await Page(context, "Sorry, there is a problem with the service",
                $"<p class=\"govuk-body\">Try again later. If it keeps happening, tell your administrator and quote reference <strong>{WebUtility.HtmlEncode(reference)}</strong>.</p>");
        }));

        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            if (IsApi(context) || context.Response.StatusCode != StatusCodes.Status404NotFound)
            {
                return;
            }

            await Page(context, "Page not found", "<p class=\"govuk-body\">If you typed the web address, check it is correct.</p><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">Go to your dashboard</a></p>");
        });
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Page(HttpContext context, string title, string body)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var styled = context.RequestServices.GetRequiredService<Frontend.FrontendAssets>().Styled;
        var css = styled ? "<link rel=\"stylesheet\" href=\"/outcomes.css\">" : string.Empty;
        return context.Response.WriteAsync(
            $"""
            <!DOCTYPE html><html lang="en" class="govuk-template"><head><meta charset="utf-8"><title>{title} – Outcomes</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">{css}</head>
            <body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
            <h1 class="govuk-heading-l">{title}</h1>{body}</main></div></body></html>
            """);
    }
}
