using System.Globalization;
using Outcomes.Domain.Frameworks;
using Outcomes.Domain.OrgUnits;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Targets;
using Outcomes.Ingestion.Frameworks;
using Outcomes.Ingestion.Issues;
using Outcomes.Ingestion.Returns;

namespace Outcomes.Ingestion.Targets;

/// <summary>
/// Judges one targets row by the rules of targets.yaml (the same rule codes): a known org unit of the authority (or
/// "default") and measure; dates or periods in order and within a version that has the measure; a value that fits the
/// measure's domain (a percentage 0–100, a count, rate or sum of money not negative); a stretch beyond the target in the
/// good direction; tolerance, source and phasing spelled right, phasing only for an annual count or money of a measure
/// reported more often than yearly, a profile of 4 or 12 shares adding up to 100; a whole trajectory or none; judging on
/// the interval only for a measure with a CI method. Each problem names its cell.
/// </summary>
internal sealed class TargetRowJudge(string fileName, string? sheet, TargetSheetRow row, TargetSheetContext context, List<ImportIssue> issues)
{
    private readonly int _before = issues.Count;
    private string? _measureCode;

    public JudgedRow Judge()
    {
        var (unitCode, unit) = ReadUnit();
        var measure = ReadMeasure();
        var datesValid = TryDate(TargetColumn.From, atEnd: false, "target.from", out var from) & TryDate(TargetColumn.To, atEnd: true, "target.to", out var to);
        if (datesValid && from is { } f && to is { } t && t < f)
        {
            Add(TargetColumn.To, "target.dates.order", $"the target ends ({Iso(t)}) before it starts ({Iso(f)})");
            datesValid = false;
        }

        if (datesValid && measure is not null && !context.MeasureExistsWithin(measure.Code, from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue))
        {
            Add(TargetColumn.From, "target.dates.outside-measure",
                $"the target for {measure.Code} ({(from is null ? "any time" : Iso(from.Value))} to {(to is null ? "open-ended" : Iso(to.Value))}) falls outside every version of {context.Framework.Code} that has that measure");
        }

        var value = ReadValue(measure);
        var stretch = ReadStretch(measure, value);
        var (tolerance, toleranceKind) = ReadTolerance();
        var (source, setOn) = ReadSource();
        CheckReportingLevel(unit, measure);
        var (phasing, profile) = ReadPhasing(measure);
        var (baselineValue, baselineDate, targetDate) = ReadTrajectory(measure);
        var useInterval = ReadUseInterval(measure);
        var setBy = Text(TargetColumn.SetBy);

        var target = issues.Count > _before || measure is null || value is null
            ? null
            : new Target
            {
                FrameworkCode = context.Framework.Code,
                MeasureCode = measure.Code,
                OrgUnitCode = unit?.Code,
                From = from,
                To = to,
                Value = value.Value,
                Stretch = stretch,
                Tolerance = tolerance ?? 0m,
                ToleranceKind = toleranceKind,
                Source = source,
                SetOn = setOn,
                SetBy = setBy,
                Phasing = phasing,
                Profile = profile,
                BaselineValue = baselineValue,
                BaselineDate = baselineDate,
                TargetDate = targetDate,
                UseConfidenceInterval = useInterval,
            };
        return new JudgedRow(row, unitCode, measure?.Code, from, to, datesValid, target);
    }

    private (string? Code, OrgUnit? Unit) ReadUnit()
    {
        var code = Text(TargetColumn.OrgUnit);
        if (code is null)
        {
            Add(TargetColumn.OrgUnit, "target.org-unit.missing", $"say which org unit the target is for (a code such as {SomeUnitCode()}), or '{TargetSheetLayout.DefaultUnit}' for the framework's default");
            return (null, null);
        }

        if (string.Equals(code, TargetSheetLayout.DefaultUnit, StringComparison.OrdinalIgnoreCase))
        {
            return (TargetSheetLayout.DefaultUnit, null);
        }

        if (!context.TryUnit(code, out var unit))
        {
            Add(TargetColumn.OrgUnit, "target.org-unit.unknown", $"org unit '{code}' is not one of the units of {context.Framework.AuthorityCode}, the authority of {context.Framework.Code}");
            return (null, null);
        }

        return (unit.Code, unit);
    }

    private Measure? ReadMeasure()
    {
        var code = Text(TargetColumn.Measure);
        if (code is null)
        {
            Add(TargetColumn.Measure, "target.measure.missing", "the row has no measure code");
            return null;
        }

        _measureCode = code;
        if (context.Latest(code) is not { } measure)
        {
            Add(TargetColumn.Measure, "target.measure.unknown", $"no version of framework {context.Framework.Code} has a measure '{code}'");
            return null;
        }

        _measureCode = measure.Code;
        return measure;
    }

    private decimal? ReadValue(Measure? measure)
    {
        if (row[TargetColumn.Value].IsBlank)
        {
            Add(TargetColumn.Value, "target.value.missing", $"the target for {_measureCode ?? "this row"} has no value");
            return null;
        }

        if (!TryNumber(TargetColumn.Value, "target.value", "target", out var value) || value is not { } v)
        {
            return null;
        }

        return FitsDomain(TargetColumn.Value, "target", v, measure) ? v : null;
    }

    private decimal? ReadStretch(Measure? measure, decimal? value)
    {
        if (!TryNumber(TargetColumn.Stretch, "target.stretch", "stretch", out var stretch) || stretch is not { } s || !FitsDomain(TargetColumn.Stretch, "stretch", s, measure))
        {
            return null;
        }

        if (value is { } v && measure is not null
            && ((measure.Polarity == Polarity.HigherIsBetter && s < v) || (measure.Polarity == Polarity.LowerIsBetter && s > v)))
        {
            Add(TargetColumn.Stretch, "target.stretch.direction",
                $"the stretch {Num(s)} is not beyond the target {Num(v)} in the better direction for {measure.Code} ({(measure.Polarity == Polarity.HigherIsBetter ? "higher" : "lower")} is better)");
        }

        return s;
    }

    private (decimal? Tolerance, ToleranceKind Kind) ReadTolerance()
    {
        TryNumber(TargetColumn.Tolerance, "target.tolerance", "tolerance", out var tolerance);
        if (tolerance is < 0)
        {
            Add(TargetColumn.Tolerance, "target.tolerance", $"the tolerance {Num(tolerance.Value)} should be 0 or more");
        }

        var kind = Spelling(TargetColumn.ToleranceKind, Vocabulary.ToleranceKind, "target.tolerance-kind", "tolerance kind") ?? ToleranceKind.Absolute;
        if (kind == ToleranceKind.Relative && tolerance is > 100)
        {
            Add(TargetColumn.Tolerance, "target.tolerance.relative-range", $"a relative tolerance of {Num(tolerance.Value)}% is more than the whole target; it should be 0 to 100");
        }

        return (tolerance, kind);
    }

    private (TargetSource Source, DateOnly? SetOn) ReadSource()
    {
        var source = Spelling(TargetColumn.Source, Vocabulary.Source, "target.source", "source") ?? TargetSource.Local;
        TryDate(TargetColumn.SetOn, atEnd: false, "target.set-on", out var setOn);
        if (source == TargetSource.AdvisoryBoard && row[TargetColumn.SetOn].IsBlank)
        {
            Add(TargetColumn.Source, "target.advisory-board.set-on", "the target was set by an advisory board but the row does not say when (Set on)");
        }

        return (source, setOn);
    }

    private void CheckReportingLevel(OrgUnit? unit, Measure? measure)
    {
        if (unit is null || measure?.ReportedAt is null || !Enum.TryParse<OrgUnitType>(measure.ReportedAt, out var level) || Rank(unit.Type) <= Rank(level))
        {
            return;
        }

        Add(TargetColumn.OrgUnit, "target.org-unit.below-reported-at",
            $"the target for {measure.Code} is set on {unit.Code}, a {unit.Type}, but that measure is only reported at {measure.ReportedAt} level, so it could never be met or missed there");
    }

    private (TargetPhasing Phasing, PhasingProfile? Profile) ReadPhasing(Measure? measure)
    {
        var phasing = Spelling(TargetColumn.Phasing, Vocabulary.Phasing, "target.phasing", "phasing") ?? TargetPhasing.None;
        var profileText = Text(TargetColumn.Profile);
        if (phasing != TargetPhasing.None && measure is not null)
        {
            if (measure.Unit is not (MeasureUnit.Count or MeasureUnit.Currency))
            {
                Add(TargetColumn.Phasing, "target.phasing.unit",
                    $"the target for {measure.Code} is phased, but only a count or money is split between quarters; a {measure.Unit.ToString().ToLowerInvariant()} target applies in every quarter as it stands (leave Phasing blank)");
            }

            if (measure.Frequency == Frequency.Annual)
            {
                Add(TargetColumn.Phasing, "target.phasing.annual-measure", $"the target for {measure.Code} is phased, but the measure is reported once a year, so there are no quarters to phase into");
            }
        }

        if (phasing == TargetPhasing.Profile && profileText is null)
        {
            Add(TargetColumn.Phasing, "target.profile.missing", "the target is phased by profile but the Profile cell is empty (e.g. 20/25/25/30)");
            return (phasing, null);
        }

        if (profileText is null)
        {
            return (phasing, null);
        }

        if (phasing != TargetPhasing.Profile)
        {
            Add(TargetColumn.Profile, "target.profile.unused", "the row has a profile but its phasing is not 'profile'");
            return (phasing, null);
        }

        var parts = profileText.Split(['/', ',', ';'], StringSplitOptions.TrimEntries);
        var shares = parts.Select(p => decimal.TryParse(p.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null).ToList();
        if (shares.Any(s => s is null or < 0))
        {
            Add(TargetColumn.Profile, "target.profile.share", $"the profile '{profileText}' should be numbers, 0 or more, separated by '/' (e.g. 20/25/25/30)");
            return (phasing, null);
        }

        var ok = true;
        if (shares.Count is not (4 or 12))
        {
            Add(TargetColumn.Profile, "target.profile.count", $"the profile has {shares.Count} shares; it needs 4 (Q1–Q4, April first) or 12 (April–March)");
            ok = false;
        }

        if (shares.Sum() != 100m)
        {
            Add(TargetColumn.Profile, "target.profile.total", $"the profile adds up to {Num(shares.Sum()!.Value)}, not 100");
            ok = false;
        }

        return (phasing, ok ? new PhasingProfile(shares.Select(s => s!.Value)) : null);
    }

    private (decimal? Value, DateOnly? From, DateOnly? To) ReadTrajectory(Measure? measure)
    {
        TryNumber(TargetColumn.BaselineValue, "target.baseline-value", "baseline value", out var baseline);
        if (baseline is { } b)
        {
            FitsDomain(TargetColumn.BaselineValue, "baseline value", b, measure);
        }

        var datesOk = TryDate(TargetColumn.BaselineDate, atEnd: false, "target.baseline-date", out var from) & TryDate(TargetColumn.TargetDate, atEnd: true, "target.target-date", out var to);
        var written = new[] { TargetColumn.BaselineValue, TargetColumn.BaselineDate, TargetColumn.TargetDate }.Where(c => !row[c].IsBlank).ToList();
        if (written.Count is > 0 and < 3)
        {
            var missing = new[] { TargetColumn.BaselineValue, TargetColumn.BaselineDate, TargetColumn.TargetDate }.Except(written).Select(c => TargetSheetLayout.Spec(c).Header);
            Add(written[0], "target.trajectory.incomplete",
                $"the row has part of a trajectory; it needs all of Baseline value, Baseline date and Target date (missing: {string.Join(", ", missing)})");
        }

        if (datesOk && from is { } f && to is { } t && t <= f)
        {
            Add(TargetColumn.TargetDate, "target.trajectory.dates-order", $"the target date {Iso(t)} is not after the baseline date {Iso(f)}");
        }

        return (baseline, from, to);
    }

    private bool ReadUseInterval(Measure? measure)
    {
        var cell = row[TargetColumn.UseConfidenceInterval];
        if (cell.IsBlank)
        {
            return false;
        }

        if (!Vocabulary.TryBool(cell.Text, out var use))
        {
            Add(TargetColumn.UseConfidenceInterval, "target.use-confidence-interval", $"'{cell.Text.Trim()}' should be yes or no");
            return false;
        }

        if (use && measure is not null && measure.CiMethod == ConfidenceIntervalMethod.None)
        {
            Add(TargetColumn.UseConfidenceInterval, "target.use-confidence-interval.no-method",
                $"the target for {measure.Code} is to be judged on the confidence interval, but the measure has no confidence-interval method");
        }

        return use;
    }

    /// <summary>A percentage is 0 to 100; a count, rate or sum of money is not negative; a score may be anything.</summary>
    private bool FitsDomain(TargetColumn column, string what, decimal value, Measure? measure)
    {
        switch (measure?.Unit)
        {
            case MeasureUnit.Percentage when value is < 0 or > 100:
                Add(column, "target.percentage.range", $"the {what} for {measure.Code} is {Num(value)}, but a percentage must be between 0 and 100");
                return false;
            case MeasureUnit.Count or MeasureUnit.Rate or MeasureUnit.Currency when value < 0:
                Add(column, "target.value.domain", $"the {what} for {measure.Code} is {Num(value)}, but a {measure.Unit.ToString().ToLowerInvariant()} cannot be negative");
                return false;
            default:
                return true;
        }
    }

    private bool TryNumber(TargetColumn column, string rule, string what, out decimal? value)
    {
        value = null;
        var cell = row[column];
        if (cell.IsBlank)
        {
            return true;
        }

        if (cell.Kind == RawCellKind.Number && cell.Number is { } n)
        {
            value = (decimal)n * (cell.HasPercentFormat ? 100m : 1m);
            value = Math.Round(value.Value, 10);
            return true;
        }

        var text = cell.Text.Trim();
        var percent = text.EndsWith('%');
        if (cell.Kind == RawCellKind.Text
            && decimal.TryParse(percent ? text[..^1].Trim() : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        Add(column, rule, $"the {what} '{text}' is not a number");
        return false;
    }

    /// <summary>A date (a date cell, or yyyy-mm-dd) or a period (2018-19, 2018-19 Q2): its first day, or with <paramref name="atEnd"/> its last.</summary>
    private bool TryDate(TargetColumn column, bool atEnd, string rule, out DateOnly? date)
    {
        date = null;
        var cell = row[column];
        if (cell.IsBlank)
        {
            return true;
        }

        var text = cell.Text.Trim();
        if (cell.Kind == RawCellKind.Date && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        if (cell.Kind == RawCellKind.Text && PeriodParser.TryParse(text, out var period, out _))
        {
            date = atEnd ? period.End : period.Start;
            return true;
        }

        Add(column, rule, $"{TargetSheetLayout.Spec(column).Header} '{text}' is not a date (yyyy-mm-dd) or a period such as 2018-19 or 2018-19 Q2");
        return false;
    }

    private T? Spelling<T>(TargetColumn column, Spellings<T> spellings, string rule, string what)
        where T : struct, Enum
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (spellings.TryParse(text, out var value))
        {
            return value;
        }

        Add(column, rule, $"the {what} '{text}' is not one of {spellings.OneOf}");
        return null;
    }

    private string? Text(TargetColumn column) => row[column] is { IsBlank: false } cell ? cell.Text.Trim() : null;

    private void Add(TargetColumn column, string rule, string message)
    {
        var cell = row[column];
        issues.Add(ImportIssue.At(fileName, sheet, cell.Address.Length == 0 ? null : cell.Address, row.Row, _measureCode, rule, IssueSeverity.Error, message));
    }

    private string SomeUnitCode() => context.Units.OrderBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault()?.Code ?? "the authority's code";

    private static int Rank(OrgUnitType type) => type switch
    {
        OrgUnitType.Authority => 0,
        OrgUnitType.Cluster or OrgUnitType.District or OrgUnitType.Locality => 1,
        OrgUnitType.Centre or OrgUnitType.FamilyHub => 2,
        _ => 3,
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(decimal d) => d.ToString("0.##########", CultureInfo.InvariantCulture);
}
