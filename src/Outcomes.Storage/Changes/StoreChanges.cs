using Dapper;

namespace Outcomes.Storage.Changes;

/// <summary>
/// The store's data generation (migration 0013): a number that every insert, update or delete on the tables behind the
/// org-unit tree, frameworks, targets, comparators, returns and scores moves on, by trigger, whoever writes. A view
/// built after reading generation <c>g</c> is current for as long as the generation still reads <c>g</c>.
/// </summary>
public sealed class StoreChanges(OutcomesStore store)
{
    internal static readonly ProviderSql SelectDataGeneration = new(
        "store-changes.data-generation",
        "SELECT generation FROM store_changes WHERE scope = 'data'");

    public async Task<long> DataGenerationAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(store.Sql(SelectDataGeneration), cancellationToken: cancellationToken));
    }
}
