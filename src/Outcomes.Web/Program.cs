using Microsoft.Extensions.Options;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Api;
using Outcomes.Web.Configuration;
using Outcomes.Web.Health;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOptions<OutcomesWebOptions>().Bind(builder.Configuration.GetSection(OutcomesWebOptions.SectionName)).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<OutcomesWebOptions>, OutcomesWebOptionsValidator>();
builder.Services.AddSingleton(sp => new OutcomesStore(sp.GetRequiredService<IOptions<OutcomesWebOptions>>().Value.Store, sp.GetRequiredService<ILoggerFactory>()));
builder.Services.AddSingleton(sp => new FrameworkRepository(sp.GetRequiredService<OutcomesStore>()));
builder.Services.AddSingleton(sp => new ScoreRepository(sp.GetRequiredService<OutcomesStore>()));
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
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

app.MapHealth();
app.MapApiV1();
app.MapGet("/", () => Results.Content(
    """
    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outcomes</title></head>
    <body><h1>Outcomes</h1><p>Early-help outcomes reporting. The API is at <a href="/api/v1/frameworks">/api/v1/frameworks</a>;
    health at <a href="/health">/health</a>.</p></body></html>
    """, "text/html"));
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
