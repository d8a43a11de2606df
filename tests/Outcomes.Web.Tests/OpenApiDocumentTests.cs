using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Outcomes.Web.Tests;

/// <summary>
/// /api/v1/openapi.json names and describes every /api/v1 endpoint the app maps (read from its EndpointDataSource, so an
/// endpoint added later without a summary and description fails here) and declares the bearer scheme tokens use.
/// </summary>
public sealed partial class OpenApiDocumentTests
{
    private const string DocumentPath = "/api/v1/openapi.json";

    [Test]
    public async Task Every_mapped_api_v1_route_is_in_the_document_with_a_name_summary_and_description()
    {
        await using var host = WebHost.Create(SampleStore.Path);
        using var anonymous = host.Api(null);
        var response = await anonymous.GetAsync(new Uri(DocumentPath, UriKind.Relative));
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths");

        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase))
            .Where(e => !string.Equals("/" + e.RoutePattern.RawText!.TrimStart('/'), DocumentPath, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Path: Template(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .Distinct()
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "served without signing in");
            Assert.That(mapped, Has.Count.GreaterThanOrEqualTo(5), "frameworks, both scorecards, series and returns at least");
            Assert.That(mapped.Select(m => m.Path), Does.Contain("/api/v1/units/{unit}/{framework}/measures/{measure}/series"));
            foreach (var (path, method) in mapped)
            {
                Assert.That(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), Is.True, $"{method.ToUpperInvariant()} {path} is in the document");
                if (paths.TryGetProperty(path, out var p) && p.TryGetProperty(method, out var operation))
                {
                    foreach (var field in new[] { "operationId", "summary", "description" })
                    {
                        Assert.That(operation.TryGetProperty(field, out var v) && v.GetString() is { Length: > 0 }, Is.True, $"{method.ToUpperInvariant()} {path} has a {field}");
                    }
                }
            }

            Assert.That(paths.EnumerateObject().Select(p => p.Name), Has.All.StartsWith("/api/v1/"), "only the API is described");
            var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
            Assert.That(scheme.GetProperty("type").GetString(), Is.EqualTo("http"));
            Assert.That(scheme.GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
            Assert.That(document.GetProperty("security")[0].TryGetProperty("bearer", out _), Is.True, "every operation needs the token");
        });
    }

    // "/api/v1/units/{unit:minlength(1)}/x" → "/api/v1/units/{unit}/x", as OpenAPI writes paths.
    /// <summary>The route as the document names it: constraints dropped, and no trailing slash (a group mapped with "" keeps one in its raw text).</summary>
    private static string Template(string raw) => "/" + Constraint().Replace(raw.Trim('/'), "{$1}");

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Constraint();
}
