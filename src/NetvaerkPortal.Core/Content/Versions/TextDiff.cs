using System.Text;

namespace NetvaerkPortal.Content.Versions;

public enum DiffKind
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>A run of text that both versions share, or that only the newer (inserted) or only the older (deleted) has.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>What changed between two texts: first line by line, then word by word inside each changed block, so a
/// reader sees the words that changed and a long text costs no more than its changes. Myers' algorithm, bounded: past
/// <see cref="MaxEdits"/> edits a block is shown as replaced as a whole instead of compared further.</summary>
public static class TextDiff
{
    /// <summary>Edits compared exactly in one block; beyond this the block counts as replaced (keeps a hostile text cheap).</summary>
    public const int MaxEdits = 1500;

    public static IReadOnlyList<DiffSegment> Compare(string? older, string? newer)
    {
        older ??= "";
        newer ??= "";
        if (string.Equals(older, newer, StringComparison.Ordinal))
        {
            return older.Length == 0 ? [] : [new DiffSegment(DiffKind.Same, older)];
        }

        var runs = new Runs();
        var script = Edits(Lines(older), Lines(newer));
        for (var i = 0; i < script.Count;)
        {
            if (script[i].Kind == DiffKind.Same)
            {
                runs.Add(DiffKind.Same, script[i++].Text);
                continue;
            }

            // A block of changed lines: what was there and what came instead, compared word by word.
            var deleted = new StringBuilder();
            var inserted = new StringBuilder();
            for (; i < script.Count && script[i].Kind != DiffKind.Same; i++)
            {
                (script[i].Kind == DiffKind.Deleted ? deleted : inserted).Append(script[i].Text);
            }

            foreach (var word in Edits(Words(deleted.ToString()), Words(inserted.ToString())))
            {
                runs.Add(word.Kind, word.Text);
            }
        }

        return runs.ToList();
    }

    /// <summary>The same segments with long unchanged stretches shortened to their first and last <paramref name="keep"/>
    /// characters around " … ", so a reader sees each change in its context without the whole text around it.</summary>
    public static IReadOnlyList<DiffSegment> Condense(IReadOnlyList<DiffSegment> segments, int keep = 160)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return segments.Select((segment, i) =>
        {
            var text = segment.Text;
            if (segment.Kind != DiffKind.Same || text.Length <= 2 * keep + 20)
            {
                return segment;
            }

            // The text's own start and end need no context from the other side.
            var head = i == 0 ? "" : Cut(text[..keep], atEnd: false);
            var tail = i == segments.Count - 1 ? "" : Cut(text[^keep..], atEnd: true);
            return segment with { Text = head + " … " + tail };
        }).ToList();
    }

    /// <summary>Shortens at a space so that no word is cut in half.</summary>
    private static string Cut(string text, bool atEnd)
    {
        var space = atEnd ? text.IndexOf(' ', StringComparison.Ordinal) : text.LastIndexOf(' ');
        if (space < 0)
        {
            return text;
        }

        return atEnd ? text[(space + 1)..] : text[..space];
    }

    /// <summary>Lines with their line breaks, so that joining them gives the text back.</summary>
    public static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    /// <summary>Words (letters and digits), runs of white space, and every other character on its own.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = start + 1;
            if (char.IsLetterOrDigit(text[start]))
            {
                while (end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    end++;
                }
            }
            else if (char.IsWhiteSpace(text[start]))
            {
                while (end < text.Length && char.IsWhiteSpace(text[end]) && text[end] != '\n')
                {
                    end++;
                }
            }
            else if (char.IsHighSurrogate(text[start]) && end < text.Length)
            {
                end++;
            }

            words.Add(text[start..end]);
            start = end;
        }

        return words;
    }

    /// <summary>The shortest edit script from <paramref name="a"/> to <paramref name="b"/>, token by token; the common
    /// start and end are taken off first, and a middle that needs more than <see cref="MaxEdits"/> edits is replaced whole.</summary>
    private static List<DiffSegment> Edits(List<string> a, List<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var script = new List<DiffSegment>();
        script.AddRange(a.Take(prefix).Select(t => new DiffSegment(DiffKind.Same, t)));
        var middleA = a.GetRange(prefix, a.Count - prefix - suffix);
        var middleB = b.GetRange(prefix, b.Count - prefix - suffix);
        script.AddRange(Myers(middleA, middleB) ?? [
            .. middleA.Select(t => new DiffSegment(DiffKind.Deleted, t)),
            .. middleB.Select(t => new DiffSegment(DiffKind.Inserted, t))]);
        script.AddRange(a.Skip(a.Count - suffix).Select(t => new DiffSegment(DiffKind.Same, t)));
        return script;
    }

    /// <summary>Myers' O((N+M)D) greedy algorithm; null when more than <see cref="MaxEdits"/> edits are needed.</summary>
    private static List<DiffSegment>? Myers(List<string> a, List<string> b)
    {
        int n = a.Count, m = b.Count;
        var max = Math.Min(n + m, MaxEdits);
        var offset = max + 1;
        var v = new int[2 * max + 3];
        // trace[d] is V as it was before step d, for k in [-d-1, d+1].
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add(v[(offset - d - 1)..(offset + d + 2)]);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(a, b, trace, d);
                }
            }
        }

        return null;
    }

    private static List<DiffSegment> Backtrack(List<string> a, List<string> b, List<int[]> trace, int edits)
    {
        var script = new List<DiffSegment>();
        int x = a.Count, y = b.Count;
        for (var d = edits; d > 0; d--)
        {
            var v = trace[d];
            int At(int k) => v[k + d + 1];
            var k = x - y;
            var previousK = k == -d || (k != d && At(k - 1) < At(k + 1)) ? k + 1 : k - 1;
            var previousX = At(previousK);
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                script.Add(new DiffSegment(DiffKind.Same, a[--x]));
                y--;
            }

            script.Add(x == previousX ? new DiffSegment(DiffKind.Inserted, b[--y]) : new DiffSegment(DiffKind.Deleted, a[--x]));
        }

        while (x > 0 && y > 0)
        {
            script.Add(new DiffSegment(DiffKind.Same, a[--x]));
            y--;
        }

        script.Reverse();
        return script;
    }

    /// <summary>Joins neighbouring pieces of the same kind into one segment, in linear time however many pieces there are.</summary>
    private sealed class Runs
    {
        private readonly List<DiffSegment> _segments = [];
        private readonly StringBuilder _text = new();
        private DiffKind _kind;

        public void Add(DiffKind kind, string text)
        {
            if (text.Length == 0)
            {
                return;
            }

            if (kind != _kind)
            {
                Flush();
                _kind = kind;
            }

            _text.Append(text);
        }

        public List<DiffSegment> ToList()
        {
            Flush();
            return _segments;
        }

        private void Flush()
        {
            if (_text.Length > 0)
            {
                _segments.Add(new DiffSegment(_kind, _text.ToString()));
                _text.Clear();
            }
        }
    }
}
