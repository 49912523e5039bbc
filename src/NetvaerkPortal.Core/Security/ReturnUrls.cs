using Microsoft.AspNetCore.Http;

namespace NetvaerkPortal.Security;

/// <summary>The one rule for where a <c>returnUrl</c> may send a browser: a path on this site, inside the
/// current tenant. Every redirect to a URL that came from a request goes through <see cref="Local"/>.</summary>
/// <remarks>Url.IsLocalUrl's rules, plus what browsers do to a Location header: they drop tabs and line
/// breaks (<c>/\t/evil</c> becomes <c>//evil</c>), read <c>\</c> as <c>/</c>, and a proxy or a second hop may
/// decode <c>%5C</c>, <c>%2F</c>, <c>%09</c> once more. So the URL must pass as given and after each decoding.</remarks>
public static class ReturnUrls
{
    private const int MaxLength = 2048;
    private const int MaxDecodings = 3;

    /// <summary><paramref name="url"/> when it is a safe path under <paramref name="pathBase"/>, otherwise null.</summary>
    public static string? Local(string? url, PathString pathBase)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || !IsSitePath(url) || !InsideTenant(url, pathBase))
        {
            return null;
        }

        var decoded = url;
        for (var i = 0; i < MaxDecodings && decoded.Contains('%', StringComparison.Ordinal); i++)
        {
            decoded = Uri.UnescapeDataString(decoded);
            if (!IsSitePath(decoded))
            {
                return null;
            }
        }

        return url;
    }

    /// <summary>Starts with one slash, never two (or a slash and a backslash), and holds no control character
    /// or backslash anywhere.</summary>
    private static bool IsSitePath(string url) =>
        url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !url.Any(c => c == '\\' || char.IsControl(c));

    private static bool InsideTenant(string url, PathString pathBase)
    {
        if (!pathBase.HasValue || pathBase.Value == "/")
        {
            return true;
        }

        var prefix = pathBase.Value!.TrimEnd('/');
        return url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && (url.Length == prefix.Length || url[prefix.Length] is '/' or '?' or '#');
    }
}
