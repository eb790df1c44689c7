using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions.Tests.Library;

/// <summary>regex: the documented examples of siddhi-execution-regex 5.0, and the Java-to-.NET pattern bridge.</summary>
public sealed class RegexFunctionTests
{
    [Test]
    public void DocumentedExamples()
    {
        Assert.That(RegexFunctions.Find(@"\d\d(.*)WSO2", "21 products are produced by WSO2 currently"), Is.True);
        Assert.That(RegexFunctions.Find(@"\d\d(.*)WSO2", "21 products are produced by WSO2 currently", 4), Is.False);
        Assert.That(RegexFunctions.Group(@"(\d\d)(.*)(WSO2.*)", "21 products are produced by WSO2 currently in Sri Lanka", 3), Is.EqualTo("WSO2 currently in Sri Lanka"));
        Assert.That(RegexFunctions.LookingAt(@"\d\d(.*)(WSO2.*)", "21 products are produced by WSO2 currently in Sri Lanka"), Is.True);
        Assert.That(RegexFunctions.LookingAt("WSO2(.*)middleware(.*)", "sample test string and WSO2 is situated in trace and it's a middleware company"), Is.False);
        Assert.That(RegexFunctions.Matches("WSO2(.*)middleware(.*)", "WSO2 is situated in trace and its a middleware company"), Is.True);
        Assert.That(RegexFunctions.Matches("WSO2(.*)middleware", "WSO2 is situated in trace and its a middleware company"), Is.False);
    }

    [Test]
    public void NullsAndErrors()
    {
        Assert.That(RegexFunctions.Find("a", null), Is.False);
        Assert.That(RegexFunctions.Matches("a", null), Is.False);
        Assert.That(RegexFunctions.Group("(a)", "b", 1), Is.Null, "no match");
        Assert.That(RegexFunctions.Group("(a)", "a", 5), Is.Null, "no such group");
        Assert.That(() => RegexFunctions.Find(null, "a"), Throws.TypeOf<SiddhiExtensionException>().With.Message.EqualTo("regex:find: First argument cannot be null"));
        Assert.That(() => RegexFunctions.Group("a", null, 1), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => RegexFunctions.Matches("[a", "a"), Throws.TypeOf<SiddhiExtensionException>());
    }

    [TestCase(@"\p{Alpha}+", "abcXYZ", true)]
    [TestCase(@"\p{Alpha}+", "abc1", false)]
    [TestCase(@"\p{Punct}", "!", true)]
    [TestCase(@"[\p{Digit}x]+", "12x3", true)]
    [TestCase(@"\QA.B\E", "A.B", true)]
    [TestCase(@"\QA.B\E", "AxB", false)]
    [TestCase(@"\h+", " \t", true)]
    [TestCase(@"a*+a", "aaa", false)]
    [TestCase(@"(ab)++c", "ababc", true)]
    [TestCase(@"\p{L}+", "héllo", true)]
    public void JavaSyntaxMatchesAsInJava(string pattern, string input, bool expected) =>
        Assert.That(RegexFunctions.Matches(pattern, input), Is.EqualTo(expected));

    [Test]
    public void JavaReplacementSyntax()
    {
        Assert.That(StringFunctions.ReplaceAll("a1b22", "([0-9]+)", "<$1>"), Is.EqualTo("a<1>b<22>"));
        Assert.That(StringFunctions.ReplaceAll("price 5", "([0-9])", "\\$$1"), Is.EqualTo("price $5"));
        Assert.That(StringFunctions.ReplaceAll("ab", "(?<x>a)", "${x}${x}"), Is.EqualTo("aab"));
    }

    [Test]
    public void ClassIntersectionIsAClearError() =>
        Assert.That(() => RegexFunctions.Matches("[a-z&&[^b]]", "a"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("intersection"));
}
