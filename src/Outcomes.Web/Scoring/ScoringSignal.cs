namespace Outcomes.Web.Scoring;

/// <summary>Wakes the background scorer when this server records a request, instead of waiting for its next poll.</summary>
public sealed class ScoringSignal : IDisposable
{
    private readonly SemaphoreSlim _raised = new(0, 1);

    public void Raise()
    {
        try
        {
            _raised.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised: the scorer will look once for all of them.
        }
    }

    /// <summary>Waits until raised or until <paramref name="timeout"/> passes (the poll).</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _raised.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _raised.Dispose();
}
