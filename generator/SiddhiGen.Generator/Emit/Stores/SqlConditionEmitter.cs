using System;
using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// A condition (or a <c>set</c> value) compiled for a store: the SQL text, the C# code of each of its parameters
/// (over the argument), and whether the SQL is the whole condition.
/// </summary>
internal sealed record SqlText(string? Sql, bool IsExact, IReadOnlyList<string> Parameters);

/// <summary>
/// Compiles a bound table condition to a parameterized SQL <c>WHERE</c> clause, as siddhi-store-rdbms compiles its
/// conditions: store attributes become quoted columns; every part that reads no store attribute (event values,
/// constants, functions of them) is computed in C# and bound as a parameter (<c>@p0</c>, ...), never spliced into
/// the text. Comparisons, <c>and</c>/<c>or</c>/<c>not</c>, <c>is null</c> and arithmetic translate, with Siddhi's
/// null rules (a comparison with null is false, <c>!=</c> with null true, division by zero null); a function of a
/// store attribute does not, and a top-level conjunct that does not translate is left to the C# condition the
/// store applies to the fetched rows (the SQL is then not exact).
/// </summary>
internal sealed class SqlConditionEmitter
{
    private readonly Func<ExpressionSpec, string?> _column;
    private readonly ExpressionEmitter _values;
    private readonly string _prefix;
    private readonly List<string> _parameters = new();

    /// <param name="column">The quoted column a store-attribute node reads, or null for any other node.</param>
    /// <param name="values">Writes the C# of a parameter's value (over the argument).</param>
    /// <param name="prefix">The parameter names' prefix: <c>p</c> for conditions, <c>s</c> for <c>set</c> values.</param>
    public SqlConditionEmitter(Func<ExpressionSpec, string?> column, ExpressionEmitter values, string prefix = "p")
    {
        _column = column;
        _values = values;
        _prefix = prefix;
    }

    /// <summary>Quotes a column or table name as the runtime's dialects do.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>The <c>WHERE</c> clause of the conjunction of <paramref name="conditions"/> (null ones skipped).</summary>
    public SqlText Where(IEnumerable<ExpressionSpec?> conditions)
    {
        var parts = new List<string>();
        var exact = true;
        foreach (var conjunct in conditions.Where(c => c is not null).SelectMany(c => Conjuncts(c!)))
        {
            var mark = _parameters.Count;
            var sql = Condition(conjunct, negated: false);
            if (sql is null)
            {
                _parameters.RemoveRange(mark, _parameters.Count - mark);
                exact = false;
            }
            else
            {
                parts.Add(sql);
            }
        }

        return new SqlText(parts.Count == 0 ? null : string.Join(" AND ", parts), exact, _parameters.ToList());
    }

    /// <summary>The SQL of a value (a <c>set</c> value), or null when it does not translate.</summary>
    public string? Value(ExpressionSpec value) => Operand(value);

    /// <summary>The parameters the SQL written so far uses, in order.</summary>
    public IReadOnlyList<string> Parameters => _parameters;

    private static IEnumerable<ExpressionSpec> Conjuncts(ExpressionSpec condition) =>
        condition is BinarySpec { Operator: BinaryOperator.And } and
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : new[] { condition };

    /// <summary>True when <paramref name="expression"/> reads this store (an <c>in</c> inside reads its own table, not this one).</summary>
    private bool ReadsStore(ExpressionSpec expression) => expression switch
    {
        InTableSpec => false,
        _ when _column(expression) is not null => true,
        BinarySpec b => ReadsStore(b.Left) || ReadsStore(b.Right),
        NotSpec n => ReadsStore(n.Operand),
        IsNullSpec i => ReadsStore(i.Operand),
        FunctionCallSpec f => f.Arguments.Any(ReadsStore),
        _ => SpecWalker.Descendants(expression).Skip(1).Any(ReadsStore),
    };

    /// <summary>
    /// A boolean as SQL. Outside <c>not</c>, SQL's unknown (null) already acts as false; under <c>not</c> each
    /// comparison is made two-valued first, so <c>not (x &gt; 1)</c> is true when x is null, as in Siddhi.
    /// </summary>
    private string? Condition(ExpressionSpec condition, bool negated)
    {
        if (!ReadsStore(condition))
        {
            return $"({Parameter(_values.Condition(condition))} = TRUE)";
        }

        switch (condition)
        {
            case BinarySpec { Operator: BinaryOperator.And or BinaryOperator.Or } logical:
                var left = Condition(logical.Left, negated);
                var right = left is null ? null : Condition(logical.Right, negated);
                return right is null ? null : $"({left} {(logical.Operator == BinaryOperator.And ? "AND" : "OR")} {right})";

            case NotSpec not:
                var operand = Condition(not.Operand, !negated);
                return operand is null ? null : $"(NOT {operand})";

            case IsNullSpec isNull:
                var tested = Operand(isNull.Operand);
                return tested is null ? null : $"({tested} IS NULL)";

            case BinarySpec { Operator: BinaryOperator.NotEqual } notEqual:
                var equal = Comparison(notEqual with { Operator = BinaryOperator.Equal });
                return equal is null ? null : $"(NOT COALESCE({equal}, FALSE))";

            case BinarySpec comparison when comparison.Operator >= BinaryOperator.Less:
                var sql = Comparison(comparison);
                return sql is null ? null : negated ? $"COALESCE({sql}, FALSE)" : sql;

            default:
                // A boolean store attribute on its own.
                var value = condition.Type == AttributeType.Bool ? Operand(condition) : null;
                return value is null ? null : negated ? $"COALESCE({value} = TRUE, FALSE)" : $"({value} = TRUE)";
        }
    }

    private string? Comparison(BinarySpec comparison)
    {
        var left = Operand(comparison.Left);
        var right = left is null ? null : Operand(comparison.Right);
        if (right is null)
        {
            return null;
        }

        var op = comparison.Operator switch
        {
            BinaryOperator.Less => "<",
            BinaryOperator.LessOrEqual => "<=",
            BinaryOperator.Greater => ">",
            BinaryOperator.GreaterOrEqual => ">=",
            _ => "=",
        };
        return $"({left} {op} {right})";
    }

    /// <summary>A value as SQL: a column, an arithmetic of columns and values, or a parameter for what reads no store attribute.</summary>
    private string? Operand(ExpressionSpec expression)
    {
        if (_column(expression) is { } column)
        {
            return column;
        }

        if (!ReadsStore(expression))
        {
            return Parameter(_values.Emit(expression));
        }

        if (expression is not BinarySpec arithmetic || arithmetic.Operator > BinaryOperator.Modulo)
        {
            return null;
        }

        // SQL's % truncates like Java's only for integers; a float modulo stays in C#.
        if (arithmetic.Operator == BinaryOperator.Modulo && arithmetic.OperandType is not (AttributeType.Int or AttributeType.Long))
        {
            return null;
        }

        var left = Operand(arithmetic.Left);
        var right = left is null ? null : Operand(arithmetic.Right);
        if (right is null)
        {
            return null;
        }

        return arithmetic.Operator switch
        {
            BinaryOperator.Add => $"({left} + {right})",
            BinaryOperator.Subtract => $"({left} - {right})",
            BinaryOperator.Multiply => $"({left} * {right})",
            BinaryOperator.Divide => $"({left} / NULLIF({right}, 0))",
            _ => $"({left} % NULLIF({right}, 0))",
        };
    }

    /// <summary>Adds a parameter computed by <paramref name="code"/>; returns its SQL name.</summary>
    public string ParameterOf(string code) => Parameter(code);

    private string Parameter(string code)
    {
        _parameters.Add(code);
        return "@" + _prefix + (_parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
