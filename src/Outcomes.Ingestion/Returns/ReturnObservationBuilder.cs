using Outcomes.Domain.Observations;

namespace Outcomes.Ingestion.Returns;

/// <summary>
/// Turns parsed lines into observations: the first row for each measure due, skipping rows with an unreadable cell
/// and rows with nothing in them. A suppression code gives no value and its reason (never zero). A ratio measure
/// with Value blank but numerator and denominator given gets its value calculated (official rounding).
/// </summary>
public static class ReturnObservationBuilder
{
    public static IReadOnlyList<Observation> Build(ReturnSubmission submission)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var observations = new List<Observation>();
        foreach (var line in submission.Lines)
        {
            if (line.Measure is not { } m || !line.IsDue || !seen.Add(m.Code) || line.HasInvalidCell || !line.IsAnswered)
            {
                continue;
            }

            var suppressed = line.Value.Kind == ParsedKind.Suppressed;
            observations.Add(new Observation
            {
                OrgUnitCode = submission.OrgUnitCode,
                Period = submission.Period,
                MeasureCode = m.Code,
                Value = suppressed ? null : line.EffectiveValue,
                SuppressionReason = suppressed ? line.Value.SuppressionCode : null,
                Numerator = m.HasRatio ? line.Numerator.Number : null,
                Denominator = m.HasRatio ? line.Denominator.Number : null,
                Commentary = line.Commentary,
                DataQualityFlag = line.DataQualityFlag?.ToLowerInvariant(),
            });
        }

        return observations;
    }
}
