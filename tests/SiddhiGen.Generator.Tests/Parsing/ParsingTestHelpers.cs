using System.Globalization;
using System.Text;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Tests.Parsing;

/// <summary>Small helpers shared by the parser tests: parse-and-assert-clean, and a compact expression printer.</summary>
internal static class ParsingTestHelpers
{
    /// <summary>Streams used by most query tests.</summary>
    public const string Definitions = "define stream S (a int, b double, c string); define stream T (x int); define table Tab (a int); ";

    public static AppSyntax ParseClean(string text)
    {
        var result = SiddhiParser.ParseApp("test.siddhi", text);
        Assert.That(result.Diagnostics, Is.Empty, "unexpected diagnostics: " + string.Join(" | ", result.Diagnostics));
        return result.App;
    }

    /// <summary>Parses <see cref="Definitions"/> + <paramref name="query"/> and returns its only query.</summary>
    public static QuerySyntax Query(string query)
    {
        var app = ParseClean(Definitions + query);
        Assert.That(app.ExecutionElements, Has.Length.EqualTo(1));
        return (QuerySyntax)app.ExecutionElements[0];
    }

    /// <summary>Parses <paramref name="expression"/> as the filter of a query and returns it.</summary>
    public static ExpressionSyntax Expression(string expression)
    {
        var query = Query("from S[" + expression + "] select a insert into O;");
        var input = (SingleInputSyntax)query.Input;
        return ((FilterHandlerSyntax)input.Handlers[0]).Condition;
    }

    public static ParseResult Parse(string text) => SiddhiParser.ParseApp("test.siddhi", text);

    /// <summary>A Lisp-like rendering of an expression tree, e.g. <c>(+ a (* b c))</c>.</summary>
    public static string Show(ExpressionSyntax expression) => expression switch
    {
        BinaryExpressionSyntax binary => "(" + Symbol(binary.Operator) + " " + Show(binary.Left) + " " + Show(binary.Right) + ")",
        NotExpressionSyntax not => "(not " + Show(not.Operand) + ")",
        IsNullExpressionSyntax isNull => "(isnull " + Show(isNull.Operand) + ")",
        InExpressionSyntax @in => "(in " + Show(@in.Condition) + " " + @in.Table.Text + ")",
        LiteralExpressionSyntax literal => literal.Kind switch
        {
            LiteralKind.String => "'" + literal.Value + "'",
            LiteralKind.Bool => (bool)literal.Value ? "true" : "false",
            _ => Convert.ToString(literal.Value, CultureInfo.InvariantCulture) + literal.Kind.ToString().Substring(0, 1).ToLowerInvariant(),
        },
        TimeConstantExpressionSyntax time => time.Milliseconds.ToString(CultureInfo.InvariantCulture) + "ms",
        AttributeReferenceExpressionSyntax reference => (reference.Qualifier is null ? string.Empty : ShowQualifier(reference.Qualifier) + ".") + reference.Name.Text,
        StreamReferenceExpressionSyntax stream => ShowQualifier(stream.Stream),
        FunctionCallExpressionSyntax call => call.FullName + "(" + (call.IsStar ? "*" : string.Join(", ", call.Arguments.Select(Show))) + ")",
        PlaceholderExpressionSyntax placeholder => "${" + placeholder.Name + "}",
        _ => expression.GetType().Name,
    };

    private static string ShowQualifier(StreamQualifierSyntax qualifier)
    {
        var builder = new StringBuilder();
        builder.Append(qualifier.IsInner ? "#" : qualifier.IsFault ? "!" : string.Empty).Append(qualifier.Name.Text);
        AppendIndex(builder, qualifier.Index);
        if (qualifier.Function is not null)
        {
            builder.Append('#').Append(qualifier.Function.Text);
            AppendIndex(builder, qualifier.FunctionIndex);
        }

        return builder.ToString();
    }

    private static void AppendIndex(StringBuilder builder, EventIndexSyntax? index)
    {
        if (index is not null)
        {
            builder.Append('[').Append(index.IsLast ? (index.Value == 0 ? "last" : "last-" + index.Value) : index.Value.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
    }

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.LessThan => "<",
        BinaryOperator.LessThanOrEqual => "<=",
        BinaryOperator.GreaterThan => ">",
        BinaryOperator.GreaterThanOrEqual => ">=",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.And => "and",
        _ => "or",
    };
}
