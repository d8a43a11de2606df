using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Outcomes.Web.Packs;

/// <summary>
/// The ids of pack jobs waiting for a free slot, in a bounded channel (Outcomes:Packs:QueueCapacity). The job itself is
/// in the store; the channel only says which to make next, so a restart loses nothing (see <see cref="PackWorker"/>).
/// </summary>
public sealed class PackQueue(IOptions<PackOptions> options)
{
    private readonly Channel<long> _channel = Channel.CreateBounded<long>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    public int Capacity { get; } = options.Value.QueueCapacity;

    /// <summary>Adds a job now; false when the queue is full.</summary>
    public bool TryEnqueue(long jobId) => _channel.Writer.TryWrite(jobId);

    /// <summary>Adds a job, waiting for room (used at start-up for the jobs left queued by the last run).</summary>
    public ValueTask EnqueueAsync(long jobId, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(jobId, cancellationToken);

    public IAsyncEnumerable<long> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
