using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Pages;

/// <summary>
/// The entry pages of a server-rendered app: its layouts, in the project beside budget.json. Every page of a Razor
/// Pages or MVC app is rendered inside <c>_Layout.cshtml</c>, every page of a Blazor Web App inside <c>App.razor</c>:
/// what they load is what each page loads first. Their HTML is rendered per request, so its own bytes are not counted.
/// </summary>
public static class ServerLayouts
{
    /// <summary>Where the SDK's templates put them, relative to the project folder.</summary>
    public static IReadOnlyList<string> Conventional { get; } =
    [
        "Pages/Shared/_Layout.cshtml",
        "Views/Shared/_Layout.cshtml",
        "Components/App.razor",
        "Pages/_Host.cshtml",
    ];

    /// <summary>
    /// The layouts to follow: those <c>entries</c> names (a .cshtml or .razor path, relative to budget.json), else the
    /// conventional ones that exist. A named layout that is not there is left out: the page graph names it missing.
    /// </summary>
    public static IReadOnlyList<Asset> Find(BudgetFile budget)
    {
        var projectFolder = Path.GetDirectoryName(budget.Path)!;
        var paths = budget.Entries is { } entries
            ? entries.Select(e => e.Path).Where(RazorMarkup.IsRazor)
            : Conventional;
        return paths.Select(p => SourceFile(projectFolder, p)).OfType<Asset>().ToList();
    }

    /// <summary>Where the SDK's templates put the pages, views and components that render inside the layouts.</summary>
    private static readonly IReadOnlyList<FileGlob> ViewGlobs = new[]
    {
        "Pages/**/*.{cshtml,razor}", "Views/**/*.cshtml", "Areas/**/*.cshtml", "Components/**/*.razor", "Shared/**/*.razor", "Layout/**/*.razor",
    }.Select(g => FileGlob.TryParse(g, out var glob, out _) ? glob! : throw new InvalidOperationException(g)).ToList();

    /// <summary>
    /// The pages, partials and components of the project (not the layouts): what each names with a script or stylesheet
    /// tag is loaded on some page, after the layout's own files. Their folders are recorded in <paramref name="folders"/>.
    /// </summary>
    public static IReadOnlyList<Asset> Views(BudgetFile budget, IReadOnlyList<Asset> layouts, IDictionary<string, long>? folders = null)
    {
        var projectFolder = Path.GetDirectoryName(budget.Path)!;
        var layoutPaths = layouts.Select(l => l.Path).ToHashSet(StringComparer.Ordinal);
        return Imports.SourceFileFinder.Find(projectFolder, ViewGlobs, folders, RazorExtensions)
            .Where(f => !layoutPaths.Contains(f.RelativePath))
            .Take(MaxViews)
            .Select(f => SourceFile(projectFolder, f.RelativePath))
            .OfType<Asset>()
            .ToList();
    }

    private static readonly string[] RazorExtensions = [".cshtml", ".razor"];

    /// <summary>More than an app has: a project folder with more is read this far.</summary>
    private const int MaxViews = 5000;

    private static Asset? SourceFile(string projectFolder, string relative)
    {
        var normalized = relative.Replace('\\', '/').TrimStart('/');
        var info = new FileInfo(Path.Combine(projectFolder, normalized));
        if (!info.Exists)
        {
            return null;
        }

        var (length, modified) = IO.FileLength.WithTimeOf(info);
        return new Asset(normalized, info.FullName, AssetType.Document, Math.Max(length, 0)) { Modified = modified };
    }
}
