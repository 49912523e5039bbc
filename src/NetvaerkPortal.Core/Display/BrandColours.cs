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

    private static double Luminance(string colour)
    {
        double Channel(int offset)
        {
            var value = int.Parse(colour.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}\\z")]
    private static partial Regex Hex();
}
