using System.Collections.Concurrent;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Imports;

/// <summary>Reads every source file in parallel and flags the references a rule matches (BB2001); unreadable files are BB2003.</summary>
public static class ImportAnalyzer
{
    public static ImportAnalysis Analyze(string root, ImportSettings settings)
    {
        if (settings.Rules.Count == 0)
        {
            return ImportAnalysis.None;
        }

        var files = SourceFileFinder.Find(root, settings.Sources);
        var findings = new ConcurrentBag<ImportFinding>();
        var problems = new ConcurrentBag<Diagnostic>();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var result = SourceModuleReader.Read(file.FullPath);
            if (result.Problem is { } problem)
            {
                problems.Add(problem);
            }

            foreach (var reference in result.References)
            {
                if (settings.IsAllowed(reference.Module, file.RelativePath))
                {
                    continue;
                }

                if (settings.Rules.FirstOrDefault(r => r.Matches(reference)) is { } rule)
                {
                    findings.Add(new ImportFinding(file.FullPath, file.RelativePath, reference, rule, settings.Severity));
                }
            }
        });

        var ordered = findings.OrderBy(f => f.RelativeFile, StringComparer.Ordinal).ThenBy(f => f.Reference.Line).ThenBy(f => f.Reference.Column).ToList();
        var diagnostics = problems.OrderBy(p => p.File, StringComparer.Ordinal).Concat(ordered.Select(f => f.ToDiagnostic())).ToList();
        return new ImportAnalysis(ordered, diagnostics, files.Count);
    }
}
