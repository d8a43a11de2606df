using Outcomes.Domain.Frameworks;
using Outcomes.Domain.Numbers;
using Outcomes.Domain.Observations;
using Outcomes.Domain.Periods;

namespace Outcomes.Scoring.Engine;

/// <summary>
/// One org unit × measure × period type over the engine's period axis, in period order: what the series pass hands to
/// each per-series statistic (SPC limits over the values, a recent trend, a funnel position from the denominators).
/// <see cref="Values"/>, <see cref="Numerators"/> and <see cref="Denominators"/> are filled on first use and hold
/// <see cref="double.NaN"/> where there is nothing usable (no return, suppressed, or no numerator/denominator).
/// One view is reused per worker thread, so it is valid only inside the pass that hands it out: copy what you keep.
/// </summary>
internal sealed class SeriesView
{
    private double[] _values = [];
    private double[] _numerators = [];
    private double[] _denominators = [];
    private decimal[] _printed = [];
    private Observation?[] _slots = [];
    private Observation?[] _none = [];
    private int _start;
    private bool _valuesFilled;
    private bool _partsFilled;
    private bool _printedFilled;

    public string OrgUnitCode { get; private set; } = string.Empty;

    public Measure Measure { get; private set; } = null!;

    public PeriodAxis Axis { get; private set; } = null!;

    /// <summary>The axis' periods; index i of every span below is <c>Periods[i]</c>.</summary>
    public ReadOnlySpan<Period> Periods => Axis.Periods;

    public int Count => Axis.Count;

    /// <summary>The effective observation (returned, else rolled up) in each period, or null.</summary>
    public ReadOnlySpan<Observation?> Observations => _slots.AsSpan(_start, Count);

    /// <summary>The value in each period where there is one and it is not suppressed (as scored); NaN otherwise.</summary>
    public ReadOnlySpan<double> Values
    {
        get
        {
            if (!_valuesFilled)
            {
                var observations = Observations;
                for (var i = 0; i < observations.Length; i++)
                {
                    _values[i] = observations[i] is { HasValue: true } o ? (double)o.Value!.Value : double.NaN;
                }

                _valuesFilled = true;
            }

            return _values.AsSpan(0, Count);
        }
    }

    /// <summary>Whether <see cref="Printed"/> can be worked out: the measure's decimals are 0 to 28.</summary>
    public bool Printable => Measure.Decimals is >= 0 and <= 28;

    /// <summary>
    /// Each value (suppressed or not) rounded to the measure's decimals with <see cref="OfficialRounding.Round"/>, as it is
    /// printed and compared; meaningful only where the observation has a value and <see cref="Printable"/> holds.
    /// </summary>
    public ReadOnlySpan<decimal> Printed
    {
        get
        {
            if (!_printedFilled)
            {
                var observations = Observations;
                for (var i = 0; i < observations.Length; i++)
                {
                    _printed[i] = observations[i]?.Value is { } v ? OfficialRounding.Round(v, Measure.Decimals) : 0m;
                }

                _printedFilled = true;
            }

            return _printed.AsSpan(0, Count);
        }
    }

    public ReadOnlySpan<double> Numerators
    {
        get
        {
            FillParts();
            return _numerators.AsSpan(0, Count);
        }
    }

    public ReadOnlySpan<double> Denominators
    {
        get
        {
            FillParts();
            return _denominators.AsSpan(0, Count);
        }
    }

    /// <summary>Points the view at another series (null slots: the unit has nothing for the measure); arrays are reused.</summary>
    internal void Reset(string orgUnitCode, Measure measure, PeriodAxis axis, Observation?[]? slots, int start)
    {
        if (slots is null && _none.Length < axis.Count)
        {
            _none = new Observation?[axis.Count];
        }

        (OrgUnitCode, Measure, Axis, _slots, _start) = (orgUnitCode, measure, axis, slots ?? _none, slots is null ? 0 : start);
        _valuesFilled = _partsFilled = _printedFilled = false;
        if (_values.Length < axis.Count)
        {
            var size = Math.Max(axis.Count, _values.Length * 2);
            (_values, _numerators, _denominators, _printed) = (new double[size], new double[size], new double[size], new decimal[size]);
        }
    }

    /// <summary>Lets go of the engine's arrays (a spare worker must not keep a finished engine's observations alive).</summary>
    internal void Release()
    {
        (_slots, _none, _start) = ([], [], 0);
        (OrgUnitCode, Measure, Axis) = (string.Empty, null!, null!);
    }

    private void FillParts()
    {
        if (_partsFilled)
        {
            return;
        }

        var observations = Observations;
        for (var i = 0; i < observations.Length; i++)
        {
            var o = observations[i];
            _numerators[i] = o?.Numerator is { } n ? (double)n : double.NaN;
            _denominators[i] = o?.Denominator is { } d ? (double)d : double.NaN;
        }

        _partsFilled = true;
    }
}
