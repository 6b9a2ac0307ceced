using System.Reflection;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Tests.Reports;

public class DiagnosticCodesTests
{
    private static IReadOnlyList<string> AllCodes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

    [Test]
    public void Every_code_is_unique_has_a_description_for_SARIF_and_is_in_the_README()
    {
        var codes = AllCodes();
        Assert.That(codes, Is.Unique);
        Assert.That(DiagnosticDescriptions.Codes, Is.EquivalentTo(codes));
        var readme = File.ReadAllText(Path.Combine(TestAssets.RepositoryRoot, "README.md"));
        Assert.That(codes.Where(c => !readme.Contains($"| {c} |", StringComparison.Ordinal)), Is.Empty);
    }
}
