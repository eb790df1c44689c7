namespace SiddhiGen.Conformance.Reporting;

/// <summary>
/// The list of case ids known to pass (<c>known-passing.txt</c>: sorted, one id per line; blank lines
/// and lines starting with <c>#</c> are ignored). A listed id that stops passing fails the run; the
/// list only grows.
/// </summary>
public static class Ratchet
{
    public static SortedSet<string> Read(string path) =>
        File.Exists(path)
            ? new SortedSet<string>(
                File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')),
                StringComparer.Ordinal)
            : new SortedSet<string>(StringComparer.Ordinal);

    /// <param name="listed">The ids in the ratchet file.</param>
    /// <param name="outcomes">Every case that ran: id, whether it passed, and its status and detail.</param>
    /// <param name="allCasesRan">False when a filter (<c>--area</c>, <c>--id</c>) left cases out: listed ids that did not run are then not failures.</param>
    public static RatchetCheck Check(IReadOnlySet<string> listed, IEnumerable<(string Id, bool Passed, string Why)> outcomes, bool allCasesRan)
    {
        var ran = outcomes.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var regressions = new List<(string Id, string Why)>();
        var notRun = new List<string>();
        foreach (var id in listed)
        {
            if (ran.TryGetValue(id, out var outcome))
            {
                if (!outcome.Passed)
                {
                    regressions.Add((id, outcome.Why));
                }
            }
            else if (allCasesRan)
            {
                regressions.Add((id, "not found among the cases"));
            }
            else
            {
                notRun.Add(id);
            }
        }

        var newlyPassing = ran.Values.Where(o => o.Passed && !listed.Contains(o.Id)).Select(o => o.Id).Order(StringComparer.Ordinal).ToList();
        return new RatchetCheck(regressions, newlyPassing, notRun);
    }

    /// <summary>Adds <paramref name="passing"/> to the file's ids and writes them back sorted; never removes one.</summary>
    /// <returns>How many ids were added.</returns>
    public static int Update(string path, IEnumerable<string> passing)
    {
        var ids = Read(path);
        var before = ids.Count;
        ids.UnionWith(passing);
        File.WriteAllLines(path, ids);
        return ids.Count - before;
    }

    public static void Print(RatchetCheck check, int listed, TextWriter writer)
    {
        writer.WriteLine($"ratchet: {listed} listed, {check.Regressions.Count} no longer pass, {check.NewlyPassing.Count} pass but are not listed" +
            (check.NotRun.Count > 0 ? $", {check.NotRun.Count} not run (filtered out)" : ""));
        foreach (var (id, why) in check.Regressions)
        {
            writer.WriteLine($"  REGRESSED {id}: {why}");
        }

        foreach (var id in check.NewlyPassing)
        {
            writer.WriteLine($"  new pass  {id}");
        }
    }
}

/// <param name="Regressions">Listed ids that did not pass, with their status and detail.</param>
/// <param name="NewlyPassing">Ids that passed but are not listed, sorted.</param>
/// <param name="NotRun">Listed ids a filter left out.</param>
public sealed record RatchetCheck(IReadOnlyList<(string Id, string Why)> Regressions, IReadOnlyList<string> NewlyPassing, IReadOnlyList<string> NotRun)
{
    public bool Failed => Regressions.Count > 0;
}
