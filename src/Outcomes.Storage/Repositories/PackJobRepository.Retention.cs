using Dapper;

namespace Outcomes.Storage.Repositories;

/// <summary>The pack jobs the clean-up works from: those whose files are still kept, the newest id, and expiring one.</summary>
public sealed partial class PackJobRepository
{
    internal static readonly ProviderSql SelectKept = new(
        "pack-jobs.list-kept",
        $"SELECT {Columns} FROM pack_jobs WHERE expired_at IS NULL AND status <> 'failed' ORDER BY id;");

    internal static readonly ProviderSql SelectNewestId = new(
        "pack-jobs.newest-id",
        "SELECT COALESCE(MAX(id), 0) FROM pack_jobs;");

    internal static readonly ProviderSql Expire = new(
        "pack-jobs.expire",
        "UPDATE pack_jobs SET expired_at = @At WHERE id = @Id AND status = 'done' AND expired_at IS NULL;");

    /// <summary>Jobs that are queued, running, or done and not expired, oldest first: every job that has, or will have, files.</summary>
    public async Task<IReadOnlyList<PackJob>> ListKeptAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<JobRow>(new CommandDefinition(store.Sql(SelectKept), cancellationToken: cancellationToken)))
            .Select(r => r.ToJob()).ToList();
    }

    /// <summary>The highest job id this store has given (0 with none): a folder named after a higher number is not this store's.</summary>
    public async Task<long> NewestIdAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(store.Sql(SelectNewestId), cancellationToken: cancellationToken));
    }

    /// <summary>Done → expired (its files removed); false when the job is not done or already expired.</summary>
    public Task<bool> ExpireAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync(Expire, new { Id = id, At = at }, cancellationToken);
}
