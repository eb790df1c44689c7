using SiddhiGen.Extensions;
using SiddhiGen.Runtime;

// The generator reads only the types listed here from this assembly (see SiddhiExtensionsAttribute).
[assembly: SiddhiExtensions(
    typeof(StringFunctions),
    typeof(GroupConcatAggregator),
    typeof(MathFunctions),
    typeof(RegexFunctions),
    typeof(MapFunctions),
    typeof(MapMergeAggregator),
    typeof(ListFunctions),
    typeof(TimeFunctions),
    typeof(UnitConversionFunctions),
    typeof(JsonFunctions),
    typeof(JsonGroupAggregator),
    typeof(JsonGroupAsObjectAggregator),
    typeof(UniqueEverWindow<,,>),
    typeof(UniqueFirstWindow<,,>),
    typeof(UniqueLengthWindow<,,>))]
