using System.Globalization;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Localization;

namespace NetvaerkPortal.Display;

/// <summary>The filters every template has: <c>t</c> translates a Danish source text (with <c>{0}</c> arguments),
/// <c>local_date</c> writes a date the way the reader's language does, an instant in Danish time (pass instants in UTC), <c>href</c> puts the tenant's path base before a path.</summary>
public static class LiquidFilters
{
    internal const string LocalizerKey = "Localizer";
    internal const string PathBaseKey = "PathBase";

    public static void Register(TemplateOptions options)
    {
        options.Filters.AddFilter("t", Translate);
        options.Filters.AddFilter("local_date", LocalDate);
        options.Filters.AddFilter("href", Href);
    }

    private static ValueTask<FluidValue> Translate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.ToStringValue();
        if (!context.AmbientValues.TryGetValue(LocalizerKey, out var found) || found is not IStringLocalizer localizer)
        {
            return new StringValue(text);
        }

        var values = new object[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = arguments.At(i).ToObjectValue() ?? "";
        }

        return new StringValue(values.Length == 0 ? localizer[text].Value : localizer[text, values].Value);
    }

    private static ValueTask<FluidValue> LocalDate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var culture = context.CultureInfo;
        var format = arguments.At(0).ToStringValue() switch
        {
            "short" => culture.TwoLetterISOLanguageName == "da" ? "d. MMM yyyy" : "d MMM yyyy",
            "time" => culture.TwoLetterISOLanguageName == "da" ? "d. MMMM yyyy 'kl.' HH.mm" : "d MMMM yyyy, HH:mm",
            _ => culture.TwoLetterISOLanguageName == "da" ? "d. MMMM yyyy" : "d MMMM yyyy",
        };
        // An instant (a UTC DateTime, an offset, a timestamp string) is shown in Danish time; a date alone stays that date.
        return input.ToObjectValue() switch
        {
            DateTime date => new StringValue(PortalTimeZone.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc))).ToString(format, culture)),
            DateTimeOffset date => new StringValue(PortalTimeZone.ToLocal(date).ToString(format, culture)),
            DateOnly day => new StringValue(day.ToString(format, culture)),
            string text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => new StringValue(day.ToString(format, culture)),
            string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) => new StringValue(PortalTimeZone.ToLocal(date).ToString(format, culture)),
            _ => input,
        };
    }

    private static ValueTask<FluidValue> Href(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var path = input.ToStringValue();
        var pathBase = context.AmbientValues.TryGetValue(PathBaseKey, out var value) ? value as string ?? "" : "";
        return new StringValue(path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) ? pathBase + path : path);
    }
}
