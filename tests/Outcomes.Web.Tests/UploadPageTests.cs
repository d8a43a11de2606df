using System.Net;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging.Abstractions;
using Outcomes.Application.Imports;
using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>
/// The upload page end to end: validate (nothing stored), confirm (version 1 stored), every problem listed with its place
/// and rule, the annotated error workbook, and the refusals: outside scope, another authority, no antiforgery token, too large.
/// </summary>
public sealed class UploadPageTests
{
    private const string AllAuthorities = "BPL BRD BRS CAM ERY ESX LDS NEL WLT";
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = WebHost.Create(SampleStore.Path);

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    public static IEnumerable<string> ProblemSamples() =>
        Directory.GetFiles(Uploads.Sample("returns-with-problems"), "*.xlsx").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [Test]
    public async Task A_good_return_is_validated_without_storing_then_confirmed_as_version_1()
    {
        var period = PeriodParser.Parse("2019-20 Q1");
        var bytes = Uploads.NextQuarterReturn("bradford", "BRD-CL1", period.Key);
        using var browser = await SignedInAsync(("performance officer", "BRD-CL1"));
        var returns = new ReturnRepository(SampleStore.Store);

        var validated = await browser.UploadAsync("BRD-CL1_2019-20_Q1.xlsx", bytes);
        var checkPage = await validated.Content.ReadAsStringAsync();
        var afterValidate = await returns.FindAsync("BRD-CC", "BRD-CL1", period);
        var confirmed = await browser.ConfirmAsync(checkPage);
        var donePage = await confirmed.Content.ReadAsStringAsync();
        var stored = await returns.FindAsync("BRD-CC", "BRD-CL1", period);
        var again = await browser.ConfirmAsync(await (await browser.UploadAsync("BRD-CL1_2019-20_Q1.xlsx", bytes)).Content.ReadAsStringAsync());
        var againPage = await again.Content.ReadAsStringAsync();
        var afterAgain = await returns.FindAsync("BRD-CC", "BRD-CL1", period);

        Assert.Multiple(() =>
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the same file again is not a new version");
            Assert.That(againPage, Does.Contain("govuk-error-summary").And.Not.Contain("govuk-panel--confirmation").And.Not.Contain("Confirm import"));
            Assert.That(afterAgain?.LatestVersion, Is.EqualTo(1));
            Assert.That(validated.StatusCode, Is.EqualTo(HttpStatusCode.OK), checkPage);
            Assert.That(checkPage, Does.Contain("Confirm import").And.Contain("BRD-CL1").And.Contain("2019-20 Q1").And.Not.Contain("govuk-error-summary"));
            Assert.That(afterValidate, Is.Null, "validating stores nothing");
            Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), donePage);
            Assert.That(donePage, Does.Contain("govuk-panel--confirmation").And.Contain("Version 1"));
            Assert.That(stored, Is.Not.Null);
            Assert.That(stored!.LatestVersion, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_csv_of_returns_is_validated_then_confirmed_and_one_with_a_unit_outside_scope_is_refused()
    {
        var period = PeriodParser.Parse("2019-20 Q1");
        var csv = await Uploads.NextQuarterCsvAsync("BRD-CC", "BRD-CL4", period.Key);
        using var officer = await SignedInAsync(("performance officer", "BRD-CL4"));
        using var sibling = await SignedInAsync(("performance officer", "BRD-CL7"));
        var returns = new ReturnRepository(SampleStore.Store);

        var refused = await sibling.UploadAsync("brd.csv", csv, framework: "BRD-CC");
        var noFramework = await officer.UploadAsync("brd.csv", csv);
        var validated = await officer.UploadAsync("brd.csv", csv, framework: "BRD-CC");
        var checkPage = await validated.Content.ReadAsStringAsync();
        var afterValidate = await returns.FindAsync("BRD-CC", "BRD-CL4", period);
        var donePage = await (await officer.ConfirmAsync(checkPage)).Content.ReadAsStringAsync();
        var stored = await returns.FindAsync("BRD-CC", "BRD-CL4", period);

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("You cannot upload a return for org unit &#x27;BRD-CL4&#x27;"));
            Assert.That(noFramework.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await noFramework.Content.ReadAsStringAsync(), Does.Contain("Select the framework"));
            Assert.That(validated.StatusCode, Is.EqualTo(HttpStatusCode.OK), checkPage);
            Assert.That(checkPage, Does.Contain("Confirm import").And.Contain("BRD-CL4").And.Contain("2019-20 Q1"));
            Assert.That(afterValidate, Is.Null, "validating stores nothing");
            Assert.That(donePage, Does.Contain("govuk-panel--confirmation").And.Contain("Version 1"));
            Assert.That(stored?.LatestVersion, Is.EqualTo(1));
        });
    }

    [TestCaseSource(nameof(ProblemSamples))]
    public async Task A_bad_sample_lists_every_error_with_its_place_and_rule_stores_nothing_and_offers_the_error_workbook(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Uploads.Sample($"returns-with-problems/{file}"));
        var expected = (await new ReturnImportService(SampleStore.Store, NullLogger<ReturnImportService>.Instance)
            .ImportAsync(file, bytes, "test", DateTimeOffset.UtcNow, dryRun: true)).Issues.Where(i => i.IsError).ToList();
        using var browser = await SignedInAsync(AllAuthorities.Split(' ').Select(a => ("performance officer", a)).ToArray());
        var before = await Uploads.StoredCountsAsync();

        var response = await browser.UploadAsync(file, bytes);
        var page = await response.Content.ReadAsStringAsync();
        var after = await Uploads.StoredCountsAsync();
        var workbook = await browser.GetAsync(new Uri(Uploads.ErrorWorkbookLink(page), UriKind.Relative));
        using var annotated = new XLWorkbook(await workbook.Content.ReadAsStreamAsync());

        Assert.Multiple(() =>
        {
            Assert.That(expected, Is.Not.Empty, "the sample has errors");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(page, Does.Contain("govuk-error-summary").And.Contain("nothing was stored"));
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.That(expected[i].Message, Does.StartWith(expected[i].Place), "the message names its place");
                var message = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(expected[i].Message);
                Assert.That(page, Does.Contain($"<li><a href=\"#problem-{i + 1}\">{message} (rule {System.Text.Encodings.Web.HtmlEncoder.Default.Encode(expected[i].RuleCode)})</a></li>"), $"summary item {i + 1} links to the list below");
                Assert.That(page, Does.Contain($"<li id=\"problem-{i + 1}\">{message} "), $"list item {i + 1} below");
            }

            Assert.That(after, Is.EqualTo(before), "nothing stored");
            Assert.That(workbook.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(annotated.TryGetWorksheet("Errors", out var errors), Is.True, "the annotated workbook has an Errors sheet");
            Assert.That(errors!.RowsUsed().Count() - 1, Is.GreaterThanOrEqualTo(expected.Count), "a row per problem");
        });
    }

    [Test]
    public async Task A_return_outside_the_users_scope_or_for_another_authority_is_refused_and_nothing_is_stored()
    {
        var period = PeriodParser.Parse("2019-20 Q2");
        var bytes = Uploads.NextQuarterReturn("bradford", "BRD-CL1", period.Key);
        using var sibling = await SignedInAsync(("performance officer", "BRD-CL2"));
        using var leeds = await SignedInAsync(("administrator", "LDS"));
        using var reader = await SignedInAsync(("board member", "BRD"));
        var before = await Uploads.StoredCountsAsync();

        var fromSibling = await sibling.UploadAsync("BRD-CL1.xlsx", bytes);
        var fromLeeds = await leeds.UploadAsync("BRD-CL1.xlsx", bytes);
        var readerPage = await reader.GetAsync(new Uri("/returns/upload", UriKind.Relative));
        var after = await Uploads.StoredCountsAsync();

        Assert.Multiple(async () =>
        {
            foreach (var response in new[] { fromSibling, fromLeeds })
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("You cannot upload a return for org unit &#x27;BRD-CL1&#x27;").And.Contain("govuk-error-summary").And.Not.Contain("Confirm import"));
            }

            Assert.That(readerPage.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await readerPage.Content.ReadAsStringAsync(), Does.Contain("You cannot upload returns").And.Not.Contain("type=\"file\""));
            Assert.That(after, Is.EqualTo(before));
            Assert.That(await new ReturnRepository(SampleStore.Store).FindAsync("BRD-CC", "BRD-CL1", period), Is.Null);
        });
    }

    [Test]
    public async Task Confirming_needs_the_same_user_and_an_antiforgery_token()
    {
        var period = PeriodParser.Parse("2019-20 Q1");
        var bytes = Uploads.NextQuarterReturn("bradford", "BRD-CL3", period.Key);
        using var officer = await SignedInAsync(("performance officer", "BRD-CL3"));
        using var colleague = await SignedInAsync(("performance officer", "BRD-CL3"));
        var noToken = await officer.UploadAsync("BRD-CL3.xlsx", bytes, withToken: false);
        var checkPage = await (await officer.UploadAsync("BRD-CL3.xlsx", bytes)).Content.ReadAsStringAsync();

        // The colleague posts the officer's hash with a token of their own: the held upload is keyed by its uploader.
        var colleaguePage = await colleague.GetPageAsync("/returns/upload");
                var stolen = await colleague.ConfirmAsync(checkPage.Replace(WebHost.AntiforgeryToken(checkPage), WebHost.AntiforgeryToken(colleaguePage), StringComparison.Ordinal));
        var stored = await new ReturnRepository(SampleStore.Store).FindAsync("BRD-CC", "BRD-CL3", period);

        Assert.Multiple(async () =>
        {
            Assert.That(noToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(checkPage, Does.Contain("Confirm import"), checkPage);
            Assert.That(stolen.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await stolen.Content.ReadAsStringAsync(), Does.Contain("no longer held"));
            Assert.That(stored, Is.Null);
        });
    }

    [Test]
    public async Task An_oversize_file_is_refused_on_the_page_and_before_it_is_read()
    {
        const long limit = 5 * 1024 * 1024;
        using var officer = await SignedInAsync(("performance officer", "BRD-CL1"));
        var before = await Uploads.StoredCountsAsync();

        var justOver = await officer.UploadAsync("big.xlsx", new byte[limit + 1]);
        var farOver = await officer.UploadAsync("huge.xlsx", new byte[limit + (1024 * 1024)]);

        Assert.Multiple(async () =>
        {
            Assert.That(justOver.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await justOver.Content.ReadAsStringAsync(), Does.Contain("The selected file must be smaller than 5 MB").And.Contain("govuk-error-summary"));
            Assert.That(farOver.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(await Uploads.StoredCountsAsync(), Is.EqualTo(before));
        });
    }

    private async Task<HttpClient> SignedInAsync(params (string Role, string Scope)[] roles)
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, roles);
        var browser = _host.Browser();
        var signedIn = await browser.SignInAsync(email, WebHost.Password);
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        return browser;
    }
}
