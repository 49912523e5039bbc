namespace NetvaerkPortal.Display;

/// <summary>How deeply a Markdown text nests, measured in one linear pass before Markdig sees it: block
/// quotes and lists, brackets and unclosed links, emphasis, and HTML tags; and how many emphasis marks and
/// web addresses one paragraph holds. Markdig fails on deep nesting and slows down quadratically on both, so
/// text beyond <see cref="MaxDepth"/> or <see cref="MaxMarksPerParagraph"/> is refused when written and shown
/// as plain text when already stored. The count errs on the high side for what Markdig nests and never
/// looks inside fenced code, so real writing stays far below the limits.</summary>
public static class MarkdownNesting
{
    /// <summary>Real writing nests a handful of levels; Markdig gives up at 63 nested lists.</summary>
    public const int MaxDepth = 32;

    /// <summary>Markdig's time grows with the square of these per paragraph: 500 take milliseconds, 5,000 seconds.</summary>
    public const int MaxMarksPerParagraph = 500;

    private static readonly string[] AutolinkPrefixes = ["http://", "https://", "ftp://", "mailto:", "tel:", "www."];

    /// <summary>How far a tag's closing '>' is looked for, so that the pass stays linear.</summary>
    private const int TagLookahead = 256;

    /// <summary>HTML elements that are never nested into: void elements and those whose end tag may be left out.</summary>
    private static readonly HashSet<string> UnnestedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "rb", "rt", "rp",
    };

    public static MarkdownMeasure Measure(string? markdown)
    {
        var scan = new Scan(markdown ?? "");
        scan.Run();
        return new MarkdownMeasure(scan.Deepest.Depth, scan.Deepest.Kind, scan.MostMarks);
    }

    private sealed class Scan(string text)
    {
        private readonly List<int> _listColumns = [];
        private (int Depth, MarkdownNestingKind Kind) _deepest = (0, MarkdownNestingKind.None);
        private char _fence;
        private int _fenceLength;
        private int _brackets;
        private int _links;
        private int _emphasis;
        private int _html;
        private int _marks;
        private bool _paragraph;

        public (int Depth, MarkdownNestingKind Kind) Deepest => _deepest;

        public int MostMarks { get; private set; }

        public void Run()
        {
            var start = 0;
            while (start <= text.Length)
            {
                var end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                Line(start, end);
                start = end + 1;
            }
        }

        private void Line(int start, int end)
        {
            var (first, column) = SkipSpaces(start, end, 0);
            if (_fence != '\0')
            {
                CloseFence(start, end);
                return;
            }

            if (first == end)
            {
                // A blank line ends the paragraph, and with it any open inline nesting.
                EndParagraph();
                _paragraph = false;
                return;
            }

            while (_listColumns.Count > 0 && column < _listColumns[^1])
            {
                _listColumns.RemoveAt(_listColumns.Count - 1);
            }

            if (_listColumns.Count == 0 && column >= 4 && !_paragraph)
            {
                return; // indented code
            }

            var depth = _listColumns.Count;
            var position = first;
            var newBlock = false;
            while (position < end)
            {
                (position, column) = SkipSpaces(position, end, column);
                if (position < end && text[position] == '>')
                {
                    depth++;
                    position++;
                    column++;
                    newBlock = true;
                    continue;
                }

                var width = ListMarkerWidth(position, end);
                if (width == 0)
                {
                    break;
                }

                depth++;
                _listColumns.Add(column + width + 1);
                position += width;
                column += width;
                newBlock = true;
            }

            Deeper(depth, MarkdownNestingKind.Blocks);
            (position, _) = SkipSpaces(position, end, column);
            if (newBlock || (position < end && text[position] == '#'))
            {
                EndParagraph();
            }

            if (OpensFence(position, end))
            {
                _paragraph = false;
                return;
            }

            _paragraph = true;
            Inline(position, end);
        }

        private void Inline(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '\\':
                        i++;
                        break;
                    case '[':
                        Deeper(++_brackets, MarkdownNestingKind.Brackets);
                        break;
                    case ']' when i + 1 < end && text[i + 1] == '(':
                        // Markdig looks ahead for the ')' of every "](" (and of a "(title"): unclosed ones pile up quadratically.
                        _brackets = Math.Max(0, _brackets - 1);
                        Deeper(++_links, MarkdownNestingKind.Brackets);
                        i++;
                        break;
                    case ')':
                        _links = Math.Max(0, _links - 1);
                        break;
                    case ']':
                        _brackets = Math.Max(0, _brackets - 1);
                        break;
                    case '<':
                        i = Tag(i, end);
                        break;
                    case '*' or '_' or '~' or '^' or '+' or '=':
                        i = Delimiters(i, start, end);
                        break;
                    case 'h' or 'f' or 'm' or 't' or 'w' when IsAutolink(i, start):
                        Mark();
                        break;
                }
            }
        }

        private int Tag(int open, int end)
        {
            var closing = open + 1 < end && text[open + 1] == '/';
            var nameStart = open + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < end && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] == '-'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(text[nameStart]) || (nameEnd < end && !IsTagNameEnd(text[nameEnd])))
            {
                return open; // not a tag: "<3", "a < b", an autolink <https://...>
            }

            if (UnnestedTags.Contains(text[nameStart..nameEnd]))
            {
                return nameEnd - 1;
            }

            if (closing)
            {
                _html = Math.Max(0, _html - 1);
                return nameEnd - 1;
            }

            var close = text.IndexOf('>', nameEnd, Math.Min(TagLookahead, end - nameEnd));
            if (close > 0 && text[close - 1] != '/')
            {
                Deeper(++_html, MarkdownNestingKind.Html);
            }

            return nameEnd - 1;
        }

        /// <summary>A run of emphasis characters that can only open nests one level deeper; one that can only close
        /// goes back up (CommonMark's flanking rules). Single '+' and '=' are text; doubled they mark inserted and marked text.</summary>
        private int Delimiters(int first, int lineStart, int end)
        {
            var c = text[first];
            var last = first;
            while (last + 1 < end && text[last + 1] == c)
            {
                last++;
            }

            if (c is '+' or '=' && last == first)
            {
                return last;
            }

            Mark();
            var before = first > lineStart ? text[first - 1] : ' ';
            var after = last + 1 < end ? text[last + 1] : ' ';
            var opens = !char.IsWhiteSpace(after) && (!char.IsPunctuation(after) || char.IsWhiteSpace(before) || char.IsPunctuation(before));
            var closes = !char.IsWhiteSpace(before) && (!char.IsPunctuation(before) || char.IsWhiteSpace(after) || char.IsPunctuation(after));
            // '*' and the others may open inside a word ("a**b"); '_' may not.
            if (opens && (!closes || c != '_'))
            {
                Deeper(++_emphasis, MarkdownNestingKind.Emphasis);
            }
            else if (closes && !opens)
            {
                _emphasis = Math.Max(0, _emphasis - 1);
            }

            return last;
        }

        /// <summary>"-", "+", "*" or "1." / "1)" followed by a space or the line's end; 0 when there is none
        /// (or the line is a thematic break such as "- - -", which is not a list).</summary>
        private int ListMarkerWidth(int position, int end)
        {
            if (position >= end)
            {
                return 0;
            }

            var c = text[position];
            int width;
            if (c is '-' or '+' or '*')
            {
                width = 1;
                if (c != '+' && IsThematicBreak(position, end, c))
                {
                    return 0;
                }
            }
            else
            {
                var digits = 0;
                while (position + digits < end && digits < 10 && char.IsAsciiDigit(text[position + digits]))
                {
                    digits++;
                }

                if (digits is 0 or > 9 || position + digits >= end || text[position + digits] is not ('.' or ')'))
                {
                    return 0;
                }

                width = digits + 1;
            }

            return position + width == end || text[position + width] is ' ' or '\t' or '\r' ? width : 0;
        }

        private bool IsThematicBreak(int position, int end, char c)
        {
            var count = 0;
            for (var i = position; i < end; i++)
            {
                if (text[i] == c)
                {
                    count++;
                }
                else if (text[i] is not (' ' or '\t' or '\r'))
                {
                    return false;
                }
            }

            return count >= 3;
        }

        private bool OpensFence(int position, int end)
        {
            var length = Run(position, end);
            if (length < 3 || text[position] is not ('`' or '~'))
            {
                return false;
            }

            // A backtick fence's info string holds no backtick; "```a```" opens a code span, not a fence.
            if (text[position] == '`' && text.IndexOf('`', position + length, end - position - length) >= 0)
            {
                return false;
            }

            _fence = text[position];
            _fenceLength = length;
            return true;
        }

        private void CloseFence(int start, int end)
        {
            var position = start;
            while (position < end && text[position] is ' ' or '\t' or '>')
            {
                position++;
            }

            var length = position < end && text[position] == _fence ? Run(position, end) : 0;
            if (length >= _fenceLength && text.AsSpan(position + length, end - position - length).IsWhiteSpace())
            {
                _fence = '\0';
            }
        }

        private int Run(int position, int end)
        {
            var length = 0;
            while (position + length < end && text[position + length] == text[position] && text[position] is '`' or '~')
            {
                length++;
            }

            return length;
        }

        private (int Position, int Column) SkipSpaces(int position, int end, int column)
        {
            while (position < end && text[position] is ' ' or '\t' or '\r')
            {
                column = text[position] == '\t' ? column + 4 - (column % 4) : column + 1;
                position++;
            }

            return (position, column);
        }

        private void Deeper(int depth, MarkdownNestingKind kind)
        {
            if (depth > _deepest.Depth)
            {
                _deepest = (depth, kind);
            }
        }

        private void Mark() => MostMarks = Math.Max(MostMarks, ++_marks);

        private void EndParagraph() => _brackets = _links = _emphasis = _marks = 0;

        /// <summary>Where Markdig's autolink extension looks for a web address: after a space or "*_~(".</summary>
        private bool IsAutolink(int position, int lineStart)
        {
            if (position > lineStart && text[position - 1] is not (' ' or '\t' or '*' or '_' or '~' or '('))
            {
                return false;
            }

            var rest = text.AsSpan(position);
            foreach (var prefix in AutolinkPrefixes)
            {
                if (rest.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTagNameEnd(char c) => c is ' ' or '\t' or '\r' or '/' or '>';
    }
}

public enum MarkdownNestingKind
{
    None,
    Blocks,
    Brackets,
    Emphasis,
    Html,
}

/// <summary>The deepest nesting found and what nested there, and the most emphasis marks and web addresses in one paragraph.</summary>
public readonly record struct MarkdownMeasure(int Depth, MarkdownNestingKind Kind, int MarksPerParagraph)
{
    public bool TooDeep => Depth > MarkdownNesting.MaxDepth;

    public bool TooManyMarks => MarksPerParagraph > MarkdownNesting.MaxMarksPerParagraph;

    public bool Acceptable => !TooDeep && !TooManyMarks;

    /// <summary>What nests deepest, in words for a message.</summary>
    public string What => Kind switch
    {
        MarkdownNestingKind.Blocks => "block quotes and lists",
        MarkdownNestingKind.Brackets => "brackets and links",
        MarkdownNestingKind.Emphasis => "emphasis (*, _, ~)",
        MarkdownNestingKind.Html => "HTML tags",
        _ => "nothing",
    };
}
