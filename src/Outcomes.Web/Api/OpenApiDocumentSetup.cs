using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Outcomes.Web.Api;

/// <summary>
/// The OpenAPI document for /api/v1, generated from the mapped endpoints (so it cannot drift from them) and served
/// anonymously at /api/v1/openapi.json: title, the bearer scheme personal API tokens use, and every /api/v1 operation
/// with its name, summary and description (a test checks each mapped route is in it and described).
/// </summary>
public static class OpenApiDocumentSetup
{
    public const string Path = "/api/v1/openapi.json";

    public const string BearerScheme = "bearer";

    public static IServiceCollection AddOutcomesOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath is { } p && p.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Outcomes API",
                    Version = "v1",
                    Description = "Read scorecards and series, and upload returns, for the org units your roles cover. "
                        + "Authenticate with a personal API token (Authorization: Bearer oct_…); a token has its owner's permissions. "
                        + "Anything outside them answers 404, exactly as something that does not exist.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token (oct_…), issued to a user and stored hashed.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });

    public static void MapOutcomesOpenApi(this WebApplication app) =>
        app.MapOpenApi(Path).AllowAnonymous().ExcludeFromDescription();
}
