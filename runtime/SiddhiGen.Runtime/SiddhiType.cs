namespace SiddhiGen.Runtime;

/// <summary>The seven attribute types of SiddhiQL. Every value may also be null.</summary>
public enum SiddhiType : byte
{
    String,
    Int,
    Long,
    Float,
    Double,
    Bool,
    Object,
}
