using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Tests.Parsing;

public sealed class SyntaxTreeInvariantTests
{
    [Test]
    public void Corpus_trees_have_nested_spans()
    {
        var corpus = CorpusParsingTests.LoadCorpus() ?? throw new IgnoreException("The conformance corpus is not present.");
        foreach (var corpusCase in corpus)
        {
            var app = SiddhiParser.ParseApp(corpusCase.Id, corpusCase.App).App;
            Assert.That(SyntaxTreeInvariants.FindViolation(app), Is.Null, corpusCase.Id);
        }
    }

    [Test]
    public void Parenthesised_and_signed_expressions_have_nested_spans()
    {
        var app = ParsingTestHelpers.ParseClean(ParsingTestHelpers.Definitions +
            "from every (e1=S[((a + 1) * -2 > 0)] -> e2=T[not (x > e1.a)]<1:3>) -> not S for 1 sec within 1 min select e1.a as a, (e2[last].x) as x insert into O;");
        Assert.That(SyntaxTreeInvariants.FindViolation(app), Is.Null);
    }
}
