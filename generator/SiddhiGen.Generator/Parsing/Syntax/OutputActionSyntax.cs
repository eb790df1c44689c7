using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// What a query does with its rows: <see cref="InsertIntoSyntax"/>, <see cref="DeleteSyntax"/>,
/// <see cref="UpdateSyntax"/>, <see cref="UpdateOrInsertSyntax"/> or <see cref="ReturnSyntax"/>.
/// <see cref="EventType"/> is null when not written (the binder applies the default: current events,
/// or all events with <c>output snapshot</c>).
/// </summary>
public abstract class OutputActionSyntax : SyntaxNode
{
    protected OutputActionSyntax(OutputEventType? eventType, TextSpan span)
        : base(span) => EventType = eventType;

    public OutputEventType? EventType { get; }
}

/// <summary><c>insert [current|expired|all] events into X</c>; X may be <c>#Inner</c> or <c>!Fault</c>.</summary>
public sealed class InsertIntoSyntax : OutputActionSyntax
{
    public InsertIntoSyntax(OutputEventType? eventType, SourceSyntax target, TextSpan span)
        : base(eventType, span) => Target = target;

    public SourceSyntax Target { get; }
}

/// <summary><c>delete T [for ... events] [on cond]</c>.</summary>
public sealed class DeleteSyntax : OutputActionSyntax
{
    public DeleteSyntax(OutputEventType? eventType, SourceSyntax target, ExpressionSyntax? on, TextSpan span)
        : base(eventType, span)
    {
        Target = target;
        On = on;
    }

    public SourceSyntax Target { get; }

    public ExpressionSyntax? On { get; }
}

/// <summary><c>update T [for ... events] [set T.a = expr, ...] on cond</c>.</summary>
public sealed class UpdateSyntax : OutputActionSyntax
{
    public UpdateSyntax(OutputEventType? eventType, SourceSyntax target, ImmutableArray<SetAssignmentSyntax> set, ExpressionSyntax on, TextSpan span)
        : base(eventType, span)
    {
        Target = target;
        Set = set;
        On = on;
    }

    public SourceSyntax Target { get; }

    /// <summary>The <c>set</c> assignments; empty when there is no <c>set</c> clause.</summary>
    public ImmutableArray<SetAssignmentSyntax> Set { get; }

    public ExpressionSyntax On { get; }
}

/// <summary><c>update or insert into T [for ... events] [set T.a = expr, ...] on cond</c>.</summary>
public sealed class UpdateOrInsertSyntax : OutputActionSyntax
{
    public UpdateOrInsertSyntax(OutputEventType? eventType, SourceSyntax target, ImmutableArray<SetAssignmentSyntax> set, ExpressionSyntax on, TextSpan span)
        : base(eventType, span)
    {
        Target = target;
        Set = set;
        On = on;
    }

    public SourceSyntax Target { get; }

    /// <summary>The <c>set</c> assignments; empty when there is no <c>set</c> clause.</summary>
    public ImmutableArray<SetAssignmentSyntax> Set { get; }

    public ExpressionSyntax On { get; }
}

/// <summary><c>return [current|expired|all] events</c>: rows reach only query callbacks.</summary>
public sealed class ReturnSyntax : OutputActionSyntax
{
    public ReturnSyntax(OutputEventType? eventType, TextSpan span)
        : base(eventType, span)
    {
    }
}
