using Microsoft.Extensions.Time.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// The queue for request slots: a burst waits its turn in order; callers who each wait a moment never make
/// the queue stand; once it has stood a while a freed slot goes to the newest waiter, and once it has stood
/// longer newcomers wait only briefly; the queue's length is bounded; a caller who leaves gives its place up.
/// </summary>
public sealed class AdmissionQueueTests
{
    private static readonly TimeSpan Burst = TimeSpan.FromMilliseconds(3000);
    private static readonly TimeSpan LastInFirstOutAfter = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Standing = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StandingAfter = TimeSpan.FromMilliseconds(500);

    private readonly FakeTimeProvider _time = new();

    /// <summary>The outcome of a wait, or a failure (not a hang) when the queue never settles it.</summary>
    private static Task<bool> Outcome(Task<bool> wait) => wait.WaitAsync(TimeSpan.FromSeconds(10));

    private AdmissionQueue Queue(int slots = 1, int maxWaiting = 10) => new(new AdmissionOptions
    {
        MaxInFlight = slots,
        MaxWaiting = maxWaiting,
        MaxWaitMilliseconds = (int)Burst.TotalMilliseconds,
        TargetWaitMilliseconds = 10,
        LastInFirstOutAfterMilliseconds = (int)LastInFirstOutAfter.TotalMilliseconds,
        OverloadWaitMilliseconds = (int)Standing.TotalMilliseconds,
        StandingQueueMilliseconds = (int)StandingAfter.TotalMilliseconds,
    }, _time);

    [Fact]
    public async Task A_burst_waits_and_is_served_in_order()
    {
        var queue = Queue();
        Assert.True(await queue.EnterAsync(default));
        var first = queue.EnterAsync(default).AsTask();
        var second = queue.EnterAsync(default).AsTask();
        Assert.False(first.IsCompleted);

        queue.Exit();
        Assert.True(await Outcome(first));
        Assert.False(second.IsCompleted);
        queue.Exit();
        Assert.True(await Outcome(second));
    }

    [Fact]
    public async Task A_burst_waiter_is_turned_away_after_the_burst_wait()
    {
        var queue = Queue();
        Assert.True(await queue.EnterAsync(default));
        var waiting = queue.EnterAsync(default).AsTask();

        _time.Advance(Burst - TimeSpan.FromMilliseconds(1));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(await Outcome(waiting));
    }

    [Fact]
    public async Task Once_the_queue_has_stood_a_while_a_freed_slot_goes_to_the_newest_waiter()
    {
        var queue = Queue();
        Assert.True(await queue.EnterAsync(default));
        var old = queue.EnterAsync(default).AsTask();
        _time.Advance(LastInFirstOutAfter);

        var newest = queue.EnterAsync(default).AsTask();
        queue.Exit();
        Assert.True(await Outcome(newest));
        Assert.False(old.IsCompleted);
        queue.Exit();
        Assert.True(await Outcome(old));
    }

    [Fact]
    public async Task A_newcomer_to_a_queue_that_has_stood_long_waits_only_briefly()
    {
        var queue = Queue();
        Assert.True(await queue.EnterAsync(default));
        var old = queue.EnterAsync(default).AsTask();
        _time.Advance(StandingAfter - TimeSpan.FromMilliseconds(1));
        var burst = queue.EnterAsync(default).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var brief = queue.EnterAsync(default).AsTask();
        _time.Advance(Standing);
        Assert.False(await Outcome(brief));
        Assert.False(burst.IsCompleted);
        Assert.False(old.IsCompleted);
    }

    [Fact]
    public async Task Callers_who_each_wait_a_moment_never_make_the_queue_stand()
    {
        var queue = Queue();
        Assert.True(await queue.EnterAsync(default));
        var waiting = queue.EnterAsync(default).AsTask();
        for (var i = 0; i < 200; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(5));
            queue.Exit();
            Assert.True(await Outcome(waiting));
            waiting = queue.EnterAsync(default).AsTask();
        }

        _time.Advance(Standing + TimeSpan.FromMilliseconds(5));
        Assert.False(waiting.IsCompleted);
        queue.Exit();
        Assert.True(await Outcome(waiting));
    }

    [Fact]
    public async Task A_full_queue_turns_callers_away_at_once()
    {
        var queue = Queue(slots: 1, maxWaiting: 1);
        Assert.True(await queue.EnterAsync(default));
        var waiting = queue.EnterAsync(default).AsTask();

        Assert.False(await queue.EnterAsync(default));
        queue.Exit();
        Assert.True(await Outcome(waiting));
    }

    [Fact]
    public async Task A_caller_who_leaves_gives_up_its_place_and_no_slot_is_lost()
    {
        var queue = Queue();
        Assert.True(await queue.EnterAsync(default));
        using var leaving = new CancellationTokenSource();
        var left = queue.EnterAsync(leaving.Token).AsTask();
        var staying = queue.EnterAsync(default).AsTask();

        await leaving.CancelAsync();
        Assert.False(await Outcome(left));
        queue.Exit();
        Assert.True(await Outcome(staying));
        queue.Exit();
        Assert.True(await queue.EnterAsync(default));
    }
}
