namespace Netvaerk.Meetings.Planning;

/// <summary>The field rules of meetings, cases, answers and actions, in one place for the services, the API and the
/// pages. Each check throws <see cref="MeetingInputException"/> naming the API field.</summary>
public static class MeetingInput
{
    public const int MinDuration = 15;
    public const int MaxDuration = 720;
    public const int MaxSeries = 52;
    public const int MaxEveryWeeks = 52;
    public const int PlaceLength = 500;
    public const int ThemeLength = 500;
    public const int UrlLength = 2000;
    public const int CharterLength = 4000;
    public const int ReasonLength = 1000;
    public const int CaseTitleLength = 200;
    public const int KeyQuestionLength = 1000;
    public const int WantLength = 2000;
    public const int ActionLength = 2000;
    public const int NoteLength = 1000;

    /// <summary>The trimmed text, null when empty; refused when longer than <paramref name="max"/> or holding control characters.</summary>
    public static string? Text(string field, string? value, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > max)
        {
            throw new MeetingInputException(field, "{0} is {1} characters long; at most {2} are allowed. Shorten it.", field, text.Length, max);
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw new MeetingInputException(field, "{0} holds control characters. Send plain text.", field);
        }

        return text;
    }

    public static string Required(string field, string? value, int max) =>
        Text(field, value, max) ?? throw new MeetingInputException(field, "{0} is missing. Fill it in.", field);

    public static int Range(string field, int value, int min, int max) =>
        value < min || value > max
            ? throw new MeetingInputException(field, "{0} is {1}; it must be from {2} to {3}.", field, value, min, max)
            : value;

    /// <summary>An absolute http or https address, or null.</summary>
    public static string? Url(string field, string? value)
    {
        var text = Text(field, value, UrlLength);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host)
            ? uri.AbsoluteUri
            : throw new MeetingInputException(field, "{0} must be a web address starting with https:// or http://, e.g. https://meet.example.dk/netvaerk.", field);
    }
}
