using System.Globalization;
using System.Text.RegularExpressions;

namespace NetvaerkPortal.Display;

/// <summary>Brand colours as "#rrggbb", and WCAG 2.1 contrast (AA asks 4.5:1 for text) against white text and a white page.</summary>
public static partial class BrandColours
{
    public const double MinimumTextContrast = 4.5;

    public static bool IsColour(string? value) => value is not null && Hex().IsMatch(value);

    /// <summary>The WCAG contrast ratio of two colours, 1 to 21.</summary>
    public static double Contrast(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>The contrast of <paramref name="colour"/> with white: white text on it, and it as text on a white page.</summary>
    public static double ContrastWithWhite(string colour) => Contrast(colour, "#ffffff");

    /// <summary>The lightest shade of <paramref name="colour"/> (the same hue, each channel scaled down alike) that
    /// reaches <see cref="MinimumTextContrast"/> with white: what to suggest instead of a colour that is too light.</summary>
    public static string Darker(string colour)
    {
        var channels = new[] { Channel(colour, 1), Channel(colour, 3), Channel(colour, 5) };
        for (var percent = 100; percent > 0; percent--)
        {
            var shade = string.Create(CultureInfo.InvariantCulture, $"#{channels[0] * percent / 100:x2}{channels[1] * percent / 100:x2}{channels[2] * percent / 100:x2}");
            if (ContrastWithWhite(shade) >= MinimumTextContrast)
            {
                return shade;
            }
        }

        return "#000000";
    }

    private static int Channel(string colour, int offset) => int.Parse(colour.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static double Luminance(string colour)
    {
        double Linear(int offset)
        {
            var value = Channel(colour, offset) / 255.0;
            return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Linear(1)) + (0.7152 * Linear(3)) + (0.0722 * Linear(5));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}\\z")]
    private static partial Regex Hex();
}
