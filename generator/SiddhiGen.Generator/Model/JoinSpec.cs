namespace SiddhiGen.Generator.Model;

/// <summary>Which unmatched triggers still produce a row (padded with nulls on the other side).</summary>
public enum JoinKind
{
    Inner,
    LeftOuter,
    RightOuter,
    FullOuter,
}

/// <summary>
/// One side of a join: a stream with its filters and window, or a named window. <see cref="Path"/> is
/// the member of the joined event holding this side's event (<c>Left</c> or <c>Right</c>).
/// </summary>
public sealed record JoinSideSpec(
    string StreamName,
    string Path,
    bool IsNamedWindow,
    EquatableArray<ExpressionSpec> Filters,
    WindowSpec? Window,
    bool Triggers);

/// <summary>
/// <c>from L join R on cond</c>: an event arriving on a triggering side enters its window; each event
/// the window emits is matched against the other side's contents, one output chunk per trigger.
/// <see cref="Joined"/> describes the joined event the selector reads (both sides' events).
/// </summary>
public sealed record JoinSpec(JoinKind Kind, JoinSideSpec Left, JoinSideSpec Right, ExpressionSpec? On, StreamSpec Joined);
