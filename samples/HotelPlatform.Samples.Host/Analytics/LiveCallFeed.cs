using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace HotelPlatform.Samples.Host.Analytics;

/// <summary>What the live view shows of one replayed call.</summary>
internal sealed record LiveCall(string ConversationId, string HotelId, DateTimeOffset StartedAt, string Outcome, decimal? Amount, string? Currency, int Turns);

/// <summary>
/// Hands every call the host replays to the dashboards watching (server-sent events) the moment its events are stored;
/// a new watcher first gets the last <see cref="Recent"/> calls.
/// </summary>
internal sealed class LiveCallFeed
{
    public const int Recent = 20;

    private readonly Lock _gate = new();
    private readonly LinkedList<LiveCall> _recent = new();
    private readonly List<Channel<LiveCall>> _watchers = [];

    public void Publish(LiveCall call)
    {
        lock (_gate)
        {
            _recent.AddLast(call);
            if (_recent.Count > Recent)
            {
                _recent.RemoveFirst();
            }

            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(call);
            }
        }
    }

    public async IAsyncEnumerable<LiveCall> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Bounded so a stalled browser cannot grow the host's memory: it loses the oldest calls, not the newest.
        var channel = Channel.CreateBounded<LiveCall>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        LiveCall[] backlog;
        lock (_gate)
        {
            backlog = [.. _recent];
            _watchers.Add(channel);
        }

        try
        {
            foreach (var call in backlog)
            {
                yield return call;
            }

            await foreach (var call in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return call;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }
}
