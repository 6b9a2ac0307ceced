namespace BundleBudget.EndToEnd.Tests;

/// <summary>The budget.json the README suggests for each kind of .NET front end, read from the README itself so that what it suggests is what is tested.</summary>
internal static class ReadmeExamples
{
    /// <summary>The first JSON block after the paragraph that starts with <c>**<paramref name="kind"/>**</c>.</summary>
    public static string BudgetFor(string kind)
    {
        var readme = File.ReadAllText(Path.Combine(TestAssets.RepositoryRoot, "README.md"));
        var paragraph = readme.IndexOf($"**{kind}**", StringComparison.Ordinal);
        Assert.That(paragraph, Is.GreaterThanOrEqualTo(0), $"the README has no paragraph on {kind}");
        var start = readme.IndexOf("```json", paragraph, StringComparison.Ordinal) + "```json".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        var next = readme.IndexOf("\n**", paragraph + 2, StringComparison.Ordinal);
        Assert.That(start, Is.LessThan(next < 0 ? int.MaxValue : next), $"the README suggests no budget.json for {kind}");
        return readme[start..end];
    }
}
