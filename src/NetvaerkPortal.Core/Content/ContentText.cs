namespace NetvaerkPortal.Content;

/// <summary>Characters a text field may not hold: control characters (C0, DEL, C1) and the bidirectional
/// embedding, override and isolate characters U+202A–U+202E and U+2066–U+2069, which make text display
/// differently from what it says (a title that reads "fdp.exe" but is "exe.pdf"). Multi-line fields keep
/// tab and line breaks. Also a lone UTF-16 surrogate, which is not a character at all.</summary>
public static class ContentText
{
    /// <summary>The position and character of the first forbidden character, or null when the text is clean.</summary>
    public static (int Position, int CodePoint)? FindForbidden(string text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsForbidden(c, multiLine))
            {
                return (i, c);
            }
        }

        return null;
    }

    /// <summary>Throws a <see cref="ContentValidationException"/> naming <paramref name="field"/> when the text holds a forbidden character.</summary>
    public static void Check(string? contentItemId, string field, string text, bool multiLine)
    {
        if (FindForbidden(text, multiLine) is not { } found)
        {
            return;
        }

        var codePoint = $"U+{found.CodePoint:X4}";
        if (IsBidiControl((char)found.CodePoint))
        {
            throw new ContentValidationException(contentItemId, field,
                "{0} holds the text-direction control {1} at position {2}, which can make text look different from what it says. Remove it.",
                field, codePoint, found.Position + 1);
        }

        throw new ContentValidationException(contentItemId, field, multiLine
            ? "{0} holds the control character {1} at position {2}. Remove it; only tabs and line breaks are allowed."
            : "{0} holds the control character {1} at position {2}. Remove it; this field is a single line without tabs or line breaks.",
            field, codePoint, found.Position + 1);
    }

    private static bool IsForbidden(char c, bool multiLine) => c switch
    {
        '\t' or '\n' or '\r' or '\u2028' or '\u2029' => !multiLine,
        < ' ' or (>= '\u007F' and <= '\u009F') => true,
        _ => IsBidiControl(c) || char.IsSurrogate(c),
    };

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
