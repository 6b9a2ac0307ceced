using System.Reflection;
using System.Text.RegularExpressions;
using BundleBudget.Core.Analyses;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Tests.Reports;

public class DiagnosticCodesTests
{
    /// <summary>Every code constant of the engine: the check's own and those each analysis declares in its folder.</summary>
    private static IReadOnlyList<string> AllCodeConstants() =>
        typeof(DiagnosticCodes).Assembly.GetTypes()
            .Where(t => t == typeof(DiagnosticCodes) || t.Name.EndsWith("Diagnostics", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            .Select(f => (string)f.GetValue(null)!)
            .ToList();

    [Test]
    public void Every_code_is_unique_and_described_once_in_the_catalog()
    {
        var codes = AllCodeConstants();
        Assert.That(codes, Is.Unique);
        Assert.That(codes, Has.Count.GreaterThan(40));
        Assert.That(DiagnosticCatalog.All.Select(d => d.Code), Is.EquivalentTo(codes));
        Assert.That(DiagnosticCatalog.All.Select(d => d.Name), Is.Unique);
    }

    [Test]
    public void Each_analysis_declares_the_codes_of_its_own_range()
    {
        foreach (var analysis in AnalysisRegistry.All)
        {
            Assert.That(analysis.Descriptors, Is.Not.Empty, analysis.Title);
            Assert.That(analysis.Descriptors.Select(d => d.Code[..3]).Distinct(), Is.EquivalentTo(new[] { analysis.Descriptors[0].Code[..3] }), analysis.Title);
            Assert.That(analysis.CodesInSection, Is.SubsetOf(analysis.Descriptors.Select(d => d.Code)), analysis.Title);
        }

        var ranges = new Dictionary<char, DiagnosticCategory[]>
        {
            ['1'] = [DiagnosticCategory.Sizes, DiagnosticCategory.Pages, DiagnosticCategory.Content],
            ['2'] = [DiagnosticCategory.Imports, DiagnosticCategory.Bundles],
            ['3'] = [DiagnosticCategory.Images, DiagnosticCategory.Fonts],
            ['4'] = [DiagnosticCategory.Timings],
            ['9'] = [DiagnosticCategory.Configuration, DiagnosticCategory.Environment],
        };
        Assert.That(DiagnosticCatalog.All.Where(d => !ranges[d.Code[2]].Contains(d.Category)).Select(d => d.Code), Is.Empty);
    }

    [Test]
    public void The_README_documents_every_code_with_its_default_severity_and_whether_it_is_configurable()
    {
        var readme = File.ReadAllText(Path.Combine(TestAssets.RepositoryRoot, "README.md"));
        var rows = Regex.Matches(readme, @"^\| (BB\d{4}) \| ([^|]+) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            Assert.That(rows.ContainsKey(descriptor.Code), descriptor.Code + " is not in the README's table");
            var severity = rows[descriptor.Code];
            Assert.That(severity, Does.StartWith(descriptor.DefaultSeverity.ToString().ToLowerInvariant()), descriptor.Code);
            Assert.That(severity.Contains("(configurable)", StringComparison.Ordinal), Is.EqualTo(descriptor.Configurable), descriptor.Code);
        }

        Assert.That(rows.Keys.Where(code => DiagnosticCatalog.Find(code) is null), Is.Empty, "codes in the README that BundleBudget does not have");
    }

    [Test]
    public void A_finding_takes_its_section_severity_only_when_its_code_may_be_configured()
    {
        Assert.That(new AssetFinding(Images.ImageDiagnostics.ModernFormat, "m", null).ToDiagnostic("a.png", Severity.Error).Severity, Is.EqualTo(Severity.Error));
        Assert.That(new AssetFinding(Images.ImageDiagnostics.Unreadable, "m", null).ToDiagnostic("a.png", Severity.Error).Severity, Is.EqualTo(Severity.Warning));
        Assert.That(new AssetFinding(Fonts.FontDiagnostics.Unreadable, "m", null).ToDiagnostic("a.woff2", Severity.Error).Severity, Is.EqualTo(Severity.Warning));
    }
}
