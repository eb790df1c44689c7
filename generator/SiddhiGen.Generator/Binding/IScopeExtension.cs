using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Gives some syntax a meaning only a particular scope has, such as <c>first.price</c> or
/// <c>eventTimestamp(last)</c> inside an expression window (see <see cref="ExpressionScope.Extension"/>).
/// </summary>
internal interface IScopeExtension
{
    /// <summary>
    /// Binds <paramref name="syntax"/> when it is one of the extension's forms: true with the bound node, or
    /// true with null after reporting an error. False leaves the node (and its children) to the binder.
    /// </summary>
    bool TryBind(ExpressionSyntax syntax, ExpressionScope scope, out ExpressionSpec? bound);
}
