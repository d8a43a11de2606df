using Microsoft.Extensions.Logging;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.OpenData;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.OpenData;

public sealed record ComparatorLoadResult(string File, int Read, int Stored, IReadOnlyList<ImportIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.IsError);
}

/// <summary>Loads a DfE open-data file (England, regions, authorities) as comparators; a file with errors stores nothing.</summary>
public sealed class ComparatorLoadingService(OutcomesStore store, ILogger<ComparatorLoadingService> logger)
{
    /// <summary>The mapping for a file by its shape: "gld" or "cla", or a mapping JSON file's path.</summary>
    public static DfeIndicatorMapping? Mapping(string nameOrPath, out string error)
    {
        error = string.Empty;
        switch (nameOrPath.ToLowerInvariant())
        {
            case "gld":
                return DfeIndicatorMappings.Gld;
            case "cla":
                return DfeIndicatorMappings.ChildrenLookedAfter;
        }

        if (!File.Exists(nameOrPath))
        {
            error = $"mapping '{nameOrPath}' is neither a built-in (gld, cla) nor a file";
            return null;
        }

        using var stream = File.OpenRead(nameOrPath);
        return DfeIndicatorMapping.FromJson(stream, out error);
    }

    public async Task<ComparatorLoadResult> LoadAsync(string path, DfeIndicatorMapping mapping, CancellationToken ct = default)
    {
        var read = DfeOpenDataReader.Read(path, mapping);
        if (read.HasErrors)
        {
            return new ComparatorLoadResult(path, read.Values.Count, 0, read.Issues);
        }

        var stored = await new ComparatorRepository(store).UpsertAsync(read.Values, ct);
        logger.LogInformation("Comparators from {File}: {Read} read, {Stored} stored", path, read.Values.Count, stored);
        return new ComparatorLoadResult(path, read.Values.Count, stored, read.Issues);
    }
}
