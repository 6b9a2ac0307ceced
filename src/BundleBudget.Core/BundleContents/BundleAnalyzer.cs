using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.BundleContents;

/// <summary>A whole library found inside a built bundle through its source map.</summary>
public sealed record BundledLibraryFinding(Asset Bundle, ImportRule Rule, string Package, string Source, long PackageBytes, long BundleBytes, Severity Severity)
{
    public Diagnostic ToDiagnostic()
    {
        var fix = Rule.Fix(new ModuleReference(Package, ImportForm.Default, 0, 0, [], null, TypeOnly: false));
        var share = BundleBytes == 0 ? 0 : PackageBytes * 100.0 / BundleBytes;
        return new Diagnostic(
            DiagnosticCodes.WholeLibraryBundled,
            Severity,
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{Bundle.Path} contains the whole of {Package} ({Source}): {Budgets.ByteSize.Format(PackageBytes)} of its {Budgets.ByteSize.Format(BundleBytes)} ({share:0}%, raw). Find the import that pulls it in, then {fix}."),
            Bundle.FullPath);
    }
}

public sealed record BundleAnalysis(IReadOnlyList<BundleComposition> Bundles, IReadOnlyList<BundledLibraryFinding> Findings, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static BundleAnalysis None { get; } = new([], [], []);
}

/// <summary>
/// Reads the source map of every script bundle, attributes the bundle's bytes to the sources they came from, and
/// flags bundles that hold a whole library (BB2002). A map that cannot be read is BB2004; a bundle without one is
/// simply not analysed.
/// </summary>
public static partial class BundleAnalyzer
{
    private const long MaxMapBytes = 256L * 1024 * 1024;

    public static BundleAnalysis Analyze(string outputFolder, IReadOnlyList<Asset> assets, ImportSettings settings)
    {
        var compositions = new ConcurrentBag<BundleComposition>();
        var findings = new ConcurrentBag<BundledLibraryFinding>();
        var problems = new ConcurrentBag<Diagnostic>();
        var scripts = assets.Where(a => a.Type == AssetType.Script).ToList();
        Parallel.ForEach(scripts, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, script =>
        {
            try
            {
                var composition = Compose(outputFolder, script);
                if (composition is null)
                {
                    return;
                }

                compositions.Add(composition);
                foreach (var finding in FindWholeLibraries(script, composition, settings))
                {
                    findings.Add(finding);
                }
            }
            catch (InvalidDataException e)
            {
                problems.Add(Diagnostic.Warning(DiagnosticCodes.SourceMapNotRead, $"The source map of {script.Path} could not be read ({e.Message}); what this bundle contains is unknown.", script.FullPath));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(Diagnostic.Warning(DiagnosticCodes.SourceMapNotRead, $"The source map of {script.Path} could not be read: {e.Message}", script.FullPath));
            }
        });

        var orderedFindings = findings.OrderBy(f => f.Bundle.Path, StringComparer.Ordinal).ThenBy(f => f.Package, StringComparer.Ordinal).ToList();
        return new BundleAnalysis(
            compositions.OrderBy(c => c.Bundle, StringComparer.Ordinal).ToList(),
            orderedFindings,
            problems.OrderBy(p => p.File, StringComparer.Ordinal).Concat(orderedFindings.Select(f => f.ToDiagnostic())).ToList());
    }

    private static IEnumerable<BundledLibraryFinding> FindWholeLibraries(Asset script, BundleComposition composition, ImportSettings settings)
    {
        foreach (var rule in settings.Rules.Where(r => r.BundledSources.Count > 0))
        {
            foreach (var (source, _) in composition.Sources)
            {
                var package = BundleComposition.PackageOf(source, out var modulePath);
                if (package is null || !rule.BundledSources.Any(g => g.IsMatch(modulePath)) || settings.IsAllowed(package, script.Path))
                {
                    continue;
                }

                var packageBytes = composition.Packages.Where(p => p.Package == package).Sum(p => p.Bytes);
                yield return new BundledLibraryFinding(script, rule, package, "node_modules/" + modulePath, packageBytes, composition.Bytes, settings.Severity);
                break;
            }
        }
    }

    private static BundleComposition? Compose(string outputFolder, Asset script)
    {
        var generated = File.ReadAllText(script.FullPath, Encoding.UTF8);
        var (mapJson, mapName) = LocateMap(outputFolder, script, generated);
        if (mapJson is null)
        {
            return null;
        }

        var map = SourceMap.Parse(mapJson);
        var bySource = new long[map.Sources.Count];
        long unmapped = 0;
        var lineIndex = 0;
        foreach (var line in generated.Split('\n'))
        {
            var segments = lineIndex < map.Lines.Count ? map.Lines[lineIndex] : [];
            var mappedFrom = segments.Count == 0 ? line.Length : Math.Min(segments[0].Column, line.Length);
            unmapped += Encoding.UTF8.GetByteCount(line.AsSpan(0, mappedFrom)) + 1;
            for (var i = 0; i < segments.Count; i++)
            {
                var start = Math.Min(segments[i].Column, line.Length);
                var end = i + 1 < segments.Count ? Math.Min(segments[i + 1].Column, line.Length) : line.Length;
                var bytes = end > start ? Encoding.UTF8.GetByteCount(line.AsSpan(start, end - start)) : 0;
                if (segments[i].Source >= 0)
                {
                    bySource[segments[i].Source] += bytes;
                }
                else
                {
                    unmapped += bytes;
                }
            }

            lineIndex++;
        }

        unmapped--; // the last line has no newline after it
        var sources = map.Sources.Select((source, index) => (source, bySource[index])).Where(s => s.Item2 > 0).ToList();
        var packages = sources
            .GroupBy(s => BundleComposition.PackageOf(s.source, out _) ?? BundleComposition.AppSources)
            .Select(g => new PackageShare(g.Key, g.Sum(s => s.Item2)))
            .Append(new PackageShare(BundleComposition.Unmapped, Math.Max(0, unmapped)))
            .Where(p => p.Bytes > 0)
            .OrderByDescending(p => p.Bytes).ThenBy(p => p.Package, StringComparer.Ordinal)
            .ToList();
        return new BundleComposition(script.Path, mapName, Encoding.UTF8.GetByteCount(generated), packages, sources);
    }

    /// <summary>The map named by the bundle's sourceMappingURL comment (a file or an inline data: URL), else "bundle.js.map".</summary>
    private static (byte[]? Json, string Name) LocateMap(string outputFolder, Asset script, string generated)
    {
        var tail = generated.Length > 4096 ? generated[^4096..] : generated;
        var match = SourceMappingUrl().Matches(tail).LastOrDefault();
        var url = match?.Groups["url"].Value;
        if (url is not null && url.StartsWith("data:", StringComparison.Ordinal))
        {
            var comma = url.IndexOf(',');
            var isBase64 = url[..Math.Max(comma, 0)].EndsWith(";base64", StringComparison.Ordinal);
            var payload = comma < 0 ? string.Empty : url[(comma + 1)..];
            try
            {
                return (isBase64 ? Convert.FromBase64String(payload) : Encoding.UTF8.GetBytes(Uri.UnescapeDataString(payload)), "inline");
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"the inline data: URL is not valid Base64: {e.Message}", e);
            }
        }

        var folder = Path.GetDirectoryName(script.FullPath)!;
        var candidate = url is not null && !url.Contains("://", StringComparison.Ordinal)
            ? Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(url.Split('?', '#')[0])))
            : script.FullPath + ".map";
        if (!File.Exists(candidate))
        {
            return (null, string.Empty);
        }

        var length = new FileInfo(candidate).Length;
        if (length > MaxMapBytes)
        {
            throw new InvalidDataException($"it is {Budgets.ByteSize.Format(length)}, larger than BundleBudget reads");
        }

        return (File.ReadAllBytes(candidate), Path.GetRelativePath(outputFolder, candidate).Replace('\\', '/'));
    }

    [GeneratedRegex(@"//[#@]\s*sourceMappingURL=(?<url>\S+)\s*(?:\*/)?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SourceMappingUrl();
}
