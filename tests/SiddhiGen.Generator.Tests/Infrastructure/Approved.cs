using System.Text;

namespace SiddhiGen.Generator.Tests;

/// <summary>
/// Snapshot testing without Verify: compares text with an approved file in Snapshots/. On a mismatch
/// it writes <c>NAME.received.cs</c> beside it and fails with the first differing line. Set
/// <c>SIDDHIGEN_ACCEPT=1</c> to overwrite the approved file with what was received.
/// </summary>
internal static class Approved
{
    public static void Verify(string actual, string name)
    {
        var folder = Path.Combine(RepositoryPaths.TestProject, "Snapshots");
        var approvedPath = Path.Combine(folder, name + ".approved.cs");
        var receivedPath = Path.Combine(folder, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable("SIDDHIGEN_ACCEPT") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approvedPath, actual, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        Assert.Fail(approved is null
            ? $"No approved file {approvedPath}; wrote {receivedPath}. Review it and rename it to .approved.cs (or run with SIDDHIGEN_ACCEPT=1)."
            : $"{name} differs from the approved file ({FirstDifference(approved, actual)}); see {receivedPath}.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"line {i + 1}: expected `{el.Trim()}`, got `{al.Trim()}`";
            }
        }

        return "same lines";
    }
}
