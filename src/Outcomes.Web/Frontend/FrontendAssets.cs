using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Outcomes.Web.Configuration;

namespace Outcomes.Web.Frontend;

/// <summary>
/// GOV.UK Frontend as built by `make setup` (npm) into frontend/dist: /outcomes.css, /init.mjs, /govuk-frontend/…, /assets/….
/// Without it the pages are plain HTML that still works; the layout leaves the links out rather than point at nothing.
/// </summary>
public sealed class FrontendAssets
{
    public FrontendAssets(IOptions<OutcomesWebOptions> options, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        Folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.FrontendPath));
        Styled = File.Exists(Path.Combine(Folder, "outcomes.css"));
    }

    public string Folder { get; }

    /// <summary>Whether the built stylesheet is there.</summary>
    public bool Styled { get; }
}

public static class FrontendAssetsSetup
{
    public static void UseFrontendAssets(this WebApplication app)
    {
        var assets = app.Services.GetRequiredService<FrontendAssets>();
        if (!assets.Styled)
        {
            app.Logger.LogWarning("GOV.UK Frontend not found at {Folder}: pages are served unstyled (run `make setup`, which needs npm)", assets.Folder);
            return;
        }

        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(assets.Folder),
            ContentTypeProvider = types,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
    }
}
