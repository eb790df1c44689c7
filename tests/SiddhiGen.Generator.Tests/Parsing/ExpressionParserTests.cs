using SiddhiGen.Generator.Parsing;
using static SiddhiGen.Generator.Tests.Parsing.ParsingTestHelpers;

namespace SiddhiGen.Generator.Tests.Parsing;

public sealed class ExpressionParserTests
{
    [TestCase("a + b * c", "(+ a (* b c))")]
    [TestCase("a * b + c", "(+ (* a b) c)")]
    [TestCase("a - b - c", "(- (- a b) c)")]
    [TestCase("a / b % c", "(% (/ a b) c)")]
    [TestCase("(a + b) * c", "(* (+ a b) c)")]
    [TestCase("a + 1 > b * 2", "(> (+ a 1i) (* b 2i))")]
    [TestCase("a < b == b >= a", "(== (< a b) (>= b a))")]
    [TestCase("a == 1 and b != 2 or c == 'x'", "(or (and (== a 1i) (!= b 2i)) (== c 'x'))")]
    [TestCase("a or b and c", "(or a (and b c))")]
    [TestCase("not a > 1", "(> (not a) 1i)")]
    [TestCase("not (a > 1)", "(not (> a 1i))")]
    [TestCase("not a is null", "(not (isnull a))")]
    [TestCase("not not a", "(not (not a))")]
    [TestCase("a == b in Tab", "(in (== a b) Tab)")]
    [TestCase("a > 1 and Tab.a == a in Tab", "(and (> a 1i) (in (== Tab.a a) Tab))")]
    [TestCase("a - -1", "(- a -1i)")]
    [TestCase("a*-2.5", "(* a -2.5d)")]
    [TestCase("a -1", "(- a 1i)")]
    public void Precedence_and_associativity(string expression, string expected)
    {
        Assert.That(Show(Expression(expression)), Is.EqualTo(expected));
    }

    [TestCase("1", "1i")]
    [TestCase("-2147483648", "-2147483648i")]
    [TestCase("+7", "7i")]
    [TestCase("10L", "10l")]
    [TestCase("-9223372036854775808L", "-9223372036854775808l")]
    [TestCase("1.5f", "1.5f")]
    [TestCase("1e3", "1000d")]
    [TestCase(".25", "0.25d")]
    [TestCase("2D", "2d")]
    [TestCase("TRUE", "true")]
    [TestCase("False", "false")]
    [TestCase("'single'", "'single'")]
    [TestCase("\"dou'ble\"", "'dou'ble'")]
    [TestCase("\"\"\"tri\"ple\"\"\"", "'tri\"ple'")]
    public void Literals(string literal, string expected)
    {
        Assert.That(Show(Expression("a == " + literal)), Is.EqualTo("(== a " + expected + ")"));
    }

    [Test]
    public void Literal_kinds_and_values()
    {
        var literal = (LiteralExpressionSyntax)((BinaryExpressionSyntax)Expression("a == -1.5f")).Right;
        Assert.That((literal.Kind, literal.Value, literal.Text), Is.EqualTo((LiteralKind.Float, (object)(-1.5f), "-1.5f")));
        var longLiteral = (LiteralExpressionSyntax)((BinaryExpressionSyntax)Expression("a == 5l")).Right;
        Assert.That(longLiteral.Value, Is.EqualTo(5L));
    }

    [TestCase("1 sec", 1000L)]
    [TestCase("1 hour 25 min", 5_100_000L)]
    [TestCase("2 sec 500 millisec", 2500L)]
    [TestCase("1 year 1 month 1 week 1 day", 403 * 86_400_000L)]
    [TestCase("3 MINUTES", 180_000L)]
    [TestCase("5 milliseconds", 5L)]
    public void Time_constants_are_long_milliseconds(string time, long milliseconds)
    {
        var constant = (TimeConstantExpressionSyntax)((BinaryExpressionSyntax)Expression("a == " + time)).Right;
        Assert.That(constant.Milliseconds, Is.EqualTo(milliseconds));
    }

    [Test]
    public void Functions()
    {
        Assert.That(Show(Expression("str:contains(c, 'x') and count() > 1 and f(*) == 1 and math:max(a, b + 1) > 0")),
            Is.EqualTo("(and (and (and str:contains(c, 'x') (> count() 1i)) (== f(*) 1i)) (> math:max(a, (+ b 1i)) 0i))"));
        Assert.That(Show(Expression("ifThenElse(a > 1, true, false)")), Is.EqualTo("ifThenElse((> a 1i), true, false)"));
    }

    [TestCase("S.a > 1", "(> S.a 1i)")]
    [TestCase("#S.a > 1", "(> #S.a 1i)")]
    [TestCase("!S.a > 1", "(> !S.a 1i)")]
    [TestCase("S#fn.a > 1", "(> S#fn.a 1i)")]
    [TestCase("S#fn[0].a > 1", "(> S#fn[0].a 1i)")]
    [TestCase("#S is null", "(isnull #S)")]
    [TestCase("f(a) is null", "(isnull f(a))")]
    [TestCase("null is null", "(isnull null)")]
    [TestCase("last > from", "(> last from)")]
    public void References(string expression, string expected)
    {
        Assert.That(Show(Expression(expression)), Is.EqualTo(expected));
    }

    [Test]
    public void Reference_spans_point_at_names()
    {
        var text = Definitions + "from S[S.a > 1] select a insert into O;";
        var app = ParseClean(text);
        var filter = (FilterHandlerSyntax)((SingleInputSyntax)((QuerySyntax)app.ExecutionElements[0]).Input).Handlers[0];
        var reference = (AttributeReferenceExpressionSyntax)((BinaryExpressionSyntax)filter.Condition).Left;
        Assert.That(app.GetText(reference), Is.EqualTo("S.a"));
        Assert.That(app.GetText(reference.Name), Is.EqualTo("a"));
        Assert.That(app.GetText(reference.Qualifier!), Is.EqualTo("S"));
        Assert.That(app.GetText(((BinaryExpressionSyntax)filter.Condition).OperatorSpan), Is.EqualTo(">"));
    }

    [Test]
    public void Placeholders_are_kept()
    {
        Assert.That(Show(Expression("a > ${THRESHOLD}")), Is.EqualTo("(> a ${THRESHOLD})"));
    }
}
