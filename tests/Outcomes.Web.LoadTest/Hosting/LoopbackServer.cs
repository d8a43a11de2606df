using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Outcomes.Storage;

namespace Outcomes.Web.LoadTest.Hosting;

/// <summary>
/// The real web host (Program, as `make serve` runs it: Production, LoopbackHttp) on Kestrel at 127.0.0.1 on a free
/// port, over a SQLite file. Browsers and HTTP clients reach it through real sockets at <see cref="BaseAddress"/>.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private LoopbackServer(WebApplicationFactory<Program> factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts the host over <paramref name="dbFile"/>, with src/Outcomes.Web under <paramref name="repositoryRoot"/> as its content root (for the built GOV.UK Frontend).</summary>
    public static LoopbackServer Start(string dbFile, string repositoryRoot)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseContentRoot(Path.Combine(repositoryRoot, "src", "Outcomes.Web"));
            b.UseSetting("Outcomes:Store:Provider", "Sqlite");
            b.UseSetting("Outcomes:Store:ConnectionString", StoreOptions.SqliteConnectionString(dbFile));
            b.UseSetting("Outcomes:LoopbackHttp", "true");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.SingleOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        return new LoopbackServer(factory, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public void Dispose() => _factory.Dispose();
}
