using BundleBudget.Core;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Imports;
using BundleBudget.Core.Pages;
using BundleBudget.Core.StaticWebAssets;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace BundleBudget.Tasks;

/// <summary>
/// Finds what the check will read, so that the target can skip an unchanged check: the output folder (the property,
/// else the budget's outputPath, else wwwroot), the source files its import analysis reads, and the configs budget.json
/// extends. Problems in the budget file are left to the check itself. What it found is written to <see cref="KnownInputsFile"/> for the next
/// build, which imports it and runs this task again only when <see cref="InputsKey"/> or a folder it listed changed.
/// </summary>
public sealed class ResolveBundleBudgetInputs : BundleBudgetTask
{
    [Required]
    public string BudgetFile { get; set; } = string.Empty;

    public string? OutputPath { get; set; }

    public string? DefaultOutputPath { get; set; }

    /// <summary>What the resolution depends on besides the folders it lists: the budget file and its time, the settings, the task.</summary>
    public string? InputsKey { get; set; }

    /// <summary>Where to write what was found, for the next build's evaluation.</summary>
    public string? KnownInputsFile { get; set; }

    [Output]
    public string ResolvedOutputPath { get; private set; } = string.Empty;

    /// <summary>ASP.NET Core's static web assets runtime manifest, when the project has one.</summary>
    public string? StaticWebAssetsManifest { get; set; }

    [Output]
    public ITaskItem[] SourceFiles { get; private set; } = [];

    /// <summary>The files the manifest serves from outside the output folder (Razor class libraries, obj/), when it describes the output folder.</summary>
    [Output]
    public ITaskItem[] ServedFiles { get; private set; } = [];

    protected override void ExecuteCore()
    {
        var budget = BudgetFileReader.Read(BudgetFile).File;
        ResolvedOutputPath = BudgetCheck.ResolveOutputFolder(new CheckOptions(BudgetFile, OutputPath, DefaultOutputPath), budget) ?? string.Empty;
        var folders = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (budget is { Imports.Rules.Count: > 0 })
        {
            SourceFiles = SourceFileFinder.Find(Path.GetDirectoryName(budget.Path)!, budget.Imports.Sources, folders)
                .Select(f => (ITaskItem)new TaskItem(f.FullPath))
                .ToArray();
        }

        ServedFiles = ServedOutside(ResolvedOutputPath);
        if (budget is not null)
        {
            // The server-rendered layouts and the views inside them: an edit changes what the pages load.
            var layouts = ServerLayouts.Find(budget);
            var views = ServerLayouts.Views(budget, layouts, folders);
            SourceFiles = [.. SourceFiles, .. layouts.Concat(views).Select(a => (ITaskItem)new TaskItem(a.FullPath))];

            // The configs it extends (angular.json, bundlewatch.config.json): an edit of a limit there is a new check.
            SourceFiles = [.. SourceFiles, .. budget.Extends.Where(File.Exists).Select(path => (ITaskItem)new TaskItem(path))];
        }

        if (!string.IsNullOrWhiteSpace(KnownInputsFile) && !string.IsNullOrEmpty(InputsKey))
        {
            WriteKnownInputs(folders);
        }
    }

    private ITaskItem[] ServedOutside(string outputFolder)
    {
        if (string.IsNullOrWhiteSpace(StaticWebAssetsManifest) || outputFolder.Length == 0)
        {
            return [];
        }

        try
        {
            var manifest = RuntimeManifest.Read(StaticWebAssetsManifest);
            var inside = Path.TrimEndingDirectorySeparator(outputFolder) + Path.DirectorySeparatorChar;
            return manifest.Serves(outputFolder)
                ? manifest.Files.Where(f => !f.FullPath.StartsWith(inside, StringComparison.Ordinal)).Select(f => (ITaskItem)new TaskItem(f.FullPath)).ToArray()
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return []; // the check names it
        }
    }

    private void WriteKnownInputs(IDictionary<string, long> folders)
    {
        var props = new GeneratedProps()
            .Property("_BundleBudgetKnownInputsKey", InputsKey!)
            .Property("_BundleBudgetKnownOutputPath", ResolvedOutputPath);
        foreach (var file in SourceFiles)
        {
            props.Item("_BundleBudgetKnownSourceFile", file.ItemSpec);
        }

        foreach (var file in ServedFiles)
        {
            props.Item("_BundleBudgetKnownServedFile", file.ItemSpec);
        }

        foreach (var (folder, ticks) in folders)
        {
            // Taken before the folder was listed (a file created during the search changes it afterwards); local time, as
            // MSBuild's [System.IO.Directory]::GetLastWriteTime gives it (a missing folder has a time too).
            props.Item("_BundleBudgetKnownSourceFolder", folder, ("Ticks", ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        try
        {
            props.Write(KnownInputsFile!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Log.LogMessage(MessageImportance.Low, $"BundleBudget: {KnownInputsFile} could not be written ({e.Message}); the next build resolves its inputs again.");
        }
    }
}
