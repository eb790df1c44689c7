using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Tests.Parsing;

public sealed class TimeConstantTests
{
    [TestCase("100 millisecond", 100L)]
    [TestCase("2 sec", 2000L)]
    [TestCase(" 1 hour 25 MINUTES ", 5_100_000L)]
    public void Whole_strings_that_are_time_constants(string text, long expected)
    {
        Assert.That(SiddhiParser.TryParseTimeConstant(text, out var milliseconds), Is.True);
        Assert.That(milliseconds, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("2")]
    [TestCase("1 sec 1 min")]
    [TestCase("1 sec x")]
    [TestCase("-1 sec")]
    [TestCase("99999999999 sec")]
    [TestCase("'1 sec'")]
    public void Anything_else_is_not(string text)
    {
        Assert.That(SiddhiParser.TryParseTimeConstant(text, out _), Is.False);
    }
}
