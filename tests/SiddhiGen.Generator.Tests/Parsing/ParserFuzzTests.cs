using System.Diagnostics;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Tests.Parsing;

/// <summary>
/// Deterministic mutation fuzzing: token deletions, insertions, swaps and duplications, truncations of
/// corpus apps, and random strings. The parser must never throw, never hit its internal-error guard, and
/// keep every diagnostic inside the text.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Iterations = 12_000;

    internal static readonly string[] FallbackApps =
    {
        "@App:name('A') define stream S (a int, b string); @info(name='q') from S[a > 1]#window.length(5) select b, sum(a) as s group by b having s > 2 order by s desc limit 3 output last every 2 events insert all events into O;",
        "define stream S (a int); define table T (a int); from S join T on S.a == T.a select S.a update or insert into T set T.a = a on T.a == a;",
        "define stream S (a int); from every e1=S[a > 1] -> not S[a < 0] for 1 sec and e2=S, e3=S+ within 10 min select e1.a, e2[last].a as x insert into O;",
        "define stream S (a int); partition with (a < 1 as 'x' or a >= 1 as 'y' of S) begin from S select a insert into #I; from #I select a insert into O; end;",
        "define aggregation A from S select sum(a) as s group by b aggregate by ts every sec ... year; define trigger T at every 5 sec; define function f[js] return int { return 1; };",
    };

    private static readonly string[] InsertedTokens =
    {
        "(", ")", "[", "]", ",", ";", "->", "#", "!", "@", ":", ".", "...", "=", "==", "<", ">", "+", "-", "*", "?", "{", "}", "'", "\"", "`",
        "from", "select", "insert", "into", "define", "stream", "every", "not", "and", "or", "within", "partition", "begin", "end",
        "join", "outer", "on", "output", "events", "1", "1.5", "2147483648", "1 sec", "e1=", "S", "${X}", "\"\"\"", "/*", "--",
    };

    [Test]
    public void Mutated_and_random_inputs_never_break_the_parser()
    {
        var corpus = CorpusParsingTests.LoadCorpus();
        var seeds = corpus is null ? FallbackApps : corpus.Select(c => c.App).Concat(FallbackApps).ToArray();
        var random = new Random(20240611);
        var stopwatch = Stopwatch.StartNew();
        var withErrors = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var text = i % 10 == 9 ? RandomText(random) : Mutate(seeds[random.Next(seeds.Length)], random);
            ParseResult result;
            try
            {
                result = SiddhiParser.ParseApp("fuzz.siddhi", text);
                SiddhiParser.ParseOnDemandQuery("fuzz", text);
            }
            catch (Exception ex)
            {
                Assert.Fail($"iteration {i} threw {ex.GetType().Name}: {ex.Message}\ninput: {text}");
                return;
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                Assert.That(diagnostic.Message, Does.Not.StartWith(SiddhiParser.InternalErrorPrefix), "input: " + text);
                Assert.That(diagnostic.Location!.Span.End, Is.LessThanOrEqualTo(text.Length));
            }

            if (i % 4 == 0)
            {
                // The reflective tree walk is the slow part; a quarter of the inputs is plenty.
                Assert.That(SyntaxTreeInvariants.FindViolation(result.App), Is.Null, "input: " + text);
            }

            withErrors += result.HasErrors ? 1 : 0;
        }

        TestContext.Out.WriteLine($"{Iterations} fuzz inputs ({withErrors} with errors) in {stopwatch.ElapsedMilliseconds} ms");
        Assert.That(withErrors, Is.GreaterThan(Iterations / 2), "the mutations should mostly break the apps");
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "the parser is too slow on malformed input");
    }

    [Test]
    public void Cancellation_is_the_only_exception_that_escapes()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => SiddhiParser.ParseApp("a.siddhi", FallbackApps[0], cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => SiddhiParser.ParseOnDemandQuery("q", "from T", cancelled.Token));
    }

    internal static string Mutate(string app, Random random)
    {
        var tokens = Lexer.Lex("seed", app).Tokens;
        var pieces = tokens.Take(tokens.Length - 1).Select(t => app.Substring(t.Start, t.Length)).ToList();
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations && pieces.Count > 0; m++)
        {
            var index = random.Next(pieces.Count);
            switch (random.Next(6))
            {
                case 0:
                    pieces.RemoveAt(index);
                    break;
                case 1:
                    pieces.Insert(index, InsertedTokens[random.Next(InsertedTokens.Length)]);
                    break;
                case 2:
                    var other = random.Next(pieces.Count);
                    (pieces[index], pieces[other]) = (pieces[other], pieces[index]);
                    break;
                case 3:
                    pieces.RemoveRange(index, pieces.Count - index);
                    break;
                case 4:
                    pieces.Insert(index, pieces[random.Next(pieces.Count)]);
                    break;
                default:
                    var text = string.Join(" ", pieces);
                    return text.Substring(0, random.Next(text.Length + 1));
            }
        }

        return string.Join(" ", pieces);
    }

    internal static string RandomText(Random random)
    {
        var length = random.Next(200);
        var chars = new char[length];
        const string alphabet = "abcdefST01 ()[]{},;:.#!@'\"`-><=*+?/%$\n\t";
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(3) == 0 ? (char)random.Next(0, 256) : alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
