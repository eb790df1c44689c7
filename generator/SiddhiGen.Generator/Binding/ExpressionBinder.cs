using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;
using SyntaxOperator = SiddhiGen.Generator.Parsing.BinaryOperator;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds expressions: resolves attribute names, types every node with Siddhi's rules and reports what
/// is wrong at the exact span. Returns null for an expression that has an error (already reported).
/// </summary>
internal sealed partial class ExpressionBinder
{
    private readonly BindingContext _context;

    public ExpressionBinder(BindingContext context) => _context = context;

    public ExpressionSpec? Bind(ExpressionSyntax syntax, ExpressionScope scope) =>
        scope.Extension is { } extension && extension.TryBind(syntax, scope, out var extended) ? extended : syntax switch
    {
        LiteralExpressionSyntax literal => BindLiteral(literal),
        TimeConstantExpressionSyntax time => new ConstantSpec(AttributeType.Long, time.Milliseconds.ToString(CultureInfo.InvariantCulture)),
        AttributeReferenceExpressionSyntax attribute => BindAttribute(attribute, scope),
        BinaryExpressionSyntax binary => BindBinary(binary, scope),
        NotExpressionSyntax not => BindNot(not, scope),
        IsNullExpressionSyntax isNull => BindIsNull(isNull, scope),
        FunctionCallExpressionSyntax call => BindCall(call, scope),
        InExpressionSyntax @in => BindIn(@in, scope),
        PlaceholderExpressionSyntax placeholder => Unsupported("${" + placeholder.Name + "} variable", placeholder),
        StreamReferenceExpressionSyntax stream => Unsupported("stream reference '" + stream.Stream.Name.Text + "'", stream),
        _ => Unsupported("expression", syntax),
    };

    /// <summary>Binds a condition (filter, having) and checks that it is bool.</summary>
    public ExpressionSpec? BindCondition(ExpressionSyntax syntax, ExpressionScope scope)
    {
        var bound = Bind(syntax, scope);
        if (bound is not null && bound.Type != AttributeType.Bool)
        {
            _context.Report(DiagnosticDescriptors.ConditionNotBool, syntax.Span, scope.Place, TypeRules.Describe(bound.Type));
            return null;
        }

        return bound;
    }

    private ExpressionSpec? Unsupported(string construct, SyntaxNode node)
    {
        _context.NotSupported(construct, node.Span);
        return null;
    }

    private static ExpressionSpec BindLiteral(LiteralExpressionSyntax literal) => literal.Kind switch
    {
        LiteralKind.Int => new ConstantSpec(AttributeType.Int, System.Convert.ToInt32(literal.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        LiteralKind.Long => new ConstantSpec(AttributeType.Long, System.Convert.ToInt64(literal.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        LiteralKind.Float => new ConstantSpec(AttributeType.Float, System.Convert.ToSingle(literal.Value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
        LiteralKind.Double => new ConstantSpec(AttributeType.Double, System.Convert.ToDouble(literal.Value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
        LiteralKind.Bool => new ConstantSpec(AttributeType.Bool, System.Convert.ToBoolean(literal.Value, CultureInfo.InvariantCulture) ? "true" : "false"),
        _ => new ConstantSpec(AttributeType.String, literal.Value as string ?? literal.Text),
    };

    private ExpressionSpec? BindAttribute(AttributeReferenceExpressionSyntax syntax, ExpressionScope scope)
    {
        var name = syntax.Name.Text;
        if (syntax.Qualifier is { } qualifier)
        {
            if (qualifier.IsFault || qualifier.Index is not null || qualifier.Function is not null)
            {
                return Unsupported("reference '" + qualifier.Name.Text + "' with an index, function or inner/fault marker", syntax);
            }

            // An inner stream of a partition is read as #X (its sources are named so).
            var q = (qualifier.IsInner ? "#" : string.Empty) + qualifier.Name.Text;
            ScopeSource? source = null;
            foreach (var candidate in scope.Sources)
            {
                if (candidate.ReferenceName == q || (candidate.Alias is not null && candidate.Stream.Name == q && scope.Sources.Count == 1))
                {
                    source = candidate;
                    break;
                }
            }

            if (source is null)
            {
                _context.Report(DiagnosticDescriptors.UndefinedStream, qualifier.Name.Span, q);
                return null;
            }

            foreach (var attribute in source.Stream.Attributes)
            {
                if (attribute.Name == name)
                {
                    return ExpressionScope.Reference(source, attribute);
                }
            }

            _context.Report(DiagnosticDescriptors.UndefinedAttribute, syntax.Name.Span, name, "'" + q + "'");
            return null;
        }

        if (scope.Output is { } output)
        {
            // having and order by see the selected attributes first, by their output names.
            foreach (var projection in output)
            {
                if (projection.Attribute.Name == name)
                {
                    return new AttributeRefSpec(projection.Attribute.Type, name, projection.Attribute.PropertyName, RowSource.Output);
                }
            }
        }

        AttributeRefSpec? found = null;
        foreach (var source in scope.Sources)
        {
            foreach (var attribute in source.Stream.Attributes)
            {
                if (attribute.Name != name)
                {
                    continue;
                }

                if (found is not null)
                {
                    _context.Report(DiagnosticDescriptors.AmbiguousAttribute, syntax.Name.Span, name, scope.Sources[0].ReferenceName, source.ReferenceName);
                    return null;
                }

                found = ExpressionScope.Reference(source, attribute);
            }
        }

        if (found is null)
        {
            var where = scope.Sources.Count == 1 ? "stream '" + scope.Input.Name + "'" : "'" + string.Join("' or '", scope.Sources.Select(x => x.ReferenceName)) + "'";
            _context.Report(DiagnosticDescriptors.UndefinedAttribute, syntax.Name.Span, name, where);
        }

        return found;
    }

    private ExpressionSpec? BindBinary(BinaryExpressionSyntax syntax, ExpressionScope scope)
    {
        var left = Bind(syntax.Left, scope);
        var right = Bind(syntax.Right, scope);
        if (left is null || right is null)
        {
            return null;
        }

        var (op, symbol) = Map(syntax.Operator);
        switch (op)
        {
            case Model.BinaryOperator.And:
            case Model.BinaryOperator.Or:
                if (left.Type == AttributeType.Bool && right.Type == AttributeType.Bool)
                {
                    return new BinarySpec(AttributeType.Bool, op, left, right, AttributeType.Bool);
                }

                break;

            case Model.BinaryOperator.Equal:
            case Model.BinaryOperator.NotEqual:
                if (TypeRules.IsNumeric(left.Type) && TypeRules.IsNumeric(right.Type))
                {
                    return new BinarySpec(AttributeType.Bool, op, left, right, TypeRules.Widest(left.Type, right.Type));
                }

                if (left.Type == right.Type && left.Type is AttributeType.String or AttributeType.Bool)
                {
                    return new BinarySpec(AttributeType.Bool, op, left, right, left.Type);
                }

                break;

            case Model.BinaryOperator.Less:
            case Model.BinaryOperator.LessOrEqual:
            case Model.BinaryOperator.Greater:
            case Model.BinaryOperator.GreaterOrEqual:
                if (TypeRules.IsNumeric(left.Type) && TypeRules.IsNumeric(right.Type))
                {
                    return new BinarySpec(AttributeType.Bool, op, left, right, TypeRules.Widest(left.Type, right.Type));
                }

                break;

            default:
                if (TypeRules.IsNumeric(left.Type) && TypeRules.IsNumeric(right.Type))
                {
                    var type = TypeRules.Widest(left.Type, right.Type);
                    return new BinarySpec(type, op, left, right, type);
                }

                break;
        }

        _context.Report(DiagnosticDescriptors.OperatorTypeMismatch, syntax.OperatorSpan, symbol, TypeRules.Describe(left.Type), TypeRules.Describe(right.Type));
        return null;
    }

    private ExpressionSpec? BindNot(NotExpressionSyntax syntax, ExpressionScope scope)
    {
        var operand = Bind(syntax.Operand, scope);
        if (operand is null)
        {
            return null;
        }

        if (operand.Type != AttributeType.Bool)
        {
            _context.Report(DiagnosticDescriptors.ConditionNotBool, syntax.Operand.Span, "operand of 'not'", TypeRules.Describe(operand.Type));
            return null;
        }

        return new NotSpec(operand);
    }

    private ExpressionSpec? BindIsNull(IsNullExpressionSyntax syntax, ExpressionScope scope)
    {
        var operand = Bind(syntax.Operand, scope);
        return operand is null ? null : new IsNullSpec(operand);
    }

    private ExpressionSpec? BindCall(FunctionCallExpressionSyntax call, ExpressionScope scope)
    {
        var name = call.Name.Text;
        if (call.Namespace is not null)
        {
            return BindExtensionCall(call, scope);
        }

        if (TryBindScriptCall(call, scope, out var script))
        {
            return script;
        }

        if (BuiltIns.Aggregators.Contains(name))
        {
            return BindAggregator(call, scope);
        }

        if (name == "eventTimestamp" && call.Arguments.Length > 0)
        {
            return BindEventTimestamp(call, scope);
        }

        var arguments = new List<ExpressionSpec>();
        if (call.IsStar)
        {
            // f(*) passes every attribute of the input, in order.
            arguments.AddRange(scope.Sources.SelectMany(source => source.Stream.Attributes.Select(a => ExpressionScope.Reference(source, a))));
        }

        foreach (var argument in call.Arguments)
        {
            var bound = Bind(argument, scope);
            if (bound is null)
            {
                return null;
            }

            arguments.Add(bound);
        }

        return FunctionBinder.Bind(_context, call, arguments);
    }

    private ExpressionSpec? BindAggregator(FunctionCallExpressionSyntax call, ExpressionScope scope)
    {
        var name = call.Name.Text;
        if (scope.Aggregators is null)
        {
            _context.Report(DiagnosticDescriptors.AggregatorNotAllowed, call.Span, name, scope.Place);
            return null;
        }

        if (!BuiltIns.SupportedAggregators.Contains(name))
        {
            return Unsupported("aggregator '" + name + "'", call);
        }

        // Aggregator arguments are evaluated per event, so they may not hold aggregators themselves.
        var argumentScope = scope.WithPlace("argument of '" + name + "'");
        var arguments = new List<ExpressionSpec>();
        foreach (var argument in call.Arguments)
        {
            var bound = Bind(argument, argumentScope);
            if (bound is null)
            {
                return null;
            }

            arguments.Add(bound);
        }

        AttributeType? result = name switch
        {
            "count" when arguments.Count <= 1 => AttributeType.Long,
            "sum" when arguments.Count == 1 && arguments[0].Type is AttributeType.Int or AttributeType.Long => AttributeType.Long,
            "sum" when arguments.Count == 1 && arguments[0].Type is AttributeType.Float or AttributeType.Double => AttributeType.Double,
            "avg" when arguments.Count == 1 && TypeRules.IsNumeric(arguments[0].Type) => AttributeType.Double,
            "min" or "max" or "minForever" or "maxForever" when arguments.Count == 1 && TypeRules.IsNumeric(arguments[0].Type) => arguments[0].Type,
            "stdDev" when arguments.Count == 1 && TypeRules.IsNumeric(arguments[0].Type) => AttributeType.Double,
            "distinctCount" when arguments.Count == 1 && arguments[0].Type != AttributeType.Object => AttributeType.Long,
            "and" or "or" when arguments.Count == 1 && arguments[0].Type == AttributeType.Bool => AttributeType.Bool,
            "unionSet" when arguments.Count == 1 && arguments[0].Type == AttributeType.Object => AttributeType.Object,
            _ => null,
        };

        if (result is null)
        {
            var expects = name switch
            {
                "count" => "no argument or one argument",
                "distinctCount" => "one argument of type int, long, float, double, string or bool",
                "and" or "or" => "one bool argument",
                "unionSet" => "one object argument (a set made by createSet)",
                _ => "one numeric argument (int, long, float or double)",
            };
            _context.Report(DiagnosticDescriptors.WrongParameters, call.Span, "Aggregator '" + name + "'", expects);
            return null;
        }

        var aggregator = new AggregatorSpec(scope.Aggregators.Count, name, arguments.Count == 1 && name != "count" ? arguments[0] : null, result.Value);
        scope.Aggregators.Add(aggregator);
        return new AggregateRefSpec(result.Value, aggregator.Index);
    }

    private static (Model.BinaryOperator Operator, string Symbol) Map(SyntaxOperator op) => op switch
    {
        SyntaxOperator.Multiply => (Model.BinaryOperator.Multiply, "*"),
        SyntaxOperator.Divide => (Model.BinaryOperator.Divide, "/"),
        SyntaxOperator.Modulo => (Model.BinaryOperator.Modulo, "%"),
        SyntaxOperator.Add => (Model.BinaryOperator.Add, "+"),
        SyntaxOperator.Subtract => (Model.BinaryOperator.Subtract, "-"),
        SyntaxOperator.LessThan => (Model.BinaryOperator.Less, "<"),
        SyntaxOperator.LessThanOrEqual => (Model.BinaryOperator.LessOrEqual, "<="),
        SyntaxOperator.GreaterThan => (Model.BinaryOperator.Greater, ">"),
        SyntaxOperator.GreaterThanOrEqual => (Model.BinaryOperator.GreaterOrEqual, ">="),
        SyntaxOperator.Equal => (Model.BinaryOperator.Equal, "=="),
        SyntaxOperator.NotEqual => (Model.BinaryOperator.NotEqual, "!="),
        SyntaxOperator.And => (Model.BinaryOperator.And, "and"),
        _ => (Model.BinaryOperator.Or, "or"),
    };
}
