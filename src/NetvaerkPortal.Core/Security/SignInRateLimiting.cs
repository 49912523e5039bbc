using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Security;

/// <summary>Sign-in throttling: ASP.NET Core's rate limiter caps sign-in posts per client address (the policy
/// <see cref="SignInThrottle.PolicyName"/>, on the login page), and <see cref="SignInThrottle"/> adds growing
/// delays after wrong passwords. Both answer 429 with Retry-After; failed sign-ins never lock an account.</summary>
public static class SignInRateLimiting
{
    public static IServiceCollection AddSignInThrottling(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy<string, AddressPolicy>(SignInThrottle.PolicyName);
        });
        return services;
    }

    /// <summary>Sets 429 and Retry-After (whole seconds, at least 1).</summary>
    public static void TooManyRequests(HttpResponse response, TimeSpan retryAfter)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private sealed class AddressPolicy(IOptionsMonitor<SignInThrottleOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            if (!HttpMethods.IsPost(httpContext.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            var settings = options.CurrentValue;
            var tenant = httpContext.RequestServices.GetRequiredService<TenantContext>().Name;
            return RateLimitPartition.GetFixedWindowLimiter(tenant + "\n" + SignInThrottle.ClientKey(httpContext.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.AddressPermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, settings.AddressWindowSeconds)),
                QueueLimit = 0,
            });
        }

        /// <summary>The login page answers for the limiter, with its form and a message in the reader's language;
        /// it sees the wait in HttpContext.Items and checks no password.</summary>
        private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? retryAfter
                : TimeSpan.FromSeconds(options.CurrentValue.AddressWindowSeconds);
            var http = context.HttpContext;
            TooManyRequests(http.Response, wait);
            http.Items[SignInThrottle.RejectedItem] = wait;
            if (http.GetEndpoint()?.RequestDelegate is { } page)
            {
                await page(http);
            }
        }
    }
}
