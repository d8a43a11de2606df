using Microsoft.Extensions.Options;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Scoring;

/// <summary>Re-scoring after imports: options (checked at start-up), the store's queue, the signal and the background scorer.</summary>
public static class ScoringSetup
{
    public static IServiceCollection AddBackgroundScoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScoringOptions>().Bind(configuration.GetSection(ScoringOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>();
        services.AddSingleton(sp => new ScoringRequestRepository(sp.GetRequiredService<OutcomesStore>()));
        services.AddSingleton<ScoringSignal>();
        services.AddSingleton<ScoringRequests>();
        services.AddHostedService<ScoringWorker>();
        return services;
    }
}
