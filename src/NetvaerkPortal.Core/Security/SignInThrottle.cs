using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace NetvaerkPortal.Security;

/// <summary>Growing delays after wrong passwords, counted per account name from one client address and per
/// address. Never per account name alone: then anyone could keep a member out by guessing wrong on purpose.
/// Whether the account exists plays no part, so the delays tell nobody which accounts are real.</summary>
/// <remarks>In memory, per web node: a restart forgets, and each node counts on its own.</remarks>
public sealed class SignInThrottle(IOptionsMonitor<SignInThrottleOptions> options, TimeProvider clock)
{
    /// <summary>The rate-limiter policy (per address) on the sign-in page.</summary>
    public const string PolicyName = "sign-in";

    /// <summary>HttpContext.Items key the rate limiter leaves its wait under, for the page to answer 429 with.</summary>
    public const string RejectedItem = "netvaerk:sign-in-retry-after";

    private const int MaxAccountLength = 256;
    private const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<string, Streak> _streaks = new(StringComparer.Ordinal);
    private int _failuresSinceSweep;

    /// <summary>How long this client must wait before trying this account name again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string tenant, IPAddress? address, string account)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var byAccount = Wait(AccountKey(tenant, address, account), settings.FreeFailures, settings, now);
        var byAddress = Wait(AddressKey(tenant, address), settings.FreeAddressFailures, settings, now);
        return (byAccount ?? TimeSpan.Zero) >= (byAddress ?? TimeSpan.Zero) ? byAccount : byAddress;
    }

    public void Failed(string tenant, IPAddress? address, string account)
    {
        var now = clock.GetUtcNow();
        Count(AccountKey(tenant, address, account), now);
        Count(AddressKey(tenant, address), now);
        if (Interlocked.Increment(ref _failuresSinceSweep) % SweepEvery == 0)
        {
            Sweep(now);
        }
    }

    /// <summary>The right password ends this account's streak from this address (not the address's own).</summary>
    public void Succeeded(string tenant, IPAddress? address, string account) =>
        _streaks.TryRemove(AccountKey(tenant, address, account), out _);

    /// <summary>The client's address as the throttle counts it: an IPv6 client by its /64, which one subscriber
    /// usually holds whole, so that rotating through it buys nothing.</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "-";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static string AddressKey(string tenant, IPAddress? address) => tenant + "\n" + ClientKey(address);

    private static string AccountKey(string tenant, IPAddress? address, string account)
    {
        var name = account.Trim();
        return AddressKey(tenant, address) + "\n" + (name.Length > MaxAccountLength ? name[..MaxAccountLength] : name).ToUpperInvariant();
    }

    private TimeSpan? Wait(string key, int free, SignInThrottleOptions settings, DateTimeOffset now)
    {
        if (!_streaks.TryGetValue(key, out var streak))
        {
            return null;
        }

        lock (streak)
        {
            if (streak.Failures < free)
            {
                return null;
            }

            var doublings = Math.Min(streak.Failures - free, 30);
            var delay = TimeSpan.FromSeconds(Math.Min(settings.FirstDelaySeconds * Math.Pow(2, doublings), settings.MaxDelaySeconds));
            var ready = streak.Last + delay;
            return ready > now ? ready - now : null;
        }
    }

    private void Count(string key, DateTimeOffset now)
    {
        var streak = _streaks.GetOrAdd(key, _ => new Streak());
        lock (streak)
        {
            // A streak is forgotten after a long quiet spell; someone guessing at the slowest pace never gets there.
            if (now - streak.Last > ForgetAfter)
            {
                streak.Failures = 0;
            }

            streak.Failures++;
            streak.Last = now;
        }
    }

    private TimeSpan ForgetAfter => TimeSpan.FromSeconds(2.0 * options.CurrentValue.MaxDelaySeconds);

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, streak) in _streaks)
        {
            if (now - streak.Last > ForgetAfter)
            {
                _streaks.TryRemove(key, out _);
            }
        }
    }

    private sealed class Streak
    {
        public int Failures;
        public DateTimeOffset Last;
    }
}
