namespace Outcomes.Cli.Analysis;

/// <summary>A CSV that <c>outcomes analyse</c> cannot read; the message names the file, row and column.</summary>
public sealed class AnalyseInputException : Exception
{
    /// <summary>Creates the exception with the whole message.</summary>
    public AnalyseInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a message (for serialisers; prefer the message overload).</summary>
    public AnalyseInputException()
    {
    }

    /// <summary>Creates the exception with a message and the error beneath it.</summary>
    public AnalyseInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
