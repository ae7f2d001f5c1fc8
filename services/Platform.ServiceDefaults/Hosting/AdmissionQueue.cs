namespace Platform.ServiceDefaults;

/// <summary>
/// A bounded number of slots and a bounded queue for them, with the two rules that keep the latency of the
/// calls that are served close to unloaded when arrivals outpace the service (as in Facebook's "Fail at
/// scale": controlled delay and adaptive LIFO):
/// <list type="bullet">
/// <item>a freed slot goes to the oldest waiter, but to the newest once the queue has not been empty for
/// <see cref="AdmissionOptions.LastInFirstOutAfterMilliseconds"/>: its caller is the one most likely to be
/// still waiting, and the served calls keep a short wait while the oldest ones give up;</item>
/// <item>a waiter gives up after <see cref="AdmissionOptions.MaxWaitMilliseconds"/> (a burst is absorbed), or
/// after only <see cref="AdmissionOptions.OverloadWaitMilliseconds"/> when it comes to a queue that has not
/// been empty for <see cref="AdmissionOptions.StandingQueueMilliseconds"/> (sustained overload is not queued).</item>
/// </list>
/// </summary>
public sealed class AdmissionQueue(AdmissionOptions options, TimeProvider time)
{
    private readonly int _maxWaiting = options.Waiting;
    private readonly TimeSpan _burstWait = TimeSpan.FromMilliseconds(options.MaxWaitMilliseconds);
    private readonly TimeSpan _overloadWait = TimeSpan.FromMilliseconds(Math.Min(options.OverloadWaitMilliseconds, options.MaxWaitMilliseconds));
    private readonly TimeSpan _standingAfter = TimeSpan.FromMilliseconds(options.StandingQueueMilliseconds);
    private readonly TimeSpan _lastInFirstOutAfter = TimeSpan.FromMilliseconds(options.LastInFirstOutAfterMilliseconds);

    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _waiters = new();
    private int _free = options.InFlight;
    /// <summary>When the queue last became non-empty (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    private long _queuedSince;

    /// <summary>True when a slot was taken (give it back with <see cref="Exit"/>); false when turned away.</summary>
    public ValueTask<bool> EnterAsync(CancellationToken cancellation)
    {
        LinkedListNode<TaskCompletionSource<bool>> node;
        TimeSpan wait;
        lock (_gate)
        {
            if (_free > 0)
            {
                _free--;
                return ValueTask.FromResult(true);
            }
            if (_waiters.Count >= _maxWaiting) return ValueTask.FromResult(false);
            if (_waiters.Count == 0) _queuedSince = time.GetTimestamp();
            wait = QueuedFor(_standingAfter) ? _overloadWait : _burstWait;
            if (wait <= TimeSpan.Zero) return ValueTask.FromResult(false);
            node = _waiters.AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        return WaitAsync(node, wait, cancellation);
    }

    private async ValueTask<bool> WaitAsync(LinkedListNode<TaskCompletionSource<bool>> node, TimeSpan wait, CancellationToken cancellation)
    {
        using var timeout = new CancellationTokenSource(wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellation);
        await using (linked.Token.Register(() => GiveUp(node)))
            return await node.Value.Task;
    }

    /// <summary>Whoever takes the node out of the queue settles it: a grant or this.</summary>
    private void GiveUp(LinkedListNode<TaskCompletionSource<bool>> node)
    {
        lock (_gate)
        {
            if (node.List is null) return;
            _waiters.Remove(node);
        }
        node.Value.TrySetResult(false);
    }

    public void Exit()
    {
        TaskCompletionSource<bool> next;
        lock (_gate)
        {
            if (_waiters.Count == 0)
            {
                _free++;
                return;
            }
            var node = QueuedFor(_lastInFirstOutAfter) ? _waiters.Last! : _waiters.First!;
            _waiters.Remove(node);
            next = node.Value;
        }
        next.TrySetResult(true);
    }

    /// <summary>Whether the queue has not been empty for <paramref name="span"/>.</summary>
    private bool QueuedFor(TimeSpan span) => _waiters.Count > 0 && time.GetElapsedTime(_queuedSince) >= span;
}
