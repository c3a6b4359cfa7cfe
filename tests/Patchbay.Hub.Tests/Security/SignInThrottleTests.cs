using Microsoft.Extensions.Time.Testing;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Tests.Security;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_name_locks_after_the_fifth_failure_within_the_window_and_unlocks_after_a_minute()
    {
        var throttle = new SignInThrottle(_time);

        FailTimes(throttle, "alice", SignInThrottle.MaxFailures - 1);
        throttle.IsLocked("alice").ShouldBeFalse();
        throttle.Failed("alice");

        throttle.IsLocked("alice").ShouldBeTrue();
        throttle.IsLocked("bob").ShouldBeFalse();
        _time.Advance(SignInThrottle.LockFor);
        throttle.IsLocked("alice").ShouldBeFalse();
    }

    [Fact]
    public void Failures_spread_wider_than_the_window_never_lock()
    {
        var throttle = new SignInThrottle(_time);

        for (var i = 0; i < SignInThrottle.MaxFailures * 2; i++)
        {
            throttle.Failed("alice");
            _time.Advance(SignInThrottle.Window + TimeSpan.FromSeconds(1));
        }

        throttle.IsLocked("alice").ShouldBeFalse();
    }

    [Fact]
    public void Guessing_many_names_keeps_the_table_bounded_and_a_locked_name_locked()
    {
        var throttle = new SignInThrottle(_time);
        FailTimes(throttle, "victim", SignInThrottle.MaxFailures);

        for (var i = 0; i < SignInThrottle.MaxTrackedNames * 3; i++)
        {
            throttle.Failed($"guess-{i}");
        }

        throttle.TrackedNames.ShouldBeLessThanOrEqualTo(SignInThrottle.MaxTrackedNames);
        throttle.IsLocked("victim").ShouldBeTrue();
    }

    private static void FailTimes(SignInThrottle throttle, string name, int times)
    {
        for (var i = 0; i < times; i++)
        {
            throttle.Failed(name);
        }
    }
}
