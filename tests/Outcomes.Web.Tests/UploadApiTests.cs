using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>POST /api/v1/returns?mode=validate|import with an API token: problems as JSON with places, the same permissions as the page.</summary>
public sealed class UploadApiTests
{
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = WebHost.Create(SampleStore.Path);

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task Validate_stores_nothing_and_import_stores_version_1()
    {
        var period = PeriodParser.Parse("2019-20 Q1");
        var bytes = Uploads.NextQuarterReturn("bradford", "BRD-CL5", period.Key);
        using var api = await ApiAsync(("performance officer", "BRD-CL5"));
        var returns = new ReturnRepository(SampleStore.Store);

        var validated = await PostAsync(api, "validate", "BRD-CL5.xlsx", bytes);
        var validatedJson = JsonDocument.Parse(await validated.Content.ReadAsStringAsync()).RootElement;
        var afterValidate = await returns.FindAsync("BRD-CC", "BRD-CL5", period);
        var imported = await PostAsync(api, "import", "BRD-CL5.xlsx", bytes);
        var importedJson = JsonDocument.Parse(await imported.Content.ReadAsStringAsync()).RootElement;
        var stored = await returns.FindAsync("BRD-CC", "BRD-CL5", period);

        Assert.Multiple(() =>
        {
            Assert.That(validated.StatusCode, Is.EqualTo(HttpStatusCode.OK), validatedJson.ToString());
            Assert.That(validatedJson.GetProperty("stored").GetBoolean(), Is.False);
            Assert.That(validatedJson.GetProperty("orgUnit").GetString(), Is.EqualTo("BRD-CL5"));
            Assert.That(validatedJson.GetProperty("errors").GetInt32(), Is.Zero);
            Assert.That(afterValidate, Is.Null);
            Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.Created), importedJson.ToString());
            Assert.That(importedJson.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(stored?.LatestVersion, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_bad_return_answers_422_with_each_problems_place_and_rule_and_stores_nothing()
    {
        var bytes = await File.ReadAllBytesAsync(Uploads.Sample("returns-with-problems/leeds-numerator-exceeds-denominator.xlsx"));
        using var api = await ApiAsync(("performance officer", "LDS"));
        var before = await Uploads.StoredCountsAsync();

        var response = await PostAsync(api, "import", "leeds.xlsx", bytes);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = json.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("severity").GetString() == "error").ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(json.GetProperty("stored").GetBoolean(), Is.False);
            Assert.That(errors, Is.Not.Empty);
            Assert.That(errors.Select(e => e.GetProperty("rule").GetString()), Has.Some.Contains("numerator"));
            Assert.That(errors.Select(e => e.GetProperty("cell").GetString()), Has.All.Not.Null, "each problem names its cell");
            Assert.That(errors.Select(e => e.GetProperty("sheet").GetString()), Has.All.EqualTo("Data"));
            Assert.That(await Uploads.StoredCountsAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Outside_scope_another_authority_no_token_and_a_cookie_without_antiforgery_are_refused()
    {
        var bytes = Uploads.NextQuarterReturn("bradford", "BRD-CL6", "2019-20 Q1");
        using var sibling = await ApiAsync(("performance officer", "BRD-CL1"));
        using var leeds = await ApiAsync(("administrator", "LDS"));
        using var anonymous = _host.Api(null);
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("performance officer", "BRD-CL6"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        var before = await Uploads.StoredCountsAsync();

        var fromSibling = await PostAsync(sibling, "import", "BRD-CL6.xlsx", bytes);
        var fromLeeds = await PostAsync(leeds, "import", "BRD-CL6.xlsx", bytes);
        var fromNobody = await PostAsync(anonymous, "import", "BRD-CL6.xlsx", bytes);
        var fromCookie = await PostAsync(browser, "import", "BRD-CL6.xlsx", bytes);

        Assert.Multiple(async () =>
        {
            foreach (var refused in new[] { fromSibling, fromLeeds })
            {
                Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
                Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("You cannot upload a return for org unit 'BRD-CL6'"));
            }

            Assert.That(fromNobody.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(fromCookie.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await fromCookie.Content.ReadAsStringAsync(), Does.Contain("antiforgery"));
            Assert.That(await Uploads.StoredCountsAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task An_oversize_file_is_413()
    {
        using var api = await ApiAsync(("performance officer", "BRD-CL1"));
        var justOver = await PostAsync(api, "validate", "big.xlsx", new byte[(5 * 1024 * 1024) + 1]);
        var farOver = await PostAsync(api, "validate", "huge.xlsx", new byte[6 * 1024 * 1024]);

        Assert.Multiple(async () =>
        {
            Assert.That(justOver.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(await justOver.Content.ReadAsStringAsync(), Does.Contain("smaller than 5 MB"));
            Assert.That(farOver.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        });
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string mode, string fileName, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri($"/api/v1/returns?mode={mode}", UriKind.Relative), form);
    }

    private async Task<HttpClient> ApiAsync(params (string Role, string Scope)[] roles) =>
        _host.Api(await SampleStore.TokenAsync(await SampleStore.AddUserAsync(WebHost.Password, roles)));
}
