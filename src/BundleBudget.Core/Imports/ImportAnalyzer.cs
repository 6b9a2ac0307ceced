using System.Collections.Concurrent;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Imports;

/// <summary>
/// Reads every source file in parallel and flags the references a rule matches (BB2001), for rules that depend on the
/// version installed with the version the file gets; unreadable files are BB2003. Sources that match nothing are
/// BB2005: an analysis that read nothing never passes silently.
/// </summary>
public static class ImportAnalyzer
{
    /// <param name="budgetFile">Where a warning about the settings points; budget.json in <paramref name="root"/> by default.</param>
    public static ImportAnalysis Analyze(string root, ImportSettings settings, string? budgetFile = null) =>
        Analyze(root, settings, budgetFile, null);

    /// <param name="store">What earlier runs learned of the sources: an unchanged file is not read, a renamed one not parsed again.</param>
    /// <param name="clientElsewhere">The output checked is outside <paramref name="root"/> (a client's dist): npm is used there even without a package.json here.</param>
    internal static ImportAnalysis Analyze(string root, ImportSettings settings, string? budgetFile, Content.ContentStore? store, bool clientElsewhere = false)
    {
        if (settings.Rules.Count == 0)
        {
            return ImportAnalysis.None;
        }

        var files = SourceFileFinder.Find(root, settings.Sources);
        if (files.Count == 0)
        {
            return ImportAnalysis.None with { Diagnostics = [NothingToRead(root, settings, budgetFile ?? Path.Combine(root, "budget.json"), clientElsewhere)] };
        }

        var packages = new InstalledPackages();
        var findings = new ConcurrentBag<ImportFinding>();
        var references = new ConcurrentBag<SourceReference>();
        var problems = new ConcurrentBag<Diagnostic>();
        var parsed = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var result = store is null ? SourceModuleReader.Read(file.FullPath) : CachedSources.Read(file.FullPath, store, ref parsed);
            if (result.Problem is { } problem)
            {
                problems.Add(problem);
            }

            var folder = Path.GetDirectoryName(file.FullPath)!;
            foreach (var reference in result.References)
            {
                var package = ImportRule.PackageOf(reference.Module);
                if (package is not null && !reference.TypeOnly)
                {
                    references.Add(new SourceReference(file.RelativePath, reference, package));
                }

                if (settings.IsAllowed(reference.Module, file.RelativePath))
                {
                    continue;
                }

                var installed = new Lazy<InstalledPackage?>(() => package is null ? null : packages.Find(package, folder));
                if (settings.Rules.FirstOrDefault(r => r.Matches(reference, () => installed.Value)) is { } rule)
                {
                    findings.Add(new ImportFinding(file.FullPath, file.RelativePath, reference, rule, settings.Severity) { Installed = installed.IsValueCreated ? installed.Value : null });
                }
            }
        });

        var ordered = findings.OrderBy(f => f.RelativeFile, StringComparer.Ordinal).ThenBy(f => f.Reference.Line).ThenBy(f => f.Reference.Column).ToList();
        var diagnostics = problems.OrderBy(p => p.File, StringComparer.Ordinal).Concat(ordered.Select(f => f.ToDiagnostic())).ToList();
        var allReferences = references.OrderBy(r => r.RelativeFile, StringComparer.Ordinal).ThenBy(r => r.Reference.Line).ThenBy(r => r.Reference.Column).ToList();
        return new ImportAnalysis(ordered, diagnostics, files.Count) { References = allReferences, Packages = packages, Root = root, FilesParsed = store is null ? files.Count : parsed };
    }

    private static Diagnostic NothingToRead(string root, ImportSettings settings, string budgetFile, bool clientElsewhere)
    {
        var globs = string.Join(", ", settings.Sources.Select(s => $"'{s.Pattern}'"));
        if (settings.SourcesGiven)
        {
            return Diagnostic.Warning(ImportDiagnostics.NoSourceFiles, $"\"imports.sources\" matches no source file: {globs}, relative to {Path.GetFileName(budgetFile)}'s folder. No import was analysed. Fix the globs (they may leave the folder: \"../client/src/**/*.ts\").", budgetFile);
        }

        var usual = string.Join(", ", ImportSettings.DefaultSources.Select(f => f + "/"));
        if (!clientElsewhere && TakesNoPackages(root))
        {
            // A Razor or Blazor project with no npm: its scripts (wwwroot/js, lib/ copies) import no package, so there is
            // nothing to analyse, and saying so as a warning on every .NET template would teach people to ignore warnings.
            return Diagnostic.Info(ImportDiagnostics.NoSourceFiles, $"No import was analysed: this .NET project has no package.json and no front-end sources in the usual places ({usual}), so it takes no npm package. If its client lives elsewhere, set \"imports\": {{ \"sources\": [\"../client/src/**/*.{{ts,tsx}}\"] }}.", budgetFile);
        }

        return Diagnostic.Warning(ImportDiagnostics.NoSourceFiles, $"No front-end source file was found in the usual places beside {Path.GetFileName(budgetFile)} ({usual}), so no import was analysed. Set \"imports\": {{ \"sources\": [\"../client/src/**/*.{{ts,tsx}}\"] }} to where your sources are, or \"imports\": {{ \"rules\": \"none\" }} if this project has none.", budgetFile);
    }

    /// <summary>A .NET project with no package.json beside it or in its usual client folders.</summary>
    private static bool TakesNoPackages(string root)
    {
        try
        {
            return Directory.EnumerateFiles(root, "*.*proj").Any()
                && !new[] { ".", "ClientApp", "client", "frontend" }.Any(f => File.Exists(Path.Combine(root, f, "package.json")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
