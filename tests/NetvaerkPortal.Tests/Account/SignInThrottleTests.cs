using System.Net;
using Microsoft.Extensions.Options;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Tests.Account;

/// <summary>The growing delays themselves, on a clock the test moves.</summary>
public sealed class SignInThrottleTests
{
    private static readonly IPAddress Here = IPAddress.Parse("192.0.2.10");
    private static readonly IPAddress There = IPAddress.Parse("198.51.100.7");

    private readonly ManualClock _clock = new();

    [Fact]
    public void Delays_start_after_the_free_failures_double_and_stop_at_the_maximum()
    {
        var throttle = Throttle(free: 2, freeAddress: 100, first: 10, max: 40);

        throttle.Failed("Alfa", Here, "mette");
        Assert.Null(throttle.RetryAfter("Alfa", Here, "mette"));
        throttle.Failed("Alfa", Here, "mette");
        Assert.Equal(TimeSpan.FromSeconds(10), throttle.RetryAfter("Alfa", Here, "mette"));

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(throttle.RetryAfter("Alfa", Here, "mette"));
        throttle.Failed("Alfa", Here, "mette");
        Assert.Equal(TimeSpan.FromSeconds(20), throttle.RetryAfter("Alfa", Here, "mette"));
        throttle.Failed("Alfa", Here, "mette");
        Assert.Equal(TimeSpan.FromSeconds(40), throttle.RetryAfter("Alfa", Here, "mette"));
        throttle.Failed("Alfa", Here, "mette");
        Assert.Equal(TimeSpan.FromSeconds(40), throttle.RetryAfter("Alfa", Here, "mette"));
    }

    [Fact]
    public void Guessing_one_account_from_one_address_never_slows_the_account_from_another_or_another_tenant()
    {
        var throttle = Throttle(free: 2, freeAddress: 100, first: 60, max: 600);
        for (var i = 0; i < 10; i++)
        {
            throttle.Failed("Alfa", Here, "mette");
        }

        Assert.NotNull(throttle.RetryAfter("Alfa", Here, "METTE "));
        Assert.Null(throttle.RetryAfter("Alfa", There, "mette"));
        Assert.Null(throttle.RetryAfter("Beta", Here, "mette"));
        Assert.Null(throttle.RetryAfter("Alfa", Here, "ole"));
    }

    [Fact]
    public void Many_account_names_from_one_address_slow_that_address_down()
    {
        var throttle = Throttle(free: 5, freeAddress: 3, first: 60, max: 600);
        foreach (var name in new[] { "a", "b", "c" })
        {
            throttle.Failed("Alfa", Here, name);
        }

        Assert.NotNull(throttle.RetryAfter("Alfa", Here, "d"));
        Assert.Null(throttle.RetryAfter("Alfa", There, "d"));
    }

    [Fact]
    public void The_right_password_ends_the_accounts_streak_and_a_long_quiet_spell_forgets_it()
    {
        var throttle = Throttle(free: 1, freeAddress: 100, first: 60, max: 100);
        throttle.Failed("Alfa", Here, "mette");
        Assert.NotNull(throttle.RetryAfter("Alfa", Here, "mette"));
        throttle.Succeeded("Alfa", Here, "mette");
        Assert.Null(throttle.RetryAfter("Alfa", Here, "mette"));

        throttle.Failed("Alfa", Here, "ole");
        throttle.Failed("Alfa", Here, "ole");
        _clock.Advance(TimeSpan.FromSeconds(201));
        throttle.Failed("Alfa", Here, "ole");
        Assert.Equal(TimeSpan.FromSeconds(60), throttle.RetryAfter("Alfa", Here, "ole"));
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff::9", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:192.0.2.10", "192.0.2.10", true)]
    [InlineData("192.0.2.10", "192.0.2.11", false)]
    public void An_IPv6_client_counts_by_its_64_bit_prefix(string first, string second, bool same)
    {
        Assert.Equal(same, SignInThrottle.ClientKey(IPAddress.Parse(first)) == SignInThrottle.ClientKey(IPAddress.Parse(second)));
    }

    private SignInThrottle Throttle(int free, int freeAddress, int first, int max) =>
        new(new FixedOptions(new SignInThrottleOptions { FreeFailures = free, FreeAddressFailures = freeAddress, FirstDelaySeconds = first, MaxDelaySeconds = max }), _clock);

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class FixedOptions(SignInThrottleOptions value) : IOptionsMonitor<SignInThrottleOptions>
    {
        public SignInThrottleOptions CurrentValue => value;

        public SignInThrottleOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SignInThrottleOptions, string?> listener) => null;
    }
}
