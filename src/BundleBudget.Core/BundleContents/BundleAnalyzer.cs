using System.Collections.Concurrent;
using System.Text;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Content;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.BundleContents;

/// <summary>How a library got into a bundle: imported by the sources, or pulled in by another package of the bundle that depends on it.</summary>
/// <param name="Via">The package that pulls it in, or null when the sources import it themselves.</param>
/// <param name="ImportedAt">Where the sources import it (or <paramref name="Via"/>), when they do.</param>
public sealed record LibraryOrigin(string? Via, SourceReference? ImportedAt)
{
    public string Describe()
    {
        var at = ImportedAt is { } site ? $"imported at {site.RelativeFile}:{site.Reference.Line}:{site.Reference.Column}" : null;
        return Via is null ? at ?? "imported by the sources" : at is null ? Via : $"{Via} ({at})";
    }
}

/// <summary>A whole library found inside a built bundle through its source map.</summary>
public sealed record BundledLibraryFinding(Asset Bundle, ImportRule Rule, string Package, string Source, long PackageBytes, long BundleBytes, Severity Severity)
{
    /// <summary>What brought it in, as far as the sources, the bundle's other packages and their dependencies tell.</summary>
    public IReadOnlyList<LibraryOrigin> Origins { get; init; } = [];

    public Diagnostic ToDiagnostic()
    {
        var fix = Rule.Fix(new ModuleReference(Package, ImportForm.Default, 0, 0, [], null, TypeOnly: false));
        var share = BundleBytes == 0 ? 0 : PackageBytes * 100.0 / BundleBytes;
        var direct = Origins.Where(o => o.Via is null).Select(o => o.Describe()).ToList();
        var pulled = Origins.Where(o => o.Via is not null).Select(o => o.Describe()).ToList();
        var origin = (direct.Count, pulled.Count) switch
        {
            (0, 0) => "Find the import that pulls it in, then",
            (0, _) => $"It is pulled in by {Join(pulled)}: there,",
            (_, 0) => $"It is {Join(direct)}: there,",
            _ => $"It is {Join(direct)}, and pulled in by {Join(pulled)}: there,",
        };
        return new Diagnostic(
            BundleDiagnostics.WholeLibraryBundled,
            Severity,
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{Bundle.Path} contains the whole of {Package} ({Source}): {Budgets.ByteSize.Format(PackageBytes)} of its {Budgets.ByteSize.Format(BundleBytes)} ({share:0}%, raw). {origin} {fix}."),
            Bundle.FullPath);
    }

    private static string Join(List<string> parts) => parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
}

public sealed record BundleAnalysis(IReadOnlyList<BundleComposition> Bundles, IReadOnlyList<BundledLibraryFinding> Findings, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static BundleAnalysis None { get; } = new([], [], []);

    /// <summary>Packages bundled into two or more bundles (BB2006).</summary>
    public IReadOnlyList<DuplicatePackage> Duplicates { get; init; } = [];
}

/// <summary>
/// Reads the source map of every script bundle, attributes the bundle's bytes to the sources they came from, and
/// flags bundles that hold a whole library (BB2002). A map that cannot be read is BB2004; a bundle without one is
/// simply not analysed.
/// </summary>
public static class BundleAnalyzer
{
    public static BundleAnalysis Analyze(string outputFolder, IReadOnlyList<Asset> assets, ImportSettings settings, ImportAnalysis? imports = null)
    {
        var content = OutputContent.Uncached();
        content.Maps = new SourceMapLocator(outputFolder, assets.GroupBy(a => a.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
        return Analyze(assets, settings, imports, content);
    }

    /// <summary>The compositions come from the content's facts: computed once per bundle and map, or not at all when cached.</summary>
    internal static BundleAnalysis Analyze(IReadOnlyList<Asset> assets, ImportSettings settings, ImportAnalysis? imports, OutputContent content)
    {
        imports ??= ImportAnalysis.None;
        var compositions = new ConcurrentBag<BundleComposition>();
        var findings = new ConcurrentBag<BundledLibraryFinding>();
        var problems = new ConcurrentBag<Diagnostic>();
        var scripts = assets.Where(a => a.Type == AssetType.Script && a.IsCounted).ToList();
        var literalPackages = new Dictionary<Budgets.FileGlob, string?>(ReferenceEqualityComparer.Instance);
        foreach (var glob in settings.Rules.SelectMany(r => r.BundledSources))
        {
            literalPackages.TryAdd(glob, LiteralPackage(glob));
        }

        Parallel.ForEach(scripts, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, script =>
        {
            try
            {
                if (script.Length > ParseLimits.Script)
                {
                    if (HasSourceMap(script))
                    {
                        problems.Add(Diagnostic.Warning(DiagnosticCodes.FileTooLargeToParse, $"{script.Path} is not attributed through its source map: {ParseLimits.Over(script.Length, ParseLimits.Script)}. Its size is measured; whole libraries inside it are not looked for.", script.FullPath));
                    }

                    return;
                }

                if (content.Composition(script) is not { } found)
                {
                    return;
                }

                if (found.Facts.Problem is { } reason)
                {
                    // A hostile or broken map is this bundle's problem only: the rest of the check goes on.
                    problems.Add(Diagnostic.Warning(BundleDiagnostics.SourceMapNotRead, $"The source map of {script.Path} could not be read ({reason}); what this bundle contains is unknown.", script.FullPath));
                    return;
                }

                var composition = ToComposition(script.Path, found.MapName, found.Facts);
                compositions.Add(composition);
                foreach (var finding in FindWholeLibraries(script, composition, settings, literalPackages))
                {
                    findings.Add(finding with { Origins = Origins(finding.Package, composition, settings, imports) });
                }
            }
            catch (Exception e)
            {
                problems.Add(Diagnostic.Warning(BundleDiagnostics.SourceMapNotRead, $"The source map of {script.Path} could not be read ({e.GetType().Name}: {e.Message}); what this bundle contains is unknown.", script.FullPath));
            }
        });

        var orderedFindings = findings.OrderBy(f => f.Bundle.Path, StringComparer.Ordinal).ThenBy(f => f.Package, StringComparer.Ordinal).ToList();
        var ordered = compositions.OrderBy(c => c.Bundle, StringComparer.Ordinal).ToList();
        var duplicates = DuplicatePackage.Find(ordered, imports);
        var fullPaths = scripts.GroupBy(s => s.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().FullPath, StringComparer.Ordinal);
        return new BundleAnalysis(
            ordered,
            orderedFindings,
            problems.OrderBy(p => p.File, StringComparer.Ordinal)
                .Concat(orderedFindings.Select(f => f.ToDiagnostic()))
                .Concat(duplicates.Select(d => d.ToDiagnostic(fullPaths[d.Copies[0].Bundle])))
                .ToList())
        {
            Duplicates = duplicates,
        };
    }

    private static BundleComposition ToComposition(string bundle, string mapName, CompositionFacts facts)
    {
        var unmapped = facts.Bytes - facts.Sources.Sum(s => s.Bytes);
        var packages = facts.Sources
            .GroupBy(s => BundleComposition.PackageOf(s.Source, out _) ?? BundleComposition.AppSources)
            .Select(g => new PackageShare(g.Key, g.Sum(s => s.Bytes)))
            .Append(new PackageShare(BundleComposition.Unmapped, Math.Max(0, unmapped)))
            .Where(p => p.Bytes > 0)
            .OrderByDescending(p => p.Bytes).ThenBy(p => p.Package, StringComparer.Ordinal)
            .ToList();
        return new BundleComposition(bundle, mapName, facts.Bytes, packages, facts.Sources);
    }

    /// <summary>
    /// How a library came into a bundle: the sources' own imports of it, and the bundle's other packages that depend on
    /// it (by their package.json or the lockfile, or by a rule that knows it pulls the library in), with where the
    /// sources import those.
    /// </summary>
    private static IReadOnlyList<LibraryOrigin> Origins(string library, BundleComposition composition, ImportSettings settings, ImportAnalysis imports)
    {
        var origins = new List<LibraryOrigin>();
        if (imports.References.FirstOrDefault(r => r.Package == library) is { } direct)
        {
            origins.Add(new LibraryOrigin(null, direct));
        }

        var root = imports.Root;
        foreach (var package in composition.Packages.Select(p => p.Package).Where(p => p != library && p is not (BundleComposition.AppSources or BundleComposition.Unmapped)))
        {
            var dependsOnIt = (root is not null && imports.Packages?.Find(package, root) is { } installed && installed.Dependencies.Contains(library))
                || settings.Rules.Any(r => r.Pulls.Contains(library) && r.Modules.Any(m => m.IsMatch(package)));
            if (dependsOnIt)
            {
                origins.Add(new LibraryOrigin(package, imports.References.FirstOrDefault(r => r.Package == package)));
            }
        }

        // A package the sources import comes before one only found in the bundle.
        return origins.OrderBy(o => o.Via is null ? 0 : o.ImportedAt is null ? 2 : 1).ToList();
    }

    /// <summary>Whether a script has a source map, from its name's .map sibling or a sourceMappingURL comment in its last 4 kB.</summary>
    private static bool HasSourceMap(Asset script)
    {
        if (File.Exists(script.FullPath + ".map"))
        {
            return true;
        }

        try
        {
            using var stream = new FileStream(script.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Max(0, stream.Length - 4096), SeekOrigin.Begin);
            var tail = new byte[4096];
            var read = stream.ReadAtLeast(tail, tail.Length, throwOnEndOfStream: false);
            return Encoding.UTF8.GetString(tail, 0, read).Contains("sourceMappingURL=", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The package a module-path pattern names without a wildcard (<c>moment</c> in <c>moment/locale/*.js</c>), else null.</summary>
    private static string? LiteralPackage(Budgets.FileGlob glob)
    {
        var package = BundleComposition.PackageOf("node_modules/" + glob.Pattern, out _);
        return package is null || package.IndexOfAny(['*', '?', '[', '{', '!']) >= 0 || !glob.Pattern.StartsWith(package + "/", StringComparison.Ordinal) ? null : package;
    }

    /// <param name="literalPackages">What <see cref="LiteralPackage"/> says of each rule's patterns, worked out once.</param>
    private static IEnumerable<BundledLibraryFinding> FindWholeLibraries(Asset script, BundleComposition composition, ImportSettings settings, Dictionary<Budgets.FileGlob, string?> literalPackages)
    {
        var packaged = composition.Sources
            .Select(s => (Source: s.Source, Package: BundleComposition.PackageOf(s.Source, out var modulePath), ModulePath: modulePath))
            .Where(s => s.Package is not null)
            .ToList();
        if (packaged.Count == 0)
        {
            yield break;
        }

        var byPackage = packaged.ToLookup(s => s.Package!, StringComparer.Ordinal);
        foreach (var rule in settings.Rules.Where(r => r.BundledSources.Count > 0))
        {
            // The source named is the first of the rule's patterns that the bundle holds: moment/moment.js before a locale.
            // A pattern that names its package only needs that package's sources.
            var match = rule.BundledSources
                .Select(glob => (literalPackages[glob] is { } named ? byPackage[named] : packaged).FirstOrDefault(s => glob.IsMatch(s.ModulePath)))
                .FirstOrDefault(s => s.Package is not null);
            if (match.Package is not { } package || settings.IsAllowed(package, script.Path))
            {
                continue;
            }

            var packageBytes = composition.Packages.Where(p => p.Package == package).Sum(p => p.Bytes);
            yield return new BundledLibraryFinding(script, rule, package, "node_modules/" + match.ModulePath, packageBytes, composition.Bytes, settings.Severity);
        }
    }

    /// <summary>
    /// Attributes each byte of a bundle to the source its map says it came from, as source-map-explorer does: a segment
    /// runs to the next one on its line (columns in UTF-16 code units, bytes counted in UTF-8); what precedes a line's
    /// first segment, the newlines and segments with no source are unmapped.
    /// </summary>
    /// <exception cref="InvalidDataException">The map is not a source map BundleBudget can read.</exception>
    internal static CompositionFacts Compose(string generated, ReadOnlySpan<byte> mapJson)
    {
        var map = SourceMap.Parse(mapJson, generated.AsSpan().Count('\n') + 1);
        var bySource = new long[map.Sources.Count];
        var rest = generated.AsSpan();
        for (var lineIndex = 0; lineIndex < map.Lines.Count; lineIndex++)
        {
            var newline = rest.IndexOf('\n');
            var line = newline < 0 ? rest : rest[..newline];
            var segments = map.Lines[lineIndex];
            for (var i = 0; i < segments.Count; i++)
            {
                var start = Math.Clamp(MappingSegment.Column(segments[i]), 0, line.Length);
                var end = i + 1 < segments.Count ? Math.Clamp(MappingSegment.Column(segments[i + 1]), 0, line.Length) : line.Length;
                var source = MappingSegment.Source(segments[i]);
                if (source >= 0 && end > start)
                {
                    bySource[source] += Encoding.UTF8.GetByteCount(line[start..end]);
                }
            }

            if (newline < 0)
            {
                break;
            }

            rest = rest[(newline + 1)..];
        }

        var sources = map.Sources.Select((source, index) => new SourceShare(source, bySource[index])).Where(s => s.Bytes > 0).ToList();
        return new CompositionFacts(Encoding.UTF8.GetByteCount(generated), sources, null);
    }
}
