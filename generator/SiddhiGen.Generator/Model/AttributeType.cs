namespace SiddhiGen.Generator.Model;

/// <summary>The seven SiddhiQL attribute types, in Siddhi's numeric widening order where it applies.</summary>
public enum AttributeType
{
    String,
    Int,
    Long,
    Float,
    Double,
    Bool,
    Object,
}
