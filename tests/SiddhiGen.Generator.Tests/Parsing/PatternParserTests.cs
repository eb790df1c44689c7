using SiddhiGen.Generator.Parsing;
using static SiddhiGen.Generator.Tests.Parsing.ParsingTestHelpers;

namespace SiddhiGen.Generator.Tests.Parsing;

public sealed class PatternParserTests
{
    private static StateInputSyntax State(string input) => (StateInputSyntax)Query("from " + input + " select a insert into O;").Input;

    /// <summary>A compact rendering of a state tree: chains as [..], every as every(..), counts as {min:max}.</summary>
    private static string Render(StateElementSyntax element) => element switch
    {
        StateChainSyntax chain => "[" + string.Join(" ; ", chain.Elements.Select(Render)) + "]",
        EveryStateElementSyntax every => "every(" + Render(every.Inner) + ")",
        LogicalStateElementSyntax logical => "(" + Render(logical.Left) + " " + logical.Operator.ToString().ToLowerInvariant() + " " + Render(logical.Right) + ")",
        CountStateElementSyntax count => Render(count.Element) + "{" + count.Min + ":" + count.Max + "}",
        AbsentStateElementSyntax absent => "not " + absent.Source + (absent.For is null ? string.Empty : " for " + absent.For.Milliseconds),
        StreamStateElementSyntax stream => (stream.EventName is null ? string.Empty : stream.EventName.Text + "=") + stream.Source + (stream.Handlers.IsEmpty ? string.Empty : "[" + stream.Handlers.Length + "]"),
        _ => "?",
    };

    [Test]
    public void Every_followed_by_and_within()
    {
        var state = State("every e1=S[a > 1] -> e2=T[x > e1.a] within 10 sec");
        Assert.That(state.Kind, Is.EqualTo(StateInputKind.Pattern));
        Assert.That(Render(state.Root), Is.EqualTo("[every(e1=S[1]) ; e2=T[1]]"));
        Assert.That(state.Within!.Milliseconds, Is.EqualTo(10_000));
    }

    [Test]
    public void Every_group_is_kept_and_plain_groups_are_flattened()
    {
        Assert.That(Render(State("every (e1=S -> e3=S) -> e2=T").Root), Is.EqualTo("[every([e1=S ; e3=S]) ; e2=T]"));
        Assert.That(Render(State("(e1=S -> e2=T) -> e3=S").Root), Is.EqualTo("[e1=S ; e2=T ; e3=S]"));
    }

    [Test]
    public void A_pattern_may_start_with_an_unnamed_stream()
    {
        Assert.That(Render(State("S[a > 1] -> e2=T").Root), Is.EqualTo("[S[1] ; e2=T]"));
        var single = State("e1=S[a > 1]");
        Assert.That(Render(single.Root), Is.EqualTo("e1=S[1]"));
        Assert.That(single.Kind, Is.EqualTo(StateInputKind.Pattern));
    }

    [TestCase("e1=S<2:5>", "e1=S{2:5}")]
    [TestCase("e1=S[a > 1]<2:>", "e1=S[1]{2:}")]
    [TestCase("e1=S<:5>", "e1=S{:5}")]
    [TestCase("e1=S<3>", "e1=S{3:3}")]
    public void Counting(string element, string expected)
    {
        Assert.That(Render(((StateChainSyntax)State(element + " -> e2=T").Root).Elements[0]), Is.EqualTo(expected));
    }

    [Test]
    public void Logical_and_absent_elements()
    {
        Assert.That(Render(State("e1=S and e2=T -> e3=S").Root), Is.EqualTo("[(e1=S and e2=T) ; e3=S]"));
        Assert.That(Render(State("every (e1=S or e2=T)").Root), Is.EqualTo("every((e1=S or e2=T))"));
        Assert.That(Render(State("e1=S -> not T[x > 1] for 1 sec").Root), Is.EqualTo("[e1=S ; not T for 1000]"));
        Assert.That(Render(State("not S for 1 sec and e2=T").Root), Is.EqualTo("(not S for 1000 and e2=T)"));
        Assert.That(Render(State("not S and e2=T").Root), Is.EqualTo("(not S and e2=T)"));
        Assert.That(Render(State("e1=S and not T").Root), Is.EqualTo("(e1=S and not T)"));
        Assert.That(Render(State("every not S for 2 sec -> e2=T").Root), Is.EqualTo("[every(not S for 2000) ; e2=T]"));
        Assert.That(Render(State("not S for 1 sec and not T for 2 sec").Root), Is.EqualTo("(not S for 1000 and not T for 2000)"));
    }

    [Test]
    public void Sequences_with_quantifiers()
    {
        var state = State("every e1=S, e2=S[e1.a <= a]+, e3=S[e2[last].a > a]*, e4=T?, e5=T<1:2> within 1 min");
        Assert.That(state.Kind, Is.EqualTo(StateInputKind.Sequence));
        Assert.That(Render(state.Root), Is.EqualTo("[every(e1=S) ; e2=S[1]{1:} ; e3=S[1]{0:} ; e4=T{0:1} ; e5=T{1:2}]"));
        var counts = ((StateChainSyntax)state.Root).Elements.Skip(1).Cast<CountStateElementSyntax>().Select(c => c.Quantifier);
        Assert.That(counts, Is.EqualTo(new[] { CountQuantifier.OneOrMore, CountQuantifier.ZeroOrMore, CountQuantifier.ZeroOrOne, CountQuantifier.Range }));
    }

    [Test]
    public void Sequence_starting_with_an_unnamed_stream()
    {
        var state = State("S, e2=T");
        Assert.That(state.Kind, Is.EqualTo(StateInputKind.Sequence));
        Assert.That(Render(state.Root), Is.EqualTo("[S ; e2=T]"));
    }

    [Test]
    public void Pattern_event_references()
    {
        var query = Query("from every e1=S -> e2=S[a > e1[last].a and e1[0].b < b and e1[last-2].a > 0] or e3=T select e1[last].a as la, e2.a as a2, e1[1].b as b1 having e3 is null and e1[last] is null insert into O;");
        var filter = ((FilterHandlerSyntax)((StreamStateElementSyntax)((LogicalStateElementSyntax)((StateChainSyntax)((StateInputSyntax)query.Input).Root).Elements[1]).Left).Handlers[0]).Condition;
        Assert.That(Show(filter), Is.EqualTo("(and (and (> a e1[last].a) (< e1[0].b b)) (> e1[last-2].a 0i))"));
        Assert.That(query.Selector!.Attributes.Select(a => Show(a.Expression)), Is.EqualTo(new[] { "e1[last].a", "e2.a", "e1[1].b" }));
        Assert.That(Show(query.Selector.Having!), Is.EqualTo("(and (isnull e3) (isnull e1[last]))"));
        var isNull = (IsNullExpressionSyntax)((BinaryExpressionSyntax)query.Selector.Having!).Right;
        Assert.That(isNull.Operand, Is.TypeOf<StreamReferenceExpressionSyntax>());
    }
}
