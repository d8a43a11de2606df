using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Outcomes.Web.Configuration;

namespace Outcomes.Web.Uploads;

/// <summary>
/// Caps every request body at the upload limit plus room for the form around the file (Outcomes:Uploads:MaxBytes), so
/// an oversize upload is turned away before it is read: 413 with a sentence when its length is declared, and Kestrel's
/// own 413 when a chunked body runs past the cap. A file just over the limit, inside the slack, reaches the page or
/// API, which say so in their usual form (an error summary, or JSON).
/// </summary>
public static class UploadSizeLimit
{
    /// <summary>Room for the multipart boundaries, the antiforgery token and other fields.</summary>
    public const long FormSlackBytes = 64 * 1024;

    public static void UseUploadSizeLimit(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<IOptions<OutcomesWebOptions>>().Value.Uploads.MaxBytes + FormSlackBytes;
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"The file is too large: uploads must be smaller than {limit - FormSlackBytes} bytes. Nothing was stored.");
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            await next(context);
        });
    }
}
