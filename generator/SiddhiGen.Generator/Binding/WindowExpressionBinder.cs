using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds the condition of <c>expression('...')</c> and <c>expressionBatch('...')</c> windows. The string constant
/// holds SiddhiQL; it is parsed here, at build time, and bound with the ordinary <see cref="ExpressionBinder"/> in
/// a scope where the stream's attributes read the event being evaluated, <c>first.attr</c>/<c>last.attr</c> and
/// <c>eventTimestamp(first|last)</c> read the oldest and newest events of the window, and aggregators are allowed
/// (they run in sliding mode over the window's contents). A condition that is not bool is an error, as in Siddhi
/// ("Expression ('...') does not return Bool").
/// </summary>
/// <remarks>
/// <para>Siddhi: <c>ExpressionWindowProcessor</c> and <c>ExpressionBatchWindowProcessor</c> parse the string with
/// <c>SiddhiCompiler.parseExpression</c> over a state event <c>[current, first, last]</c>.</para>
/// <para>When the condition is a string attribute instead of a constant, each event carries its own condition text:
/// the window parses it again whenever it changes. The runtime does that with this same binder (compiled into it
/// from this source, see <see cref="BindText"/>), so a condition means the same at run time as in a constant.</para>
/// </remarks>
internal sealed class WindowExpressionBinder : IScopeExtension
{
    private const string First = "first";
    private const string Last = "last";

    private readonly BindingContext _context;
    private readonly ExpressionBinder _expressions;

    public WindowExpressionBinder(BindingContext context, ExpressionBinder expressions)
    {
        _context = context;
        _expressions = expressions;
    }

    /// <summary>True for the windows whose first parameter is a condition this binder compiles.</summary>
    public static bool Handles(string window) => window is "expression" or "expressionBatch";

    /// <summary>The overloads of the two windows (called from <see cref="WindowBinder"/>'s parameter check).</summary>
    public static bool Matches(string window, IReadOnlyList<ExpressionSpec> a, out string expects)
    {
        if (window == "expression")
        {
            expects = "one string: the condition to keep events by, e.g. 'count() <= 10' (or a string attribute holding it)";
            return a.Count == 1 && IsCondition(a[0]);
        }

        expects = "a string condition, e.g. 'count() <= 10' (or a string attribute holding it), optionally include.triggering.event (a bool constant or attribute) and stream.current.event (a bool constant)";
        return a.Count is >= 1 and <= 3 && IsCondition(a[0])
            && (a.Count < 2 || a[1] is ConstantSpec { Type: AttributeType.Bool } or AttributeRefSpec { Type: AttributeType.Bool })
            && (a.Count < 3 || a[2] is ConstantSpec { Type: AttributeType.Bool });

        static bool IsCondition(ExpressionSpec e) => e is ConstantSpec { Type: AttributeType.String } or AttributeRefSpec { Type: AttributeType.String };
    }

    /// <summary>
    /// Parses and binds the condition of <paramref name="call"/> (whose arguments already passed
    /// <see cref="Matches"/>). Returns null after reporting what is wrong.
    /// </summary>
    /// <remarks>
    /// A condition held in a string attribute is returned as a spec whose <see cref="WindowExpressionSpec.Condition"/>
    /// is that attribute (a string, not a bool): the runtime parses and binds its value with <see cref="BindText"/>.
    /// </remarks>
    public WindowExpressionSpec? Bind(FunctionCallExpressionSyntax call, IReadOnlyList<ExpressionSpec> arguments, ExpressionScope scope)
    {
        var window = call.Name.Text;
        var argument = call.Arguments[0];
        if (arguments[0] is AttributeRefSpec attribute)
        {
            // Siddhi parses such a condition whenever the attribute's value changes; so does the runtime.
            return new WindowExpressionSpec(attribute.Name, attribute, EquatableArray<AggregatorSpec>.Empty);
        }

        if (argument is not LiteralExpressionSyntax { Kind: LiteralKind.String, Value: string text } literal)
        {
            _context.Report(DiagnosticDescriptors.WrongParameters, argument.Span, "Window '" + window + "'", "a string condition as its first parameter");
            return null;
        }

        var condition = Parse(literal, text);
        return condition is null ? null : BindParsed(window, text, condition, scope);
    }

    /// <summary>
    /// Parses and binds a condition given as text, such as the value of the attribute a window reads its condition
    /// from: what the runtime does when that value changes. Diagnostics are located in <paramref name="text"/>.
    /// </summary>
    /// <param name="window"><c>expression</c> or <c>expressionBatch</c>, for messages.</param>
    /// <param name="text">The condition, e.g. <c>count() &lt;= 10</c>.</param>
    /// <param name="scope">The window's input stream (its attributes are what unqualified names read).</param>
    /// <returns>The bound condition, or null after reporting what is wrong with it.</returns>
    public WindowExpressionSpec? BindText(string window, string text, ExpressionScope scope)
    {
        var parsed = SiddhiExpressionParser.Parse(_context.FilePath, text);
        _context.AddRange(parsed.Diagnostics);
        return parsed.Expression is null ? null : BindParsed(window, text, parsed.Expression, scope);
    }

    private WindowExpressionSpec? BindParsed(string window, string text, ExpressionSyntax condition, ExpressionScope scope)
    {
        var aggregators = new List<AggregatorSpec>();
        var conditionScope = new ExpressionScope(scope.Input, scope.Alias, "condition of window '" + window + "'")
        {
            Aggregators = aggregators,
            Extension = this,
        };
        var bound = _expressions.BindCondition(condition, conditionScope);
        return bound is null ? null : new WindowExpressionSpec(text, bound, new EquatableArray<AggregatorSpec>(aggregators));
    }

    /// <inheritdoc />
    public bool TryBind(ExpressionSyntax syntax, ExpressionScope scope, out ExpressionSpec? bound)
    {
        switch (syntax)
        {
            // first.price, last.volume
            case AttributeReferenceExpressionSyntax { Qualifier: { IsInner: false, IsFault: false, Index: null, Function: null } qualifier } reference
                when EventOf(qualifier.Name.Text) is { } windowEvent:
                var attribute = scope.Input.Attributes.FirstOrDefault(a => a.Name == reference.Name.Text);
                if (attribute is null)
                {
                    _context.Report(DiagnosticDescriptors.UndefinedAttribute, reference.Name.Span, reference.Name.Text, "stream '" + scope.Input.Name + "'");
                    bound = null;
                }
                else
                {
                    bound = new WindowEventAttributeSpec(attribute.Type, windowEvent, attribute.Name, attribute.PropertyName);
                }

                return true;

            // eventTimestamp(first), eventTimestamp(last); eventTimestamp(S) is the evaluated event's.
            case FunctionCallExpressionSyntax { Namespace: null, Name.Text: "eventTimestamp", Arguments.Length: 1 } call
                when call.Arguments[0] is AttributeReferenceExpressionSyntax { Qualifier: null } reference:
                var name = reference.Name.Text;
                if (EventOf(name) is { } timestampEvent)
                {
                    bound = new WindowEventTimestampSpec(timestampEvent);
                    return true;
                }

                if (name == scope.Input.Name || name == scope.Alias)
                {
                    bound = new FunctionCallSpec(AttributeType.Long, "eventTimestamp", EquatableArray<ExpressionSpec>.Empty);
                    return true;
                }

                break;
        }

        bound = null;
        return false;
    }

    private static WindowEvent? EventOf(string name) => name switch
    {
        First => WindowEvent.First,
        Last => WindowEvent.Last,
        _ => null,
    };

    /// <summary>
    /// Parses the string constant's content as an expression whose spans are those of the app file: the text
    /// before the content is blanked to spaces (string literals have no escapes, so offsets map one to one).
    /// </summary>
    private ExpressionSyntax? Parse(LiteralExpressionSyntax literal, string text)
    {
        var quote = literal.Text.StartsWith("\"\"\"", System.StringComparison.Ordinal) ? 3 : 1;
        var start = literal.Span.Start + quote;
        var parsed = SiddhiExpressionParser.Parse(_context.FilePath, new string(' ', start) + text);

        // Line positions were computed over the blanked text: locate them again in the app.
        _context.AddRange(parsed.Diagnostics.Select(d => d.Location is null ? d : d with { Location = _context.Locate(d.Location.Span) }));
        return parsed.Expression;
    }
}
