using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions.Tests.Library;

/// <summary>map: and list: the documented examples of siddhi-execution-map/-list 5.0, in-place changes, nulls and errors.</summary>
public sealed class MapAndListFunctionTests
{
    [Test]
    public void MapDocumentedExamples()
    {
        var stock = MapFunctions.Create("symbol", "IBM", "price", 200);
        Assert.That(MapFunctions.Size(stock), Is.EqualTo(2));
        Assert.That(MapFunctions.Get(stock, "symbol"), Is.EqualTo("IBM"));
        Assert.That(MapFunctions.Get(stock, "volume", 0L), Is.EqualTo(0L));
        Assert.That(MapFunctions.ContainsKey(stock, "price"), Is.True);
        Assert.That(MapFunctions.ContainsValue(stock, 200), Is.True);
        Assert.That(MapFunctions.ContainsValue(stock, 200L), Is.False, "Java's Integer(200) is not Long(200)");
        Assert.That(MapFunctions.IsMap(stock), Is.True);
        Assert.That(MapFunctions.IsMap("x"), Is.False);
        Assert.That(MapFunctions.Keys(stock), Is.EqualTo(new object[] { "symbol", "price" }));
        Assert.That(MapFunctions.Values(stock), Is.EqualTo(new object[] { "IBM", 200 }));
        Assert.That(MapFunctions.Put(stock, "volume", 100L), Is.SameAs(stock), "changed in place");
        Assert.That(MapFunctions.PutIfAbsent(stock, "volume", 5L), Is.SameAs(stock));
        Assert.That(MapFunctions.Get(stock, "volume"), Is.EqualTo(100L));
        MapFunctions.Replace(stock, "missing", 1);
        Assert.That(MapFunctions.ContainsKey(stock, "missing"), Is.False, "replace sets only present keys");
        MapFunctions.Remove(stock, "volume");
        Assert.That(MapFunctions.ToJSON(stock), Is.EqualTo("""{"symbol":"IBM","price":200}"""));
        var copy = MapFunctions.Clone(stock);
        MapFunctions.Clear(stock);
        Assert.That(MapFunctions.IsEmpty(stock), Is.True);
        Assert.That(MapFunctions.Size(copy), Is.EqualTo(2));
    }

    [Test]
    public void MapFromJsonIsNested()
    {
        var map = MapFunctions.CreateFromJSON("""{"symbol":"IBM","price":200,"volume":100000000000,"ratio":0.5,"tags":["a","b"],"meta":{"ok":true}}""");
        Assert.That(MapFunctions.Get(map, "price"), Is.EqualTo(200));
        Assert.That(MapFunctions.Get(map, "volume"), Is.EqualTo(100000000000L));
        Assert.That(MapFunctions.Get(map, "ratio"), Is.EqualTo(0.5));
        Assert.That(ListFunctions.Get(MapFunctions.Get(map, "tags"), 1), Is.EqualTo("b"));
        Assert.That(MapFunctions.Get(MapFunctions.Get(map, "meta"), "ok"), Is.EqualTo(true));
        Assert.That(MapFunctions.ToJSON(MapFunctions.Create("p", 100.0, "q", 1.25f, "n", null)), Is.EqualTo("""{"p":100,"q":1.25,"n":null}"""));
    }

    [Test]
    public void MapCombinesAndMerges()
    {
        var a = MapFunctions.Create("x", 1, "y", 2);
        var b = MapFunctions.Create("x", 3);
        var combined = MapFunctions.CombineByKey(a, b);
        Assert.That(MapFunctions.Get(combined, "x"), Is.EqualTo(new object?[] { 1, 3 }));
        Assert.That(MapFunctions.Get(combined, "y"), Is.EqualTo(new object?[] { 2, null }));

        var merge = new MapMergeAggregator();
        merge.Add(a);
        merge.Add(b);
        Assert.That(MapFunctions.Get(merge.Value, "x"), Is.EqualTo(3));
        merge.Remove(b);
        Assert.That(MapFunctions.Get(merge.Value, "x"), Is.EqualTo(1));
    }

    [Test]
    public void MapErrors()
    {
        Assert.That(() => MapFunctions.Size("x"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("must be a map"));
        Assert.That(() => MapFunctions.Size(null), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => MapFunctions.Create("a"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("pairs"));
        Assert.That(() => MapFunctions.CreateFromJSON("{bad"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("Invalid JSON"));
        Assert.That(() => MapFunctions.CreateFromJSON("[1]"), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => MapFunctions.Put(MapFunctions.Create(), null, 1), Throws.TypeOf<SiddhiExtensionException>());
    }

    [Test]
    public void ListDocumentedExamples()
    {
        var list = ListFunctions.Create("WSO2", "IBM", "XYZ");
        Assert.That(ListFunctions.Size(list), Is.EqualTo(3));
        Assert.That(ListFunctions.Get(list, 1), Is.EqualTo("IBM"));
        Assert.That(ListFunctions.Get(list, 7), Is.Null);
        Assert.That(ListFunctions.Contains(list, "XYZ"), Is.True);
        Assert.That(ListFunctions.IndexOf(list, "XYZ"), Is.EqualTo(2));
        Assert.That(ListFunctions.Add(list, "WSO2"), Is.SameAs(list));
        Assert.That(ListFunctions.LastIndexOf(list, "WSO2"), Is.EqualTo(3));
        ListFunctions.Add(list, "ABC", 0);
        Assert.That(ListFunctions.Get(list, 0), Is.EqualTo("ABC"));
        ListFunctions.Remove(list, "WSO2");
        Assert.That(list, Is.EqualTo(new object[] { "ABC", "IBM", "XYZ", "WSO2" }));
        ListFunctions.Sort(list);
        Assert.That(list, Is.EqualTo(new object[] { "ABC", "IBM", "WSO2", "XYZ" }));
        ListFunctions.Sort(list, "DESC");
        Assert.That(list, Is.EqualTo(new object[] { "XYZ", "WSO2", "IBM", "ABC" }));
        var other = ListFunctions.Create("IBM", "ZZZ");
        Assert.That(ListFunctions.ContainsAny(list, other), Is.True);
        Assert.That(ListFunctions.ContainsAll(list, other), Is.False);
        ListFunctions.AddAll(list, other, true);
        Assert.That(ListFunctions.Size(list), Is.EqualTo(5));
        ListFunctions.RetainAll(list, ListFunctions.Create("IBM", "XYZ"));
        Assert.That(list, Is.EqualTo(new object[] { "XYZ", "IBM" }));
        ListFunctions.SetValue(list, 0, "A");
        ListFunctions.RemoveByIndex(list, 1);
        Assert.That(list, Is.EqualTo(new object[] { "A" }));
        ListFunctions.RemoveAll(list, ListFunctions.Create("A"));
        Assert.That(ListFunctions.IsEmpty(list), Is.True);
        Assert.That(ListFunctions.IsList(list), Is.True);
        Assert.That(ListFunctions.IsList(MapFunctions.Create()), Is.False);
        Assert.That(ListFunctions.Size(ListFunctions.Create()), Is.EqualTo(0));
    }

    [Test]
    public void ListErrors()
    {
        Assert.That(() => ListFunctions.Size("x"), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("must be a list"));
        Assert.That(() => ListFunctions.RemoveByIndex(ListFunctions.Create(), 0), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(() => ListFunctions.Sort(ListFunctions.Create(1, "a")), Throws.TypeOf<SiddhiExtensionException>().With.Message.Contains("cannot be compared"));
        Assert.That(() => ListFunctions.Sort(ListFunctions.Create(), "UP"), Throws.TypeOf<SiddhiExtensionException>());
        Assert.That(ListFunctions.Sort(ListFunctions.Create(3, null, 1)), Is.EqualTo(new object?[] { null, 1, 3 }));
    }
}
