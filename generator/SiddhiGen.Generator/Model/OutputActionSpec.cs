namespace SiddhiGen.Generator.Model;

/// <summary>
/// What a query does with its rows when it does not insert them into a stream: <see cref="InsertIntoTableSpec"/>,
/// <see cref="DeleteSpec"/>, <see cref="UpdateSpec"/>, <see cref="UpdateOrInsertSpec"/> or <see cref="ReturnSpec"/>.
/// Conditions and <c>set</c> values read the output row (<see cref="RowSource.Output"/>) and the table row
/// being matched (<see cref="StoreAttributeRefSpec"/>).
/// </summary>
public abstract record OutputActionSpec;

/// <summary><c>insert into T</c> where T is a table: each output row is added (dropped on a duplicate primary key).</summary>
public sealed record InsertIntoTableSpec(string Table) : OutputActionSpec;

/// <summary><c>delete T on cond</c>: each output row deletes the table rows it matches (all rows without <c>on</c>).</summary>
public sealed record DeleteSpec(string Table, ExpressionSpec? On) : OutputActionSpec;

/// <summary>
/// <c>update T set T.a = expr, ... on cond</c>. Without a <c>set</c> clause every table attribute is set from
/// the output attribute of the same name; <see cref="Set"/> then lists those assignments.
/// </summary>
public sealed record UpdateSpec(string Table, EquatableArray<SetAssignmentSpec> Set, ExpressionSpec On) : OutputActionSpec;

/// <summary><c>update or insert into T set ... on cond</c>: updates the matching rows, or inserts the output row when none match.</summary>
public sealed record UpdateOrInsertSpec(string Table, EquatableArray<SetAssignmentSpec> Set, ExpressionSpec On) : OutputActionSpec;

/// <summary><c>return [events]</c>: rows reach only the query's callbacks.</summary>
public sealed record ReturnSpec : OutputActionSpec;

/// <summary>One <c>T.a = expr</c> of a <c>set</c> clause: the table attribute and its new value.</summary>
public sealed record SetAssignmentSpec(AttributeSpec Target, ExpressionSpec Value);
