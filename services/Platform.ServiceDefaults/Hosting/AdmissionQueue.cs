namespace Platform.ServiceDefaults;

/// <summary>
/// A bounded number of slots and a bounded queue for them, with the rules that keep the latency of the calls
/// served close to unloaded when arrivals outpace the service (controlled delay and adaptive LIFO, as in
/// Facebook's "Fail at scale"). The queue <em>stands</em> while its oldest waiter has been waiting longer
/// than <see cref="AdmissionOptions.TargetWaitMilliseconds"/> without a break: a queue that does not drain,
/// unlike a burst or many callers each waiting a moment for their turn.
/// <list type="bullet">
/// <item>a freed slot goes to the oldest waiter, but to the newest once the queue has stood for
/// <see cref="AdmissionOptions.LastInFirstOutAfterMilliseconds"/>: its caller is the one most likely to be
/// still waiting, and the served calls keep a short wait while the oldest ones give up;</item>
/// <item>a waiter gives up after <see cref="AdmissionOptions.MaxWaitMilliseconds"/> (a burst is absorbed), or
/// after only <see cref="AdmissionOptions.OverloadWaitMilliseconds"/> when it comes to a queue that has stood
/// for <see cref="AdmissionOptions.StandingQueueMilliseconds"/> (sustained overload is not queued).</item>
/// </list>
/// </summary>
public sealed class AdmissionQueue(AdmissionOptions options, TimeProvider time)
{
    private readonly int _maxWaiting = options.Waiting;
    private readonly TimeSpan _target = TimeSpan.FromMilliseconds(options.TargetWaitMilliseconds);
    private readonly TimeSpan _burstWait = TimeSpan.FromMilliseconds(options.MaxWaitMilliseconds);
    private readonly TimeSpan _overloadWait = TimeSpan.FromMilliseconds(Math.Min(options.OverloadWaitMilliseconds, options.MaxWaitMilliseconds));
    private readonly TimeSpan _standingAfter = TimeSpan.FromMilliseconds(options.StandingQueueMilliseconds);
    private readonly TimeSpan _lastInFirstOutAfter = TimeSpan.FromMilliseconds(options.LastInFirstOutAfterMilliseconds);

    private sealed record Waiter(long Since)
    {
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private int _free = options.InFlight;
    /// <summary>When the queue was last empty or its oldest waiter within the target (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    private long _drainingAt = time.GetTimestamp();

    /// <summary>True when a slot was taken (give it back with <see cref="Exit"/>); false when turned away.</summary>
    public ValueTask<bool> EnterAsync(CancellationToken cancellation)
    {
        LinkedListNode<Waiter> node;
        TimeSpan wait;
        lock (_gate)
        {
            if (_free > 0)
            {
                _free--;
                return ValueTask.FromResult(true);
            }
            if (_waiters.Count >= _maxWaiting) return ValueTask.FromResult(false);
            var now = time.GetTimestamp();
            wait = StoodFor(now) >= _standingAfter ? _overloadWait : _burstWait;
            if (wait <= TimeSpan.Zero) return ValueTask.FromResult(false);
            node = _waiters.AddLast(new Waiter(now));
        }
        return WaitAsync(node, wait, cancellation);
    }

    private async ValueTask<bool> WaitAsync(LinkedListNode<Waiter> node, TimeSpan wait, CancellationToken cancellation)
    {
        using var timeout = time.CreateTimer(GiveUp, node, wait, Timeout.InfiniteTimeSpan);
        using var left = cancellation.UnsafeRegister(GiveUp, node);
        return await node.Value.Outcome.Task;
    }

    private void GiveUp(object? node) => GiveUp((LinkedListNode<Waiter>)node!);

    /// <summary>Whoever takes the node out of the queue settles it: a grant or this.</summary>
    private void GiveUp(LinkedListNode<Waiter> node)
    {
        lock (_gate)
        {
            if (node.List is null) return;
            _waiters.Remove(node);
        }
        node.Value.Outcome.TrySetResult(false);
    }

    public void Exit()
    {
        Waiter next;
        lock (_gate)
        {
            if (_waiters.Count == 0)
            {
                _free++;
                return;
            }
            var node = StoodFor(time.GetTimestamp()) >= _lastInFirstOutAfter ? _waiters.Last! : _waiters.First!;
            _waiters.Remove(node);
            next = node.Value;
        }
        next.Outcome.TrySetResult(true);
    }

    /// <summary>How long the queue has stood at <paramref name="now"/> (zero while it drains); under the lock.</summary>
    private TimeSpan StoodFor(long now)
    {
        if (_waiters.First is not { } oldest || time.GetElapsedTime(oldest.Value.Since, now) < _target) _drainingAt = now;
        return time.GetElapsedTime(_drainingAt, now);
    }
}
