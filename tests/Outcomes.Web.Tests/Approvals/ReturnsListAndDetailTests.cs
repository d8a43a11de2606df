using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests.Approvals;

/// <summary>The returns list (filters, scope, paging) and a return's page and API (versions and a real diff after two uploads).</summary>
public sealed partial class ReturnsListAndDetailTests
{
    private ApprovalStore _store = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _store = await ApprovalStore.CreateAsync();

    [OneTimeTearDown]
    public void Stop() => _store.Dispose();

    [Test]
    public async Task The_list_filters_by_framework_quarter_unit_and_status_by_page_and_by_api()
    {
        var q4 = PeriodParser.Parse("2018-19 Q4");
        var stored = await new ReturnRepository(_store.Store).ListAsync(ApprovalStore.Framework, q4);
        var (approvedUnit, approvedPeriod) = await _store.FreshReturnAsync(ReturnStatus.Approved);
        using var browser = await _store.BrowserAsync(("administrator", "LDS"));
        using var api = await _store.ApiAsync(("board member", "LDS"));

        var quarter = await browser.GetPageAsync("/returns?framework=LDS-ESD&quarter=2018-19+Q4");
        var oneUnit = await browser.GetPageAsync("/returns?framework=LDS-ESD&quarter=2018-19+Q4&unit=LDS-CL03");
        var approved = await browser.GetPageAsync("/returns?status=approved");
        var badQuarter = await browser.GetAsync(new Uri("/returns?quarter=Q9+nonsense", UriKind.Relative));
        var apiQuarter = await (await api.GetAsync(new Uri("/api/v1/returns?framework=LDS-ESD&period=2018-19%20Q4", UriKind.Relative))).JsonAsync();
        var apiApproved = await (await api.GetAsync(new Uri("/api/v1/returns?status=approved", UriKind.Relative))).JsonAsync();
        var apiBadStatus = await api.GetAsync(new Uri("/api/v1/returns?status=finished", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(Rows(quarter), Has.Count.EqualTo(stored.Count));
            Assert.That(Rows(quarter), Has.All.Contains("/returns/LDS-ESD/").And.All.Contains("/2018-19%20Q4"));
            Assert.That(quarter, Does.Contain($"{stored.Count} returns"));
            Assert.That(Rows(oneUnit), Is.EqualTo(new[] { "/returns/LDS-ESD/LDS-CL03/2018-19%20Q4" }));
            Assert.That(Rows(approved), Is.EqualTo(new[] { Approve.Url(approvedUnit, approvedPeriod) }), "only the one approved return");
            Assert.That(approved, Does.Contain("<strong class=\"govuk-tag govuk-tag--green\">Approved</strong>"));
            Assert.That(badQuarter.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await badQuarter.Content.ReadAsStringAsync(), Does.Contain("govuk-error-summary").And.Contain("href=\"#quarter\""));
            Assert.That(apiQuarter.GetProperty("total").GetInt32(), Is.EqualTo(stored.Count));
            Assert.That(apiQuarter.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("period").GetString()).Distinct(), Is.EqualTo(new[] { "2018-19 Q4" }));
            Assert.That(apiApproved.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("orgUnit").GetString()), Is.EqualTo(new[] { approvedUnit }));
            Assert.That(apiBadStatus.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task A_performance_officer_lists_only_their_own_units_returns_and_gets_404_for_another_unit_by_api()
    {
        var own = await new ReturnRepository(_store.Store).ListAsync(ApprovalStore.Framework, null, "LDS-CL07");
        using var browser = await _store.BrowserAsync(("performance officer", "LDS-CL07"));
        using var api = await _store.ApiAsync(("performance officer", "LDS-CL07"));

        var page = await browser.GetPageAsync("/returns");
        var ownApi = await api.GetAsync(new Uri("/api/v1/returns?unit=LDS-CL07", UriKind.Relative));
        var sibling = await api.GetAsync(new Uri("/api/v1/returns?unit=LDS-CL08", UriKind.Relative));
        var bradford = await api.GetAsync(new Uri("/api/v1/returns?framework=BRD-CC", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(own, Is.Not.Empty);
            Assert.That(Rows(page), Has.Count.EqualTo(own.Count));
            Assert.That(Rows(page), Has.All.StartsWith("/returns/LDS-ESD/LDS-CL07/"));
            Assert.That(page, Does.Not.Contain("LDS-CL08").And.Not.Contain("BRD-"));
            Assert.That(ownApi.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await ownApi.JsonAsync()).GetProperty("total").GetInt32(), Is.EqualTo(own.Count));
            Assert.That(sibling.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(bradford.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task The_list_pages_fifty_returns_at_a_time()
    {
        var all = await new ReturnRepository(_store.Store).ListAsync(ApprovalStore.Framework);
        using var browser = await _store.BrowserAsync(("scrutiny member", "LDS"));

        var first = await browser.GetPageAsync("/returns?framework=LDS-ESD");
        var last = await browser.GetPageAsync($"/returns?framework=LDS-ESD&page={(all.Count + 49) / 50}");

        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Count.GreaterThan(50));
            Assert.That(Rows(first), Has.Count.EqualTo(50));
            Assert.That(Rows(last), Has.Count.EqualTo(all.Count - (50 * ((all.Count - 1) / 50))));
            Assert.That(first, Does.Contain("rel=\"next\"").And.Contain($"page 1 of {(all.Count + 49) / 50}"));
            Assert.That(Rows(first).Intersect(Rows(last)), Is.Empty);
        });
    }

    [Test]
    public async Task After_two_uploads_of_different_figures_the_return_shows_both_versions_and_the_measure_that_changed()
    {
        var period = PeriodParser.Parse("2018-19 Q4");
        var (bytes, measure, old, changed) = Approve.Corrected("leeds", "LDS-CL05", "2018-19_Q4");
        using var officer = await _store.ApiAsync(("performance officer", "LDS-CL05"));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "LDS-CL05_2018-19_Q4_corrected.xlsx");
        var upload = await officer.PostAsync(new Uri("/api/v1/returns?mode=import", UriKind.Relative), form);
        var uploaded = await upload.Content.ReadAsStringAsync();
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), uploaded);

        using var browser = await _store.BrowserAsync(("board member", "LDS"));
        var url = Approve.Url("LDS-CL05", period);
        var page = await browser.GetPageAsync(url);
        var reversed = await browser.GetPageAsync(url + "?from=2&to=1");
        var badVersion = await browser.GetAsync(new Uri(url + "?from=9&to=2", UriKind.Relative));
        var json = await (await officer.GetAsync(new Uri("/api/v1" + url, UriKind.Relative))).JsonAsync();
        var difference = json.GetProperty("comparison").GetProperty("differences").EnumerateArray().Single();
        var oldText = Number(old);
        var newText = Number(changed);

        Assert.Multiple(async () =>
        {
            Assert.That(page, Does.Contain("LDS-CL05_2018-19_Q4.xlsx").And.Contain("LDS-CL05_2018-19_Q4_corrected.xlsx"));
            Assert.That(page, Does.Contain("Superseded"), "version 1 is superseded by version 2");
            Assert.That(page, Does.Contain("1 measure differ between version 1 and version 2"));
            Assert.That(DiffRow(page, measure), Is.EqualTo(new[] { oldText, newText, "+3", "Yes: Corrected after a late registration was found" }));
            Assert.That(DiffRow(reversed, measure), Is.EqualTo(new[] { newText, oldText, "−3", "Yes: removed" }));
            Assert.That(badVersion.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await badVersion.Content.ReadAsStringAsync(), Does.Contain("href=\"#from\"").And.Contain("has no version 9"));
            Assert.That(json.GetProperty("versions").GetArrayLength(), Is.EqualTo(2));
            Assert.That(json.GetProperty("comparison").GetProperty("from").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("comparison").GetProperty("to").GetInt32(), Is.EqualTo(2));
            Assert.That(difference.GetProperty("measure").GetString(), Is.EqualTo(measure));
            Assert.That(difference.GetProperty("old").GetProperty("value").GetDecimal(), Is.EqualTo(old));
            Assert.That(difference.GetProperty("new").GetProperty("value").GetDecimal(), Is.EqualTo(changed));
            Assert.That(difference.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()), Is.EquivalentTo(new[] { "value", "commentary" }));
        });
    }

    private static string Number(decimal value) => value.ToString("#,##0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Rows(string page) => ReturnLink().Matches(page).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The cells after the measure's header cell in the differences table.</summary>
    private static string[] DiffRow(string page, string measure)
    {
        var row = Regex.Match(page, $"\\({Regex.Escape(measure)}\\)</th>(.*?)</tr>", RegexOptions.Singleline);
        Assert.That(row.Success, Is.True, $"no differences row for {measure}");
        return Cell().Matches(row.Groups[1].Value).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToArray();
    }

    [GeneratedRegex("<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"(/returns/[^\"]+)\">View")]
    private static partial Regex ReturnLink();

    [GeneratedRegex("<td class=\"govuk-table__cell\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
