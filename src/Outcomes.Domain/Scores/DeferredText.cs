namespace Outcomes.Domain.Scores;

/// <summary>
/// A sentence that is written the first time it is read. Scoring a national data set gives millions of SPC and
/// recent-trend readings whose sentences no page or pack ever shows; keeping the few facts a sentence needs, and
/// wording it on demand, saves writing (and collecting) millions of strings. Two texts are equal when their words are.
/// </summary>
public abstract class DeferredText : IEquatable<DeferredText>
{
    private string? _text;

    protected DeferredText()
    {
    }

    private DeferredText(string text)
    {
        _text = text;
    }

    /// <summary>The sentence; written on the first read and kept (a race between readers writes the same words twice).</summary>
    public string Text => _text ??= Write();

    /// <summary>Text that is already written.</summary>
    public static DeferredText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Written(text);
    }

    public bool Equals(DeferredText? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is DeferredText other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;

    /// <summary>Words the sentence from the facts the subclass kept.</summary>
    protected abstract string Write();

    private sealed class Written(string text) : DeferredText(text)
    {
        protected override string Write() => Text;
    }
}
