using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Outcomes.Application.Accounts;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>
/// A private copy of the sample store (SQLite's online backup of <see cref="SampleStore"/>), for tests that change
/// frameworks and targets, so the shared store other tests read is never touched. Users and tokens are made in the copy.
/// </summary>
internal sealed class FrameworkTestStore : IDisposable
{
    private readonly string _folder;

    public FrameworkTestStore()
    {
        _folder = Directory.CreateTempSubdirectory("outcomes-web-frameworks-").FullName;
        Path = System.IO.Path.Combine(_folder, "outcomes.db");
        using var source = new SqliteConnection($"Data Source={SampleStore.Path}");
        using var copy = new SqliteConnection($"Data Source={Path}");
        source.Open();
        copy.Open();
        source.BackupDatabase(copy);
    }

    public string Path { get; }

    public OutcomesStore Store => OutcomesStore.Sqlite(Path);

    public Task<string> AddUserAsync(params (string Role, string Scope)[] roles) => SampleStore.AddUserAsync(Store, WebHost.Password, roles);

    public Task<string> TokenAsync(string userName) => SampleStore.TokenAsync(Store, userName);

    /// <summary>Rows in the targets table for a framework, counted by SQL.</summary>
    public async Task<long> CountTargetsAsync(string framework)
    {
        await using var connection = new SqliteConnection($"Data Source={Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM targets WHERE framework_code = $code";
        command.Parameters.AddWithValue("$code", framework);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A .zip of files given by name and text, inside one folder, as "Send to > Compressed folder" makes it.</summary>
    public static byte[] Zip(string folder, IReadOnlyDictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var writer = new StreamWriter(zip.CreateEntry($"{folder}/{name}").Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
