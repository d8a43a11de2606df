using Outcomes.Domain.Observations;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;

namespace Outcomes.Storage.Returns;

public enum MeasureChangeKind
{
    Unchanged,
    Changed,

    /// <summary>Reported in the newer version only.</summary>
    Added,

    /// <summary>Reported in the older version only.</summary>
    Removed,
}

/// <summary>One measure (of one org unit) in two versions: what it was, what it is, and which fields differ.</summary>
public sealed record MeasureChange(string OrgUnitCode, string MeasureCode, Observation? Old, Observation? New, MeasureChangeKind Kind, IReadOnlyList<string> ChangedFields);

/// <summary>Two versions of one return side by side. <see cref="From"/> is null when <see cref="To"/> is version 1.</summary>
public sealed record VersionComparison(
    string FrameworkCode, string OrgUnitCode, Period Period, ReturnVersion? From, ReturnVersion To, IReadOnlyList<MeasureChange> Measures)
{
    public IEnumerable<MeasureChange> Differences => Measures.Where(m => m.Kind != MeasureChangeKind.Unchanged);
}

/// <summary>Pure comparison of two versions' observations, measure by measure.</summary>
public static class ReturnVersionComparer
{
    public const string Value = "value";
    public const string Numerator = "numerator";
    public const string Denominator = "denominator";
    public const string Suppression = "suppression";
    public const string Commentary = "commentary";
    public const string DataQualityFlag = "data quality flag";

    /// <summary>Every measure in either version, ordered by org unit then measure code.</summary>
    public static IReadOnlyList<MeasureChange> Compare(IReadOnlyList<Observation> older, IReadOnlyList<Observation> newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var before = older.ToDictionary(Key, StringComparer.OrdinalIgnoreCase);
        var after = newer.ToDictionary(Key, StringComparer.OrdinalIgnoreCase);
        return before.Keys.Union(after.Keys, StringComparer.OrdinalIgnoreCase)
            .Select(k => Change(before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .OrderBy(c => c.OrgUnitCode, StringComparer.Ordinal)
            .ThenBy(c => c.MeasureCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The fields that differ between two observations of the same measure.</summary>
    public static IReadOnlyList<string> ChangedFields(Observation a, Observation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var fields = new List<string>();
        Add(a.Value != b.Value, Value);
        Add(a.Numerator != b.Numerator, Numerator);
        Add(a.Denominator != b.Denominator, Denominator);
        Add(!string.Equals(a.SuppressionReason, b.SuppressionReason, StringComparison.Ordinal), Suppression);
        Add(!string.Equals(a.Commentary, b.Commentary, StringComparison.Ordinal), Commentary);
        Add(!string.Equals(a.DataQualityFlag, b.DataQualityFlag, StringComparison.Ordinal), DataQualityFlag);
        return fields;

        void Add(bool differs, string name)
        {
            if (differs)
            {
                fields.Add(name);
            }
        }
    }

    private static MeasureChange Change(Observation? old, Observation? now)
    {
        var any = now ?? old!;
        if (old is null)
        {
            return new MeasureChange(any.OrgUnitCode, any.MeasureCode, null, now, MeasureChangeKind.Added, []);
        }

        if (now is null)
        {
            return new MeasureChange(any.OrgUnitCode, any.MeasureCode, old, null, MeasureChangeKind.Removed, []);
        }

        var fields = ChangedFields(old, now);
        return new MeasureChange(now.OrgUnitCode, now.MeasureCode, old, now, fields.Count == 0 ? MeasureChangeKind.Unchanged : MeasureChangeKind.Changed, fields);
    }

    private static string Key(Observation o) => $"{o.OrgUnitCode}|{o.MeasureCode}|{o.Period.Type}|{o.Period.Start:yyyy-MM-dd}|{o.Period.End:yyyy-MM-dd}";
}
