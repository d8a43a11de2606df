using System.Net;
using ClosedXML.Excel;

namespace Outcomes.Web.Tests;

/// <summary>Download a return template: only the user's units are offered or made, and the file is the right unit and quarter.</summary>
public sealed class TemplateDownloadTests
{
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = WebHost.Create(SampleStore.Path);

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task The_form_offers_only_the_users_units_and_a_blank_template_opens_with_its_unit_and_quarter()
    {
        using var browser = await SignedInAsync(("performance officer", "BRD-CL2"));
        var form = await browser.GetPageAsync("/returns/template");
        var response = await browser.GetAsync(new Uri("/returns/template/download?Framework=BRD-CC&Unit=BRD-CL2&Period=2019-20+Q1&Kind=blank", UriKind.Relative));
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var meta = Meta(workbook);

        Assert.Multiple(() =>
        {
            Assert.That(form, Does.Contain("value=\"BRD-CL2\"").And.Not.Contain("value=\"BRD-CL1\"").And.Not.Contain("LDS"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentDisposition?.FileName, Does.Contain("BRD-CL2_2019-20_Q1.xlsx"));
            Assert.That(meta["org_unit_code"], Is.EqualTo("BRD-CL2"));
            Assert.That(meta["period_key"], Is.EqualTo("2019-20 Q1"));
            Assert.That(meta["framework_code"], Is.EqualTo("BRD-CC"));
            Assert.That(workbook.Worksheet("Data").Column(4).CellsUsed().Count(), Is.EqualTo(1), "blank: only the Value header");
        });
    }

    [Test]
    public async Task A_prefilled_template_holds_the_stored_values_of_its_quarter()
    {
        using var browser = await SignedInAsync(("performance officer", "BRD-CL2"));
        var response = await browser.GetAsync(new Uri("/returns/template/download?Framework=BRD-CC&Unit=BRD-CL2&Period=2018-19+Q4&Kind=prefilled", UriKind.Relative));
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var stored = (await new Storage.Repositories.ObservationRepository(SampleStore.Store).ListCurrentAsync("BRD-CC", ["BRD-CL2"]))
            .Where(o => o.Period.Key == "2018-19 Q4").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Meta(workbook)["period_key"], Is.EqualTo("2018-19 Q4"));
            Assert.That(stored, Is.Not.Empty);
            Assert.That(workbook.Worksheet("Data").Column(4).CellsUsed().Count() - 1, Is.GreaterThan(0), "values filled in");
        });
    }

    [Test]
    public async Task Another_unit_or_authority_is_not_made_and_reads_as_not_one_of_yours()
    {
        using var browser = await SignedInAsync(("performance officer", "BRD-CL2"));
        var sibling = await browser.GetAsync(new Uri("/returns/template/download?Framework=BRD-CC&Unit=BRD-CL1&Period=2019-20+Q1", UriKind.Relative));
        var leeds = await browser.GetAsync(new Uri("/returns/template/download?Framework=LDS-ESD&Unit=LDS-CL01&Period=2019-20+Q1", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(sibling.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await sibling.Content.ReadAsStringAsync(), Does.Contain("Select one of your org units").And.Contain("govuk-error-summary"));
            Assert.That(leeds.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await leeds.Content.ReadAsStringAsync(), Does.Contain("Select a framework").And.Not.Contain("Leeds"));
        });
    }

    private static Dictionary<string, string> Meta(XLWorkbook workbook) =>
        workbook.Worksheet("_template").RowsUsed().ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetString());

    private async Task<HttpClient> SignedInAsync(params (string Role, string Scope)[] roles)
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, roles);
        var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        return browser;
    }
}
