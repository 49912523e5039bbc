using System.Text;

namespace NetvaerkPortal.Benchmarks.Search;

/// <summary>One generated document, with everything the three engines index.</summary>
public sealed record CorpusDocument(int Number, string Id, string ContentType, string Title, string Markdown, string[] Tags,
    string Network, string Visibility, DateTime PublishedUtc);

/// <summary>
/// A deterministic Danish corpus of the kind the portal holds: meeting notes, case stories, knowledge
/// articles and network pages written in the domain's vocabulary, with compounds made of it
/// ("netværksmøde", "trivselsmåling"), inflected nouns, Markdown headings and lists, and lengths from a
/// few lines to a few pages (median ~150 words). Same seed, same corpus, on every machine.
/// </summary>
public sealed class DanishCorpus
{
    public const int Seed = 20_261_127;
    public const int NetworkCount = 300;

    private static readonly string[] Nouns =
    [
        "møde", "netværk", "leder", "sparring", "case", "tovholder", "referat", "dagsorden", "evaluering", "trivsel",
        "arbejdsmiljø", "tillid", "forhandling", "løn", "kollega", "medarbejder", "afdeling", "projekt", "udvikling",
        "kompetence", "ledelse", "samarbejde", "opgave", "beslutning", "erfaring", "viden", "rådgivning", "model",
        "struktur", "rolle", "gruppe", "team", "plan", "strategi", "mål", "effekt", "formål", "deltager", "borger",
        "pædagog", "lærer", "sygeplejerske", "socialrådgiver", "skole", "institution", "kommune", "region", "forbund",
        "repræsentant", "udvalg", "politik", "budget", "prioritering", "rekruttering", "fastholdelse", "stress",
        "sygefravær", "vagtplan", "weekend", "hjemmepleje", "ældrepleje", "sundhed", "forebyggelse", "indsats",
        "digitalisering", "velfærd", "teknologi", "system", "proces", "metode", "værktøj", "skema", "spørgsmål",
        "svar", "refleksion", "feedback", "dilemma", "konflikt", "forandring", "omstrukturering", "implementering",
        "uddannelse", "kursus", "temadag", "workshop", "oplæg", "runde", "pause", "opfølgning", "aftale", "tid",
        "uge", "måned", "kvartal", "år", "status", "resultat", "måling", "undersøgelse", "rapport", "notat",
    ];

    private static readonly string[] Verbs =
    [
        "drøftede", "aftalte", "besluttede", "fremlagde", "spurgte", "svarede", "delte", "foreslog", "prøvede",
        "evaluerede", "planlagde", "oplevede", "fortalte", "understregede", "mødes", "arbejder", "samler", "styrker",
        "udvikler", "følger", "bruger", "skaber", "giver", "tager", "holder", "sender", "skriver", "læser",
    ];

    private static readonly string[] Adjectives =
    [
        "god", "godt", "svær", "svært", "ny", "nye", "fælles", "konkret", "konkrete", "faglig", "faglige", "kollegial",
        "kollegiale", "selvledende", "tværgående", "lokal", "lokale", "næste", "første", "sidste", "vigtig", "vigtigt",
        "stor", "store", "lille", "små", "åben", "åbne", "fast", "faste", "fortrolig", "fortroligt",
    ];

    private static readonly (string Word, int Weight)[] FunctionWords =
    [
        ("og", 40), ("i", 35), ("at", 30), ("det", 25), ("en", 22), ("til", 20), ("er", 20), ("som", 15), ("på", 18),
        ("de", 12), ("med", 14), ("af", 14), ("for", 12), ("ikke", 10), ("der", 12), ("var", 8), ("vi", 16),
        ("om", 12), ("har", 10), ("men", 6), ("hvordan", 4), ("hvad", 5), ("når", 5), ("også", 6), ("kan", 8),
        ("skal", 7), ("efter", 5), ("fra", 8), ("så", 6), ("alle", 4),
    ];

    private static readonly string[] NounEndings = ["", "", "", "en", "et", "er", "erne", "ens", "ets"];

    private static readonly string[] TypeNames = ["Network", "Case", "MeetingNote", "KnowledgeArticle"];

    private static readonly string[] TagNames =
    [
        "kollegial sparring", "selvledende netværk", "casemodellen", "tovholder", "referent", "evaluering", "trivsel",
        "arbejdsmiljø", "ledelse", "mellemledere", "tillidsrepræsentanter", "løn", "rekruttering", "stress",
        "digitalisering", "velfærdsteknologi", "hjemmepleje", "skole", "dagtilbud", "socialt arbejde", "sundhed",
        "videndeling", "mødeprotokol", "spilleregler", "opstart", "facilitering", "forandring", "konflikter",
        "prioritering", "budget", "MED-udvalg", "arbejdstid", "kompetenceudvikling", "onboarding", "fastholdelse",
        "sygefravær", "forebyggelse", "borgerinddragelse", "samarbejde", "strategi",
    ];

    private readonly Random _random = new(Seed);
    private readonly int _functionWeight = FunctionWords.Sum(word => word.Weight);

    public static IReadOnlyList<string> Networks { get; } =
        Enumerable.Range(1, NetworkCount).Select(n => $"netvaerk{n:D4}").ToArray();

    public IEnumerable<CorpusDocument> Generate(int count)
    {
        var start = new DateTime(2023, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var n = 0; n < count; n++)
        {
            var roll = _random.NextDouble();
            var type = roll < 0.02 ? TypeNames[0] : roll < 0.22 ? TypeNames[1] : roll < 0.70 ? TypeNames[2] : TypeNames[3];
            var network = Networks[Zipf(Networks.Count)];
            var visibility = type == "MeetingNote"
                ? (_random.NextDouble() < 0.85 ? "Network" : "Tenant")
                : _random.NextDouble() switch { < 0.5 => "Public", < 0.8 => "Tenant", _ => "Network" };
            var tags = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => TagNames[Zipf(TagNames.Length)]).Distinct().ToArray();
            yield return new CorpusDocument(n, $"doc{n:D7}", type, Title(), Body(), tags, network, visibility,
                start.AddMinutes(n * 15 + _random.Next(0, 15)));
        }
    }

    private string Title()
    {
        var words = new List<string> { Capitalize(Noun()) };
        var length = _random.Next(2, 7);
        while (words.Count < length)
        {
            words.Add(_random.NextDouble() < 0.4 ? Function() : Noun());
        }

        return string.Join(' ', words);
    }

    // Word counts follow a long tail: most notes are short, some articles run to pages.
    private string Body()
    {
        var target = (int)Math.Clamp(Math.Exp(5.0 + (_random.NextDouble() + _random.NextDouble() + _random.NextDouble() - 1.5) * 1.1), 25, 1500);
        var text = new StringBuilder();
        var written = 0;
        while (written < target)
        {
            var block = _random.NextDouble();
            if (block < 0.12 && written > 0)
            {
                text.Append("## ").Append(Capitalize(Noun())).Append(' ').Append(Noun()).Append("\n\n");
                written += 2;
            }
            else if (block < 0.25)
            {
                for (var item = _random.Next(2, 5); item > 0; item--)
                {
                    written += Sentence(text.Append("- "), 4, 9);
                    text.Append('\n');
                }

                text.Append('\n');
            }
            else
            {
                for (var sentence = _random.Next(2, 6); sentence > 0; sentence--)
                {
                    written += Sentence(text, 6, 18);
                    text.Append(' ');
                }

                text.Append("\n\n");
            }
        }

        return text.ToString();
    }

    private int Sentence(StringBuilder text, int min, int max)
    {
        var length = _random.Next(min, max + 1);
        for (var i = 0; i < length; i++)
        {
            var word = (i, _random.NextDouble()) switch
            {
                (0, _) => Capitalize(Noun()),
                (_, < 0.42) => Function(),
                (_, < 0.70) => Noun(),
                (_, < 0.85) => Verbs[Zipf(Verbs.Length)],
                _ => Adjectives[Zipf(Adjectives.Length)],
            };
            text.Append(word).Append(i == length - 1 ? "." : " ");
        }

        return length;
    }

    // A noun, one in four a compound of two ("netværks" + "møde"), inflected.
    private string Noun()
    {
        var noun = Nouns[Zipf(Nouns.Length)];
        if (_random.NextDouble() < 0.25)
        {
            var first = Nouns[Zipf(Nouns.Length)];
            noun = first + (first.EndsWith('e') || _random.NextDouble() < 0.5 ? "" : "s") + noun;
        }

        return noun + NounEndings[_random.Next(NounEndings.Length)];
    }

    private string Function()
    {
        var pick = _random.Next(_functionWeight);
        foreach (var (word, weight) in FunctionWords)
        {
            if ((pick -= weight) < 0)
            {
                return word;
            }
        }

        return "og";
    }

    // Rank-frequency like real text: the first entries are much more common than the last.
    private int Zipf(int count) => (int)Math.Min(count - 1, Math.Floor(Math.Pow(count + 1, _random.NextDouble()) - 1));

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
