using Outcomes.Application.Returns;
using Outcomes.Storage;

namespace Outcomes.Web.Approvals;

/// <summary>The returns list, return page, approval workflow and audit log services.</summary>
public static class ApprovalsSetup
{
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ReturnWorkflowService(sp.GetRequiredService<OutcomesStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReturnScope>();
        services.AddSingleton<ReturnsList>();
        services.AddSingleton<ReturnDetail>();
        services.AddSingleton<ReturnActions>();
        services.AddSingleton<AuditTrail>();
        return services;
    }
}
