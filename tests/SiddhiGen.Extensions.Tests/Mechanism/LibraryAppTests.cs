namespace SiddhiGen.Extensions.Tests.Mechanism;

/// <summary>The standard libraries used from a <c>.siddhi</c> file, through the generator, as a ported app uses them.</summary>
public sealed class LibraryAppTests
{
    [Test]
    public void StringFunctionsRunAsTypedCalls()
    {
        const string app = """
            define stream In (symbol string, price double, volume long);
            from In
            select str:concat(symbol, '-', price) as label, str:upper(symbol) as upper, str:length(symbol) as len,
                   str:contains(symbol, 'SO') as has, str:replaceAll(symbol, '[0-9]+', '#') as masked
            insert into Out;
            """;
        using var h = ExtensionApp.Start(app, "Out").Send("In", "WSO2", 55.5, 10L).Send("In", "IBM", 100.0, 1L);
        Assert.That(h.Rows, Is.EqualTo(new[]
        {
            new object?[] { "WSO2-55.5", "WSO2", 4, true, "WSO#" },
            new object?[] { "IBM-100.0", "IBM", 3, false, "IBM" },
        }));
    }

    [Test]
    public void GeneratedCodeCallsTheMethodsDirectly()
    {
        var build = ExtensionApp.Run("define stream In (price double, n int); from In select math:round(price) as r, math:abs(n) as a insert into Out;");
        Assert.That(build.GeneratedSource, Does.Contain("global::SiddhiGen.Extensions.MathFunctions.Round(").And.Contain("global::SiddhiGen.Extensions.MathFunctions.Abs((double?)"));
        Assert.That(build.GeneratedSource, Does.Not.Contain("Invoke(").And.Not.Contain("GetMethod("));
    }

    [Test]
    public void MathRoundFollowsJava()
    {
        const string app = "define stream In (d double, f float); from In select math:round(d) as rd, math:round(f) as rf, math:power(d, 2) as sq insert into Out;";
        using var h = ExtensionApp.Start(app, "Out").Send("In", -2.5, 2.5f).Send("In", null, null);
        Assert.That(h.Rows[0], Is.EqualTo(new object?[] { -2L, 3, 6.25 }));
        Assert.That(h.Rows[1], Is.EqualTo(new object?[] { null, null, null }));
    }

    [Test]
    public void MapsAndListsTravelAsObjects()
    {
        const string app = """
            define stream In (k string, v int);
            from In
            select map:get(map:put(map:create('a', 1), k, v), k) as got, map:size(map:create(k, v, 'x', 2)) as size,
                   list:size(list:create(k, v, 3)) as n, map:toJSON(map:create('price', 100.0, 'name', k)) as json
            insert into Out;
            """;
        using var h = ExtensionApp.Start(app, "Out").Send("In", "b", 7);
        Assert.That(h.Rows[0], Is.EqualTo(new object?[] { 7, 2, 3, """{"price":100,"name":"b"}""" }));
    }

    [Test]
    public void RegexFunctionsBridgeJavaSyntax()
    {
        const string app = """
            define stream In (s string);
            from In[regex:matches('\p{Alpha}+[0-9]*', s)]
            select regex:group('(\d+)', s, 1) as digits, regex:find('\QWS\E', s) as hasWs
            insert into Out;
            """;
        using var h = ExtensionApp.Start(app, "Out").Send("In", "WSO2").Send("In", "2X").Send("In", "abc");
        Assert.That(h.Rows, Is.EqualTo(new[] { new object?[] { "2", true }, new object?[] { null, false } }));
    }

    [Test]
    public void LibraryAggregatorsWorkInWindows()
    {
        const string app = "define stream In (k string); from In#window.length(2) select str:groupConcat(k) as keys insert into Out;";
        using var h = ExtensionApp.Start(app, "Out").Send("In", "A").Send("In", "B").Send("In", "C");
        Assert.That(h.Rows.Select(r => r[0]), Is.EqualTo(new[] { "A", "A,B", "B,C" }));
    }

    [Test]
    public void AFunctionErrorGoesToTheStreamsErrorHandling()
    {
        const string app = """
            @OnError(action='STREAM')
            define stream In (s string, i int);
            from In select str:charAt(s, i) as c insert into Out;
            from !In select s, _error insert into Faults;
            """;
        var build = ExtensionApp.Run(app);
        Assert.That(build.Errors, Is.Empty);
        var type = build.Assembly!.GetTypes().Single(t => typeof(Runtime.SiddhiApp).IsAssignableFrom(t));
        using var outHarness = new ExtensionApp.Harness(type, "Out");
        var faults = new List<object?[]>();
        outHarness.App.Subscribe("Faults", e => faults.Add(e.Data));
        outHarness.Send("In", "WSO2", 1).Send("In", "WSO2", 9);
        Assert.That(outHarness.Rows.Select(r => r[0]), Is.EqualTo(new[] { "S" }));
        Assert.That(faults, Has.Count.EqualTo(1));
        Assert.That(faults[0][1]?.ToString(), Does.Contain("str:charAt"));
    }

    [Test]
    public void AnUnknownFunctionListsTheNamespace()
    {
        var build = ExtensionApp.Run("define stream In (s string);\nfrom In select str:lowr(s) as l insert into Out;");
        var error = build.Errors.Single();
        Assert.That(error.Id, Is.EqualTo("SIDDHI040"));
        Assert.That(error.GetMessage(), Does.Contain("'str:lowr' does not exist").And.Contain("lower").And.Contain("concat"));
        Assert.That(error.Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(1));
        Assert.That(error.Location.GetLineSpan().StartLinePosition.Character, Is.EqualTo(15));
    }

    [Test]
    public void AnUnknownNamespaceListsTheKnownOnes()
    {
        var build = ExtensionApp.Run("define stream In (s string); from In select strng:lower(s) as l insert into Out;");
        Assert.That(build.Errors.Single().GetMessage(), Does.Contain("namespace 'strng'").And.Contain("math, regex, str"));
    }

    [Test]
    public void WrongArgumentTypesAreLocatedAtTheCall()
    {
        var build = ExtensionApp.Run("define stream In (s string, b bool);\nfrom In select str:repeat(s, b) as r insert into Out;");
        var error = build.Errors.Single();
        Assert.That(error.Id, Is.EqualTo("SIDDHI039"));
        Assert.That(error.GetMessage(), Does.Contain("Function 'str:repeat' takes (string input, int times)"));
        Assert.That(error.Location.GetLineSpan().StartLinePosition, Is.EqualTo(new Microsoft.CodeAnalysis.Text.LinePosition(1, 15)));
    }

    [Test]
    public void ConstantParametersRejectAttributes()
    {
        var build = ExtensionApp.Run("define stream In (l long); from In select math:rand(l) as r insert into Out;");
        Assert.That(build.Errors.Single().GetMessage(), Does.Contain("constant long seed"));
    }
}
