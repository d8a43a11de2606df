using System.Net;

namespace Outcomes.Web.Security;

/// <summary>With Outcomes:LoopbackHttp on, a request from anywhere but this machine is refused before it reaches anything.</summary>
public static class LoopbackOnly
{
    public static IApplicationBuilder UseLoopbackOnly(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // In-process hosts (the test server) have no remote address at all.
            if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("This server answers only on this machine (Outcomes:LoopbackHttp).");
                return;
            }

            await next();
        });
}
