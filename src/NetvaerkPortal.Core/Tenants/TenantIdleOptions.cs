using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace NetvaerkPortal.Tenants;

/// <summary><c>Portal:Tenants:IdleMinutes</c>: how long a tenant may go without a request before this process releases
/// what it holds for it (pooled database connections, search index writers and readers, caches). 0 keeps everything open.</summary>
public sealed record TenantIdleOptions(TimeSpan IdleFor)
{
    public const string Key = "Portal:Tenants:IdleMinutes";

    public const double DefaultMinutes = 10;

    public bool Enabled => IdleFor > TimeSpan.Zero;

    /// <summary>How often idle tenants are looked for: a tenth of the idle time, between a second and a minute.</summary>
    public TimeSpan CheckEvery => TimeSpan.FromTicks(Math.Clamp(IdleFor.Ticks / 10, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));

    /// <exception cref="InvalidOperationException">The value is not a number of minutes from 0 to a week.</exception>
    public static TenantIdleOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(TimeSpan.FromMinutes(DefaultMinutes));
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) || !double.IsFinite(minutes) || minutes < 0 || minutes > 7 * 24 * 60)
        {
            throw new InvalidOperationException(
                $"{Key} must be a number of minutes from 0 (never release) to 10080, with a point for decimals (e.g. 10 or 0.5), not '{text}'. Fix it in appsettings.json or the environment (Portal__Tenants__IdleMinutes).");
        }

        return new(TimeSpan.FromMinutes(minutes));
    }
}
