using Microsoft.Extensions.Options;
using Outcomes.Application.Accounts;
using Outcomes.Storage;
using Outcomes.Storage.Changes;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Caching;
using Outcomes.Web.Accounts;
using Outcomes.Web.Api;
using Outcomes.Web.Approvals;
using Outcomes.Web.Configuration;
using Outcomes.Web.Dashboard;
using Outcomes.Web.Frontend;
using Outcomes.Web.Health;
using Outcomes.Web.Measures;
using Outcomes.Web.Packs;
using Outcomes.Web.Scoring;
using Outcomes.Web.Security;
using Outcomes.Web.Uploads;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOptions<OutcomesWebOptions>().Bind(builder.Configuration.GetSection(OutcomesWebOptions.SectionName)).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<OutcomesWebOptions>, OutcomesWebOptionsValidator>();
builder.Services.AddSingleton(sp => new OutcomesStore(sp.GetRequiredService<IOptions<OutcomesWebOptions>>().Value.Store, sp.GetRequiredService<ILoggerFactory>()));
builder.Services.AddSingleton(sp => new FrameworkRepository(sp.GetRequiredService<OutcomesStore>()));
builder.Services.AddSingleton(sp => new ScoreRepository(sp.GetRequiredService<OutcomesStore>()));
builder.Services.AddSingleton(sp => new StoreChanges(sp.GetRequiredService<OutcomesStore>()));
builder.Services.AddSingleton<StoredReferenceData>();
builder.Services.AddSingleton<AccessPolicies>();
builder.Services.AddSingleton<DashboardCache>();
builder.Services.AddSingleton<DashboardQuery>();
builder.Services.AddSingleton<FrontendAssets>();
builder.Services.AddSingleton<PendingUploads>();
builder.Services.AddSingleton<ReturnUploads>();
builder.Services.AddSingleton<ReturnTemplates>();
builder.Services.AddSingleton(sp => new TargetRepository(sp.GetRequiredService<OutcomesStore>()));
builder.Services.AddSingleton<UnitFrameworks>();
builder.Services.AddSingleton<UnitScorecardQuery>();
builder.Services.AddSingleton<MeasureDetailQuery>();
builder.Services.AddOutcomesOpenApi();
builder.Services.AddApprovals();
builder.Services.AddSingleton<Outcomes.Web.Frameworks.FrameworkCatalogue>();
builder.Services.AddOutcomesAuthentication();
builder.Services.AddOutcomesOpenIdConnect(builder.Configuration);
builder.Services.AddPacks(builder.Configuration);
builder.Services.AddBackgroundScoring(builder.Configuration);
var loopbackHttp = builder.Configuration.GetValue<bool>($"{OutcomesWebOptions.SectionName}:{nameof(OutcomesWebOptions.LoopbackHttp)}");
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = loopbackHttp ? "outcomes-antiforgery" : "__Host-outcomes-antiforgery";
    o.Cookie.SecurePolicy = loopbackHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.HttpOnly = true;
});
builder.Services.AddRazorPages();
builder.Services.AddProblemDetails();

var app = builder.Build();
var settings = app.Services.GetRequiredService<IOptions<OutcomesWebOptions>>().Value;
if (settings.Store.Provider == StoreProvider.Sqlite
    && Path.GetDirectoryName(Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.Store.ConnectionString).DataSource)) is { } folder)
{
    Directory.CreateDirectory(folder);
}

if (settings.MigrateOnStart)
{
    var report = await app.Services.GetRequiredService<OutcomesStore>().MigrateAsync();
    app.Logger.LogInformation("Schema: {Applied} scripts applied, {Already} already applied", report.Applied.Count, report.AlreadyApplied.Count);
}

if (settings.DemoSignIn)
{
    var demo = await DemoSignIn.EnsureAsync(app.Services.GetRequiredService<OutcomesStore>(), app.Services.GetRequiredService<PasswordHashing>(), TimeProvider.System);
    if (demo is null)
    {
        app.Logger.LogWarning("Demo sign-in asked for, but the store has no authorities: load the samples first (make demo)");
    }
    else
    {
        // Printed on purpose, for `make serve` on the sample store; a fresh password each start.
        app.Logger.LogWarning("Demo sign-in: {UserName} with password {Password} (administrator over {Authorities})", demo.UserName, demo.Password, string.Join(", ", demo.Authorities));
    }
}

app.UseFriendlyErrors();
app.UseSecurityHeaders();
if (settings.LoopbackHttp)
{
    app.Logger.LogWarning("Outcomes:LoopbackHttp is on: sign-in cookies are not Secure and only requests from this machine are answered");
    app.UseLoopbackOnly();
}

app.UseUploadSizeLimit();
app.UseFrontendAssets();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapHealth();
app.MapApiV1();
app.MapOutcomesOpenApi();
app.MapPackApi();
app.MapRazorPages();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
