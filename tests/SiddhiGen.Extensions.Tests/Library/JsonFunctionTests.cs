using System.Text.Json.Nodes;
using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions.Tests.Library;

/// <summary>json: the documented examples of siddhi-execution-json 5.0 (single-quoted JSON, as they are written), paths, nulls and errors.</summary>
public sealed class JsonFunctionTests
{
    private const string John = "{'name' : 'John', 'married' : true}";
    private const string Aged = "{'name' : 'John', 'age' : 23}";
    private const string Salaried = "{'name' : 'John', 'salary' : 12000.0}";
    private const string Addressed = "{'name' : 'John', 'address' : {'city' : 'NY', 'country' : 'USA'}}";

    [Test]
    public void DocumentedExamples()
    {
        Assert.That(JsonFunctions.GetBool(John, "$.married"), Is.True);
        Assert.That(JsonFunctions.GetBool(John, "$.name"), Is.Null);
        Assert.That(JsonFunctions.GetBool(John, "$.foo"), Is.Null);
        Assert.That(JsonFunctions.GetDouble(Salaried, "$.salary"), Is.EqualTo(12000.0));
        Assert.That(JsonFunctions.GetDouble(Aged, "$.salary"), Is.Null);
        Assert.That(JsonFunctions.GetDouble(Aged, "$.name"), Is.Null);
        Assert.That(JsonFunctions.GetFloat(Salaried, "$.salary"), Is.EqualTo(12000f));
        Assert.That(JsonFunctions.GetInt(Aged, "$.age"), Is.EqualTo(23));
        Assert.That(JsonFunctions.GetInt(Aged, "$.salary"), Is.Null);
        Assert.That(JsonFunctions.GetInt(Aged, "$.name"), Is.Null);
        Assert.That(JsonFunctions.GetLong(Aged, "$.age"), Is.EqualTo(23L));
        Assert.That(JsonFunctions.ToString(JsonFunctions.GetObject(Addressed, "$.address")), Is.EqualTo("""{"city":"NY","country":"USA"}"""));
        Assert.That(JsonFunctions.GetObject(Aged, "$.age"), Is.EqualTo(23));
        Assert.That(JsonFunctions.GetObject(Aged, "$.salary"), Is.Null);
        Assert.That(JsonFunctions.GetString(Aged, "$.name"), Is.EqualTo("John"));
        Assert.That(JsonFunctions.GetString(Aged, "$.salary"), Is.Null);
        Assert.That(JsonFunctions.GetString(Aged, "$.age"), Is.EqualTo("23"));
        Assert.That(JsonFunctions.GetString(Addressed, "$.address"), Is.EqualTo("""{"city":"NY","country":"USA"}"""));
        Assert.That(JsonFunctions.IsExists(Aged, "$.name"), Is.True);
        Assert.That(JsonFunctions.IsExists(Aged, "$.salary"), Is.False);
        Assert.That(JsonFunctions.ToString(JsonFunctions.SetElement(John, "$", "{'country' : 'USA'}", "address")), Is.EqualTo("""{"name":"John","married":true,"address":{"country":"USA"}}"""));
        Assert.That(JsonFunctions.ToString(JsonFunctions.SetElement(John, "$", 40, "age")), Is.EqualTo("""{"name":"John","married":true,"age":40}"""));
        Assert.That(JsonFunctions.ToString(JsonFunctions.SetElement("{'name' : 'John', 'married' : true, 'age' : 40}", "$", 45, "age")), Is.EqualTo("""{"name":"John","married":true,"age":45}"""));
        Assert.That(JsonFunctions.ToString(JsonFunctions.SetElement("{'name' : 'John', 'items' : ['pen']}", "$.items", "book")), Is.EqualTo("""{"name":"John","items":["pen","book"]}"""));
        Assert.That(JsonFunctions.ToString(JsonFunctions.ToObject("{'name' : 'John', 'age' : 23}")), Is.EqualTo("""{"name":"John","age":23}"""));
        Assert.That(JsonFunctions.ToString(JsonFunctions.ToObject("{\"name\":\"John\"}"), true), Is.EqualTo("\"{\\u0022name\\u0022:\\u0022John\\u0022}\"").Or.EqualTo("\"{\\\"name\\\":\\\"John\\\"}\""));
        Assert.That(JsonFunctions.ToString(JsonFunctions.ToObject("{\"name\":\"John\"}"), false), Is.EqualTo("{\"name\":\"John\"}"));
    }

    [Test]
    public void JaywayPaths()
    {
        const string store = """{"store":{"book":[{"title":"A","price":8},{"title":"B","price":12},{"title":"C","price":20}],"bicycle":{"price":19.95}}}""";
        Assert.That(JsonFunctions.GetString(store, "$.store.book[1].title"), Is.EqualTo("B"));
        Assert.That(JsonFunctions.GetString(store, "$['store']['book'][-1]['title']"), Is.EqualTo("C"));
        Assert.That(JsonFunctions.GetDouble(store, "$.store.bicycle.price"), Is.EqualTo(19.95));
        Assert.That(JsonFunctions.ToString(JsonFunctions.GetObject(store, "$.store.book[*].title")), Is.EqualTo("""["A","B","C"]"""));
        Assert.That(JsonFunctions.ToString(JsonFunctions.GetObject(store, "$..price")), Is.EqualTo("""[8,12,20,19.95]"""));
        Assert.That(JsonFunctions.ToString(JsonFunctions.GetObject(store, "$.store.book[0:2].price")), Is.EqualTo("[8,12]"));
    }

    [Test]
    public void GroupAggregatorsCollectTheWindowsElements()
    {
        var group = new JsonGroupAggregator();
        group.Add("{'a' : 1}");
        group.Add("{'a' : 2}");
        Assert.That(group.Value, Is.EqualTo("""[{"a":1},{"a":2}]"""));
        group.Remove("{'a' : 1}");
        Assert.That(group.Value, Is.EqualTo("""[{"a":2}]"""));
        var asObject = new JsonGroupAsObjectAggregator();
        asObject.Add("{'a' : 1}");
        Assert.That(asObject.Value, Is.InstanceOf<JsonArray>());
    }

    [Test]
    public void NullsAndErrors()
    {
        Assert.That(JsonFunctions.ToObject("{bad"), Is.Null);
        Assert.That(JsonFunctions.ToObject(null), Is.Null);
        Assert.That(() => JsonFunctions.GetInt("{bad", "$.a"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("not a valid JSON"));
        Assert.That(() => JsonFunctions.GetInt(null, "$.a"), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => JsonFunctions.GetInt("{}", null), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => JsonFunctions.GetInt("{}", "$.a[?(@.b)]"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("filter"));
        Assert.That(() => JsonFunctions.ToString("{}", null), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(JsonFunctions.GetString("{'a' : null}", "$.a"), Is.Null);
        Assert.That(JsonFunctions.IsExists("{'a' : null}", "$.a"), Is.True);
    }
}
