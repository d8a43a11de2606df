using Microsoft.Extensions.Options;
using Outcomes.Application.Packs;
using Outcomes.Reporting.Pdf;
using Outcomes.Reporting.Templates;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Configuration;

namespace Outcomes.Web.Packs;

/// <summary>
/// Packs through the web: options (checked at start-up), the one Chromium printer of the host (launched at the first
/// print, closed when the host is disposed), the pack services, the queue and its background worker.
/// </summary>
public static class PacksSetup
{
    public static IServiceCollection AddPacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PackOptions>().Bind(configuration.GetSection(PackOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PackOptions>, PackOptionsValidator>();
        services.AddSingleton(sp => new PdfPrinter(
            new PdfPrinterOptions { ChromiumPath = sp.GetRequiredService<IOptions<OutcomesWebOptions>>().Value.ChromiumPath },
            sp.GetRequiredService<ILogger<PdfPrinter>>()));
        services.AddSingleton(_ => new TemplateRenderer());
        services.AddSingleton(sp => new PackJobRepository(sp.GetRequiredService<OutcomesStore>()));
        services.AddSingleton(sp => new BoardPackService(
            sp.GetRequiredService<OutcomesStore>(), sp.GetRequiredService<TemplateRenderer>(), sp.GetRequiredService<PdfPrinter>(), sp.GetRequiredService<ILogger<BoardPackService>>()));
        services.AddSingleton(sp => new ScrutinyPackService(
            sp.GetRequiredService<OutcomesStore>(), sp.GetRequiredService<TemplateRenderer>(), sp.GetRequiredService<PdfPrinter>(), sp.GetRequiredService<ILogger<ScrutinyPackService>>()));
        services.AddSingleton<PackSettingsCatalog>();
        services.AddSingleton<PackQueue>();
        services.AddSingleton<PackJobRunner>();
        services.AddSingleton<PackRequests>();
        services.AddSingleton<PackAccess>();
        services.AddHostedService<PackWorker>();
        services.AddSingleton<PackRetention>();
        services.AddHostedService<PackRetentionService>();
        return services;
    }
}
