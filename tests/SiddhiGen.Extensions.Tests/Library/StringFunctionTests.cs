using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions.Tests.Library;

/// <summary>str: the documented examples of siddhi-execution-string 5.0, then nulls and errors.</summary>
public sealed class StringFunctionTests
{
    [Test]
    public void DocumentedExamples()
    {
        Assert.That(StringFunctions.CharAt("WSO2", 1), Is.EqualTo("S"));
        Assert.That(StringFunctions.CharFrequency("WSO2,ABM,NSFT", ","), Is.EqualTo(2L));
        Assert.That(StringFunctions.Coalesce(null, "BBB", "CCC"), Is.EqualTo("BBB"));
        Assert.That(StringFunctions.Concat("D533", "8JU^", "XYZ"), Is.EqualTo("D5338JU^XYZ"));
        Assert.That(StringFunctions.Contains("21 products are produced by WSO2 currently", "WSO2"), Is.True);
        Assert.That(StringFunctions.EqualsIgnoreCase("WSO2", "wso2"), Is.True);
        Assert.That(StringFunctions.FillTemplate("{{prize}} > 100 && {{salary}} < 10000", MapFunctions.Create("prize", 300, "salary", 10000)), Is.EqualTo("300 > 100 && 10000 < 10000"));
        Assert.That(StringFunctions.FillTemplate("{{1}} > 100 && {{2}} < 10000", 200, 300), Is.EqualTo("200 > 100 && 300 < 10000"));
        Assert.That(StringFunctions.Hex("MySQL"), Is.EqualTo("4d7953514c"));
        Assert.That(StringFunctions.Length("Hello World"), Is.EqualTo(11));
        Assert.That(StringFunctions.Locate("@wso2.com", "streamin@wso2.com"), Is.EqualTo(8));
        Assert.That(StringFunctions.Locate("o", "wso2.com", 4), Is.EqualTo(6));
        Assert.That(StringFunctions.Lower("WSO2 cep "), Is.EqualTo("wso2 cep "));
        Assert.That(StringFunctions.Regexp("WSO2 abcdh", "WSO(.*h)"), Is.True);
        Assert.That(StringFunctions.Repeat("StRing 1", 3), Is.EqualTo("StRing 1StRing 1StRing 1"));
        Assert.That(StringFunctions.ReplaceAll("hello hi hello", "hello", "test"), Is.EqualTo("test hi test"));
        Assert.That(StringFunctions.ReplaceFirst("hello WSO2 A hello", "WSO2(.*)A", "XXXX"), Is.EqualTo("hello XXXX hello"));
        Assert.That(StringFunctions.Reverse("Hello World"), Is.EqualTo("dlroW olleH"));
        Assert.That(StringFunctions.Split("WSO2,ABM,NSFT", ",", 0), Is.EqualTo("WSO2"));
        Assert.That(StringFunctions.Strcmp("AbCDefghiJ KLMN", "Hello"), Is.EqualTo('A' - 'H'));
        Assert.That(StringFunctions.Substr("AbCDefghiJ KLMN", 4), Is.EqualTo("efghiJ KLMN"));
        Assert.That(StringFunctions.Substr("AbCDefghiJ KLMN", 2, 4), Is.EqualTo("CDef"));
        Assert.That(StringFunctions.Substr("AbCDefghiJ KLMN", "[A-Z]+"), Is.EqualTo("A"));
        Assert.That(StringFunctions.Substr("AbCDefghiJ KLMN12", "([A-Z]+)([0-9]+)", 1), Is.EqualTo("KLMN"));
        Assert.That(StringFunctions.Trim("  AbCDefghiJ KLMN  "), Is.EqualTo("AbCDefghiJ KLMN"));
        Assert.That(StringFunctions.Unhex("4d7953514c"), Is.EqualTo("MySQL"));
        Assert.That(StringFunctions.Upper("Hello World"), Is.EqualTo("HELLO WORLD"));
    }

    [Test]
    public void ConcatWritesNumbersAsJavaAndSkipsNulls()
    {
        Assert.That(StringFunctions.Concat("a", 100.0, null, 2.5f, 7L, true), Is.EqualTo("a100.02.57true"));
        Assert.That(StringFunctions.Concat(1e21), Is.EqualTo("1.0E21"));
    }

    [Test]
    public void NullHandling()
    {
        Assert.That(StringFunctions.Contains(null, "x"), Is.False);
        Assert.That(StringFunctions.EqualsIgnoreCase("a", null), Is.False);
        Assert.That(StringFunctions.Hex(null), Is.Null);
        Assert.That(StringFunctions.Unhex(null), Is.Null);
        Assert.That(StringFunctions.Lower(null), Is.Null);
        Assert.That(StringFunctions.Upper(null), Is.Null);
        Assert.That(StringFunctions.Trim(null), Is.Null);
        Assert.That(StringFunctions.Reverse(null), Is.Null);
        Assert.That(StringFunctions.Coalesce(null, null, (int?)3), Is.EqualTo(3));
        Assert.That(StringFunctions.Coalesce((string?)null, null), Is.Null);
        Assert.That(StringFunctions.FillTemplate("{{1}} and {{2}}", "x", null), Is.EqualTo("x and {{2}}"));
    }

    [Test]
    public void ErrorsNameTheFunction()
    {
        Assert.That(() => StringFunctions.CharAt("WSO2", 4), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("str:charAt"));
        Assert.That(() => StringFunctions.CharAt(null, 1), Throws.TypeOf<SiddhiExtensionException>().With.Message.EqualTo("str:charAt: First argument cannot be null"));
        Assert.That(() => StringFunctions.Length(null), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => StringFunctions.CharFrequency("abc", "ab"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("expected to be a character"));
        Assert.That(() => StringFunctions.Split("a,b", ",", 2), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => StringFunctions.Substr("abc", 2, 5), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => StringFunctions.Regexp("a", "("), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("Invalid regular expression"));
        Assert.That(() => StringFunctions.Unhex("4"), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => StringFunctions.Repeat("a", null), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("Second"));
    }

    [Test]
    public void SplitDropsTrailingEmptyPartsAsJavaDoes()
    {
        Assert.That(StringFunctions.Split("a,b,,", ",", 1), Is.EqualTo("b"));
        Assert.That(() => StringFunctions.Split("a,b,,", ",", 2), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(StringFunctions.Split(",a", ",", 0), Is.EqualTo(string.Empty));
    }

    [Test]
    public void GroupConcatJoinsTheWindowsKeys()
    {
        var g = new GroupConcatAggregator();
        foreach (var k in new[] { "A", "B", "S", "C", "A" })
        {
            g.Add(k);
        }

        Assert.That(g.Value, Is.EqualTo("A,B,S,C,A"));
        g.Remove("A");
        g.Add(null);
        Assert.That(g.Value, Is.EqualTo("B,S,C,A"));
        g.Reset();
        Assert.That(g.Value, Is.EqualTo(string.Empty));
    }
}
