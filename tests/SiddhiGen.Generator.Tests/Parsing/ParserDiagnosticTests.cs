using SiddhiGen.Generator.Parsing;
using static SiddhiGen.Generator.Tests.Parsing.ParsingTestHelpers;

namespace SiddhiGen.Generator.Tests.Parsing;

/// <summary>Each syntax diagnostic: its ID, its exact line and column, and its message.</summary>
public sealed class ParserDiagnosticTests
{
    private static (string Id, int Line, int Column, string Message)[] Errors(string text) =>
        Parse(text).Diagnostics.Select(d => (d.Id, d.Location!.Line, d.Location.Column, d.Message)).ToArray();

    private static (string Id, int Line, int Column) Where((string Id, int Line, int Column, string Message) error) => (error.Id, error.Line, error.Column);

    private static (string Id, int Line, int Column, string Message) SingleError(string text)
    {
        var errors = Errors(text);
        Assert.That(errors, Has.Length.EqualTo(1), string.Join(" | ", errors));
        return errors[0];
    }

    [Test]
    public void SIDDHI010_missing_parenthesis_names_the_construct()
    {
        var error = SingleError("define stream S (a int\nfrom S select a insert into O;");
        Assert.That(error, Is.EqualTo(("SIDDHI010", 2, 1, "Expected ')' after the attribute list of stream 'S', found 'from'")));
    }

    [Test]
    public void SIDDHI010_unknown_attribute_type()
    {
        var error = SingleError("define stream S (a integer);");
        Assert.That(error, Is.EqualTo(("SIDDHI010", 1, 20, "Expected an attribute type (string, int, long, float, double, bool or object) after attribute 'a' of stream 'S', found 'integer'")));
    }

    [Test]
    public void SIDDHI010_missing_output_action()
    {
        var error = SingleError("define stream S (a int);\nfrom S select a;");
        Assert.That((error.Id, error.Line, error.Column), Is.EqualTo(("SIDDHI010", 2, 16)));
        Assert.That(error.Message, Is.EqualTo("Expected 'output', 'insert', 'delete', 'update' or 'return' in the query, found ';'"));
    }

    [Test]
    public void SIDDHI010_empty_annotation_and_double_semicolon()
    {
        Assert.That(Where(SingleError("@PrimaryKey() define table T (a int);")), Is.EqualTo(("SIDDHI010", 1, 13)));
        Assert.That(Where(SingleError("define stream S (a int);;")), Is.EqualTo(("SIDDHI010", 1, 25)));
    }

    [Test]
    public void SIDDHI010_join_side_filter_after_window()
    {
        var error = SingleError("define stream S (a int); define table T (a int);\nfrom S#window.length(1)[a == 1] join T select S.a insert into O;");
        Assert.That((error.Id, error.Line, error.Column), Is.EqualTo(("SIDDHI010", 2, 24)));
    }

    [Test]
    public void SIDDHI010_time_units_out_of_order()
    {
        var error = SingleError("define stream S (a int); from S#window.time(1 sec 2 min) select a insert into O;");
        Assert.That(error, Is.EqualTo(("SIDDHI010", 1, 51, "Time units must be written largest first, each at most once (e.g. '1 hour 25 min')")));
    }

    [Test]
    public void SIDDHI010_window_without_a_function()
    {
        Assert.That(Where(SingleError("define window W (a int) output;")), Is.EqualTo(("SIDDHI010", 1, 31)));
        Assert.That(Where(SingleError("define window W (a int) length(1) output;")), Is.EqualTo(("SIDDHI010", 1, 41)));
    }

    [Test]
    public void SIDDHI011_int_literal_out_of_range()
    {
        var error = SingleError("define stream S (a long);\nfrom S[a > 2147483648] select a insert into O;");
        Assert.That(error, Is.EqualTo(("SIDDHI011", 2, 12, "Integer literal '2147483648' is out of range")));
        Assert.That(Errors("define stream S (a long); from S[a > 2147483648L and a > -2147483648] select a insert into O;"), Is.Empty);
        Assert.That(SingleError("define stream S (a long); from S[a > 9223372036854775808L] select a insert into O;").Id, Is.EqualTo("SIDDHI011"));
    }

    [Test]
    public void SIDDHI012_unexpected_character()
    {
        Assert.That(SingleError("define stream S (a int);\nfrom S[a > 1] select a ^ insert into O;"), Is.EqualTo(("SIDDHI012", 2, 24, "Unexpected character '^'")));
    }

    [Test]
    public void SIDDHI013_unterminated_string()
    {
        var error = SingleError("define stream S (a string);\nfrom S[a == 'x] select a insert into O;");
        Assert.That(error, Is.EqualTo(("SIDDHI013", 2, 13, "Unterminated string literal: expected a closing ' on the same line")));
    }

    [Test]
    public void SIDDHI014_definition_after_a_query()
    {
        var error = SingleError("define stream S (a int);\nfrom S select a insert into O;\ndefine table T (a int);");
        Assert.That(error, Is.EqualTo(("SIDDHI014", 3, 14, "The definition of table 'T' must come before all queries and partitions")));
    }

    [Test]
    public void SIDDHI015_app_without_definitions()
    {
        Assert.That(Where(SingleError("@app:name('x')\nfrom S select a insert into O;")), Is.EqualTo(("SIDDHI015", 2, 1)));
        Assert.That(Where(SingleError("")), Is.EqualTo(("SIDDHI015", 1, 1)));
    }

    [Test]
    public void SIDDHI016_nesting_too_deep()
    {
        var deep = new string('(', 500) + "a" + new string(')', 500);
        var error = SingleError("define stream S (a int); from S[" + deep + " > 1] select a insert into O;");
        Assert.That(error.Id, Is.EqualTo("SIDDHI016"));
        Assert.That(error.Line, Is.EqualTo(1));

        var deepPattern = "define stream S (a int); from " + new string('(', 300) + "e1=S" + new string(')', 300) + " select a insert into O;";
        Assert.That(SingleError(deepPattern).Id, Is.EqualTo("SIDDHI016"));
        var deepNot = "define stream S (a bool); from S[" + string.Concat(Enumerable.Repeat("not ", 1000)) + "a] select a insert into O;";
        Assert.That(SingleError(deepNot).Id, Is.EqualTo("SIDDHI016"));
    }

    [Test]
    public void SIDDHI017_bare_outer_join()
    {
        var error = SingleError("define stream S (a int); define stream T (a int);\nfrom S#window.length(1) outer join T#window.length(1) on S.a == T.a select S.a insert into O;");
        Assert.That((error.Id, error.Line, error.Column), Is.EqualTo(("SIDDHI017", 2, 25)));
    }

    [Test]
    public void SIDDHI018_week_aggregation_duration()
    {
        var error = SingleError("define stream S (a int, ts long);\ndefine aggregation A from S select sum(a) as s aggregate by ts every week;");
        Assert.That(error, Is.EqualTo(("SIDDHI018", 2, 70, "'week' is not an aggregation duration; use sec, min, hour, day, month or year")));
    }

    [Test]
    public void SIDDHI019_unary_minus()
    {
        var error = SingleError("define stream S (a int);\nfrom S select -a as b insert into O;");
        Assert.That((error.Id, error.Line, error.Column), Is.EqualTo(("SIDDHI019", 2, 15)));
        Assert.That(error.Message, Does.StartWith("SiddhiQL has no unary '-'"));
    }

    [Test]
    public void Three_errors_in_one_file_are_all_reported_and_the_rest_still_parses()
    {
        var text =
            "define stream S (a int, b string);\n" +         // 1
            "define stream Broken (a int b int);\n" +       // 2: missing ','
            "define table T (a int);\n" +                   // 3
            "from S[a > ] select a insert into O1;\n" +     // 4: missing operand
            "from S select a insert into O2;\n" +           // 5
            "from S select a, b insert O3;\n" +             // 6: missing 'into'
            "from S select b insert into O4;";              // 7
        var result = Parse(text);
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location!.Line, d.Location.Column)), Is.EqualTo(new[]
        {
            ("SIDDHI010", 2, 29), ("SIDDHI010", 4, 12), ("SIDDHI010", 6, 27),
        }));
        Assert.That(result.Diagnostics[0].Message, Is.EqualTo("Expected ')' after the attribute list of stream 'Broken', found 'b'"));
        Assert.That(result.Diagnostics[1].Message, Is.EqualTo("Expected an expression after '>', found ']'"));
        Assert.That(result.Diagnostics[2].Message, Is.EqualTo("Expected 'into' after 'insert', found 'O3'"));
        Assert.That(result.App.Definitions.Select(d => d.Name.Text), Is.EqualTo(new[] { "S", "T" }));
        Assert.That(result.App.ExecutionElements.Cast<QuerySyntax>().Select(q => ((InsertIntoSyntax)q.Output).Target.Name.Text), Is.EqualTo(new[] { "O2", "O4" }));
    }

    [Test]
    public void Missing_semicolon_between_elements_is_reported_once()
    {
        var result = Parse("define stream S (a int)\ndefine stream T (a int);\nfrom S select a insert into O\nfrom T select a insert into P;");
        Assert.That(result.Diagnostics.Select(d => (d.Line(), d.Message)), Is.EqualTo(new[]
        {
            (2, "Expected ';' after the definition of stream 'S', found 'define'"),
            (4, "Expected ';' after the query, found 'from'"),
        }));
        Assert.That(result.App.Definitions, Has.Length.EqualTo(2));
        Assert.That(result.App.ExecutionElements, Has.Length.EqualTo(2));
    }

    [Test]
    public void Errors_inside_a_partition_keep_the_other_queries()
    {
        var result = Parse("define stream S (a int);\npartition with (a of S) begin\nfrom S[a >] select a insert into #I;\nfrom S select a insert into O;\nend;");
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location!.Line)), Is.EqualTo(new[] { ("SIDDHI010", 3) }));
        var partition = (PartitionSyntax)result.App.ExecutionElements.Single();
        Assert.That(partition.Queries, Has.Length.EqualTo(1));
    }

    [Test]
    public void App_annotation_in_the_wrong_place()
    {
        var error = SingleError("define stream S (a int);\n@app:name('late') define stream T (a int);");
        Assert.That(Where(error), Is.EqualTo(("SIDDHI010", 2, 1)));
    }

    [Test]
    public void End_of_file_errors_point_at_the_end()
    {
        var error = SingleError("define stream S (a int);\nfrom S select");
        Assert.That(error, Is.EqualTo(("SIDDHI010", 2, 14, "Expected an expression after 'select', found the end of the app")));
    }
}

internal static class DiagnosticInfoTestExtensions
{
    public static int Line(this SiddhiGen.Generator.Diagnostics.DiagnosticInfo diagnostic) => diagnostic.Location!.Line;
}
