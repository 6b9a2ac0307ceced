namespace BundleBudget.Core.Pages;

/// <summary>How a file is reached from its page.</summary>
public enum LoadReason
{
    /// <summary>The HTML page itself.</summary>
    Document,
    Script,
    ModuleScript,
    Stylesheet,
    ModulePreload,
    Preload,
    Image,

    /// <summary>A static <c>import</c>/<c>export ... from</c> of a module chunk.</summary>
    StaticImport,

    /// <summary>A CSS <c>@import</c>.</summary>
    CssImport,

    /// <summary>A dynamic <c>import()</c>: a lazy chunk.</summary>
    DynamicImport,

    /// <summary>A file the .NET WebAssembly runtime loads, as its boot configuration lists it (an assembly, the native runtime, ICU data).</summary>
    BlazorBoot,

    /// <summary>The document of an &lt;iframe&gt;, loaded with the page.</summary>
    Frame,

    /// <summary>What an &lt;object&gt; or &lt;embed&gt; loads.</summary>
    Embed,
}

/// <summary>A file a page loads, relative to the output folder, and how the page comes to load it.</summary>
/// <param name="From">The file that references it (the page for HTML references).</param>
public sealed record PageFile(string Path, LoadReason Reason, string From)
{
    /// <summary>For a script of the page: "async" or "defer" (both still load at once, but do not block parsing); else null.</summary>
    public string? Loading { get; init; }
}

/// <summary>Something a page loads first that could not be measured: a missing file, or a file whose references could not be read.</summary>
/// <param name="From">The file that names it (or the file itself, when it could not be read).</param>
/// <param name="Target">The URL as written, or the path of the file that could not be read.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record PageGap(string From, string Target, string Reason);

/// <summary>
/// An HTML entry page and what it loads: its initial files (what the browser fetches before the page is usable) and
/// its lazy chunks (reached only through a dynamic import).
/// </summary>
/// <param name="External">URLs the page loads that are not in the output folder: other hosts and data: URLs.</param>
public sealed record EntryPage(string Path, IReadOnlyList<PageFile> Initial, IReadOnlyList<PageFile> Lazy, IReadOnlyList<string> External)
{
    /// <summary>The page's file on disk (a layout's source for a server-rendered page).</summary>
    public string? FullPath { get; init; }

    /// <summary>Files the page's stylesheets name with url() (images, fonts) and that it loads no other way: downloaded when a rule uses them.</summary>
    public IReadOnlyList<string> Referenced { get; init; } = [];

    /// <summary>
    /// A layout the server renders each page in (<c>_Layout.cshtml</c>, <c>App.razor</c>), its path relative to the
    /// project: its HTML is made per request, so only what it loads is counted, not the document itself.
    /// </summary>
    public bool ServerRendered { get; init; }

    /// <summary>The folder, relative to the output folder, that the page is served from.</summary>
    public string SiteRoot { get; init; } = string.Empty;

    /// <summary>What the page loads first that could not be measured: while any is left, its initial load is incomplete.</summary>
    public IReadOnlyList<PageGap> Gaps { get; init; } = [];

    /// <summary>Of <see cref="External"/>, the URLs only its lazy loads name (a lazy image, a lazy chunk's import): not requests of its first load.</summary>
    public IReadOnlySet<string> LazyExternal { get; init; } = new HashSet<string>();

    /// <summary>Other hosts' URLs (and data: URLs) the page's first load names.</summary>
    public IEnumerable<string> FirstLoadExternal => External.Where(url => !LazyExternal.Contains(url));
}
