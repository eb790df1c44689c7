namespace SiddhiGen.Extensions.Tests.Scripting;

/// <summary><c>define function f[javascript] return T { ... }</c> through the generator, run on Jint.</summary>
public sealed class JavaScriptFunctionTests
{
    [Test]
    public void ScriptFunctionsRunWithTheirDeclaredTypes()
    {
        const string app = """
            define function concatFn[javascript] return string {
                var str1 = data[0];
                var str2 = data[1];
                var str3 = data[2];
                var res = str1 + str2 + str3;
                return res;
            };
            define function half[JavaScript] return int { return data[0] / 2; };
            define function isBig[javascript] return bool { return data[0] > 100; };
            define stream In (symbol string, price float, volume long);
            from In[isBig(volume)]
            select concatFn(symbol, '-', price) as label, half(volume) as halfVolume
            insert into Out;
            """;
        using var h = ExtensionApp.Start(app, "Out").Send("In", "IBM", 50.5f, 201L).Send("In", "WSO2", 1f, 3L);
        Assert.That(h.Rows, Is.EqualTo(new[] { new object?[] { "IBM-50.5", 100 } }));
    }

    [Test]
    public void NullsReachTheScriptAndNullComesBack()
    {
        const string app = """
            define function orDefault[javascript] return double { if (data[0] == null) { return null; } return data[0] * 2; };
            define stream In (x double);
            from In select orDefault(x) as y insert into Out;
            """;
        using var h = ExtensionApp.Start(app, "Out").Send("In", 1.5).Send("In", [null]);
        Assert.That(h.Rows.Select(r => r[0]), Is.EqualTo(new object?[] { 3.0, null }));
    }

    [Test]
    public void AScriptErrorIsAProcessingError()
    {
        const string app = """
            @OnError(action='STREAM')
            define stream In (x int);
            define function boom[javascript] return int { throw new Error('no ' + data[0]); };
            from In select boom(x) as y insert into Out;
            from !In select x, _error insert into Faults;
            """;
        var build = ExtensionApp.Run(app);
        var type = build.Assembly!.GetTypes().Single(t => typeof(Runtime.SiddhiApp).IsAssignableFrom(t));
        using var h = new ExtensionApp.Harness(type, "Out");
        var faults = new List<object?[]>();
        h.App.Subscribe("Faults", e => faults.Add(e.Data));
        h.Send("In", 7);
        Assert.That(h.Rows, Is.Empty);
        Assert.That(faults.Single()[1]?.ToString(), Does.Contain("no 7"));
    }

    [Test]
    public void ASyntaxErrorFailsTheAppsCreation()
    {
        var build = ExtensionApp.Run("define function bad[javascript] return int { return (; };\ndefine stream In (x int); from In select bad(x) as y insert into Out;");
        var type = build.Assembly!.GetTypes().Single(t => typeof(Runtime.SiddhiApp).IsAssignableFrom(t));
        var error = Assert.Catch(() => Activator.CreateInstance(type, [null]));
        Assert.That(error!.ToString(), Does.Contain("bad: the JavaScript body does not compile"));
    }

    [Test]
    public void OtherLanguagesAreNotSupportedYet()
    {
        var build = ExtensionApp.Run("define function f[scala] return int { 1 };\ndefine stream In (x int); from In select f(x) as y insert into Out;");
        var error = build.Errors.Single();
        Assert.That(error.Id, Is.EqualTo("SIDDHI001"));
        Assert.That(error.GetMessage(), Does.Contain("script language 'scala'"));
        Assert.That(error.Location.GetLineSpan().StartLinePosition, Is.EqualTo(new Microsoft.CodeAnalysis.Text.LinePosition(0, 18)));
    }

    [Test]
    public void WithoutTheScriptingReferenceTheFunctionIsALocatedError()
    {
        var build = ExtensionApp.Run("define function f[javascript] return int { return 1; };\ndefine stream In (x int); from In select f(x) as y insert into Out;", scripting: false);
        var error = build.Errors.Single();
        Assert.That(error.Id, Is.EqualTo("SIDDHI091"));
        Assert.That(error.GetMessage(), Does.Contain("Function 'f' is written in JavaScript").And.Contain("SiddhiGen.Scripting"));
        Assert.That(error.Location.GetLineSpan().StartLinePosition, Is.EqualTo(new Microsoft.CodeAnalysis.Text.LinePosition(0, 18)));
    }
}
