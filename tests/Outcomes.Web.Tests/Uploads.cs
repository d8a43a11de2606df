using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Data.Sqlite;

namespace Outcomes.Web.Tests;

/// <summary>Helpers for the upload tests: sample files, a browser posting the upload form, and counts read from the store.</summary>
internal static partial class Uploads
{
    public static string Sample(string relative) => Path.Combine(SampleStore.RepositoryRoot, "samples", relative);

    /// <summary>
    /// A good return not yet in the store: a sample of <paramref name="unit"/>'s 2018-19 Q4 return, re-labelled (in its
    /// hidden template sheet) for a later quarter, as a user would fill in next quarter's template.
    /// </summary>
    public static byte[] NextQuarterReturn(string council, string unit, string period)
    {
        using var workbook = new XLWorkbook(Sample($"returns/{council}/{unit}_2018-19_Q4.xlsx"));
        var meta = workbook.Worksheet("_template");
        var keyRow = meta.RowsUsed().Single(r => r.Cell(1).GetString() == "period_key");
        keyRow.Cell(2).Value = period;
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>A long .csv of one unit's stored 2018-19 Q4 values, re-labelled for a later quarter (not yet in the store).</summary>
    public static async Task<byte[]> NextQuarterCsvAsync(string framework, string unit, string period)
    {
        var observations = (await new Storage.Repositories.ObservationRepository(SampleStore.Store).ListCurrentAsync(framework, [unit]))
            .Where(o => o.Period.Key == "2018-19 Q4").ToList();
        var text = new System.Text.StringBuilder("org_unit_code,period,measure_code,value,numerator,denominator\r\n");
        foreach (var o in observations)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{unit},{period},{o.MeasureCode},{o.SuppressionReason ?? o.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture)},{o.Numerator?.ToString(System.Globalization.CultureInfo.InvariantCulture)},{o.Denominator?.ToString(System.Globalization.CultureInfo.InvariantCulture)}\r\n");
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Gets the upload page and posts the file with the page's antiforgery token, as a browser would.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient browser, string fileName, byte[] bytes, bool withToken = true, string? framework = null)
    {
        var page = await browser.GetPageAsync("/returns/upload");
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(WebHost.AntiforgeryToken(page)), "__RequestVerificationToken");
        }

        if (framework is not null)
        {
            form.Add(new StringContent(framework), "framework");
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await browser.PostAsync(new Uri("/returns/upload/validate", UriKind.Relative), form);
    }

    /// <summary>Presses "Confirm import" on a validated upload's page.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(this HttpClient browser, string checkPage)
    {
        var sha = ShaInput().Match(checkPage) is { Success: true } m ? m.Groups[1].Value : throw new AssertionException("No Confirm import form on the page.");
        return await browser.PostAsync(new Uri("/returns/upload/confirm", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sha256"] = sha,
            ["__RequestVerificationToken"] = WebHost.AntiforgeryToken(checkPage),
        }));
    }

    public static string ErrorWorkbookLink(string page) =>
        ErrorLink().Match(page) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : throw new AssertionException("No error workbook link on the page.");

    /// <summary>Rows in the store's tables of returns, versions and uploads: an upload that stores nothing leaves all three alone.</summary>
    public static async Task<(long Returns, long Versions, long Uploads)> StoredCountsAsync()
    {
        await using var connection = new SqliteConnection(Storage.StoreOptions.SqliteConnectionString(SampleStore.Path));
        await connection.OpenAsync();
        async Task<long> Count(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return (long)(await command.ExecuteScalarAsync())!;
        }

        return (await Count("returns"), await Count("return_versions"), await Count("uploads"));
    }

    [GeneratedRegex("name=\"sha256\" value=\"([0-9A-F]{64})\"")]
    private static partial Regex ShaInput();

    [GeneratedRegex("href=\"(/returns/upload/errors\\?id=[0-9A-F]{64})\"")]
    private static partial Regex ErrorLink();
}
