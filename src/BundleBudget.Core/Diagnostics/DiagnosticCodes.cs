namespace BundleBudget.Core.Diagnostics;

/// <summary>
/// The codes of the check itself (sizes, pages, configuration, environment); each analysis declares its own beside it
/// (<see cref="DiagnosticCatalog"/> lists them all). Codes are stable: once released, a code keeps its meaning.
/// BB1xxx sizes and pages, BB2xxx imports and bundles, BB3xxx images and fonts, BB4xxx browser timings, BB9xxx configuration and environment.
/// Each one is documented in README.md with what to do about it.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>A size budget's maximumError is exceeded.</summary>
    public const string BudgetErrorExceeded = "BB1001";

    /// <summary>A size budget's maximumWarning is exceeded.</summary>
    public const string BudgetWarningExceeded = "BB1002";

    /// <summary>A budget with a <c>files</c> glob matched no file: probably a typo or a renamed folder.</summary>
    public const string BudgetMatchedNothing = "BB1003";

    /// <summary>The output folder holds no file that any budget counts: the front-end build probably wrote nothing.</summary>
    public const string EmptyOutputFolder = "BB1004";

    /// <summary>An entry page, or a file it loads, is not in the output folder.</summary>
    public const string MissingPageFile = "BB1005";

    /// <summary>A built chunk could not be parsed, so what it imports is not followed.</summary>
    public const string ChunkNotParsed = "BB1006";

    /// <summary>
    /// A budget some of whose inputs could not be measured (an unreadable file or folder, a file a page loads that is
    /// missing, a chunk whose imports could not be followed): it cannot pass. A warning, an error with strict.
    /// </summary>
    public const string BudgetIncomplete = "BB1007";

    /// <summary>A file larger than BundleBudget parses: its size is measured, what it loads or contains is not read.</summary>
    public const string FileTooLargeToParse = "BB1008";

    /// <summary>The pages are served from a subfolder of the output folder (Angular's browser/): files outside it are not counted.</summary>
    public const string ServedFromSubfolder = "BB1009";

    /// <summary>A precompressed sibling (x.js.br, x.js.gz) does not decompress to its file: a server would send stale or broken content.</summary>
    public const string StalePrecompressedSibling = "BB1010";

    /// <summary>A server-rendered layout loads a URL computed by Razor code: not followed.</summary>
    public const string RazorUrlNotResolved = "BB1011";

    /// <summary>Served files that no entry page loads.</summary>
    public const string NeverLoaded = "BB1012";

    /// <summary>A budget's maximumGrowth could not be judged: no base report, or no such budget in it.</summary>
    public const string GrowthNotEvaluated = "BB1014";

    /// <summary>budget.json is not valid JSON.</summary>
    public const string InvalidJson = "BB9001";

    /// <summary>A key budget.json does not know (a misspelling, usually).</summary>
    public const string UnknownKey = "BB9002";

    /// <summary>A value of the wrong kind or outside the allowed set (unknown type, compression, scope).</summary>
    public const string InvalidValue = "BB9003";

    /// <summary>A size that cannot be read (<c>"500 KB"</c>, <c>512000</c> are sizes; <c>"500 KBs"</c> is not).</summary>
    public const string InvalidSize = "BB9004";

    /// <summary>A budget without a limit, or without type and files.</summary>
    public const string IncompleteBudget = "BB9005";

    /// <summary>The budget file does not exist or cannot be read.</summary>
    public const string BudgetFileNotFound = "BB9006";

    /// <summary>The output folder to check does not exist.</summary>
    public const string OutputFolderNotFound = "BB9007";

    /// <summary>A key of the simple budget form that needs a browser to evaluate (such as <c>time_to_interactive</c>).</summary>
    public const string NotEvaluated = "BB9008";

    /// <summary>maximumWarning is not below maximumError, so the warning can never fire.</summary>
    public const string WarningNotBelowError = "BB9009";

    /// <summary>A <c>files</c> glob that cannot be read.</summary>
    public const string InvalidGlob = "BB9010";

    /// <summary>A schemaVersion this version does not support.</summary>
    public const string UnsupportedSchemaVersion = "BB9011";

    /// <summary>The same key twice in one object: only one would count, silently.</summary>
    public const string DuplicateKey = "BB9012";

    /// <summary>budget.json is in an encoding other than UTF-8 or UTF-16.</summary>
    public const string UnsupportedEncoding = "BB9013";

    /// <summary>An output file or folder that could not be read; the budgets that would count it are incomplete.</summary>
    public const string UnreadableAsset = "BB9030";

    /// <summary>The report or the cache could not be written.</summary>
    public const string ReportNotWritten = "BB9031";

    /// <summary>A symbolic link in the output folder that points to a folder above it: a loop, not followed.</summary>
    public const string SymbolicLinkLoop = "BB9032";

    /// <summary>The MSBuild host cannot run the task (.NET Framework MSBuild before 18).</summary>
    public const string UnsupportedHost = "BB9020";

    /// <summary>ASP.NET Core's static web assets manifest could not be read: what is served is unknown.</summary>
    public const string StaticWebAssetsUnreadable = "BB9033";

    /// <summary>The CLI found the static web assets manifest of the project whose wwwroot it checks.</summary>
    public const string StaticWebAssetsFound = "BB9035";

    /// <summary>Two projects write the same report or cache path.</summary>
    public const string SharedOutputPath = "BB9034";

    /// <summary>An unexpected failure inside the checker: a bug, reported as an error rather than a crash.</summary>
    public const string InternalError = "BB9999";

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
    [
        new(BudgetErrorExceeded, "BudgetErrorExceeded", "A budget's maximumError (or maximumCount, or maximumGrowth) is exceeded.", DiagnosticCategory.Sizes, Severity.Error),
        new(BudgetWarningExceeded, "BudgetWarningExceeded", "A budget's maximumWarning (or maximumCountWarning) is exceeded.", DiagnosticCategory.Sizes, Severity.Warning),
        new(GrowthNotEvaluated, "GrowthNotEvaluated", "A budget's maximumGrowth is not evaluated: no base report, or no such budget in it.", DiagnosticCategory.Sizes, Severity.Info),
        new(BudgetMatchedNothing, "BudgetMatchedNothing", "A budget matched no file or page.", DiagnosticCategory.Sizes, Severity.Warning),
        new(EmptyOutputFolder, "EmptyOutputFolder", "The output folder holds no file that a budget counts.", DiagnosticCategory.Sizes, Severity.Warning),
        new(NeverLoaded, "NeverLoaded", "Served files that no entry page loads (the unused variants of a library in lib/).", DiagnosticCategory.Pages, Severity.Info),
        new(RazorUrlNotResolved, "RazorUrlNotResolved", "A server-rendered layout loads a URL computed by Razor code, which is not run: what it loads is not counted.", DiagnosticCategory.Pages, Severity.Warning),
        new(MissingPageFile, "MissingPageFile", "An entry page, or a file a page loads, is not in the output folder.", DiagnosticCategory.Pages, Severity.Warning),
        new(ChunkNotParsed, "ChunkNotParsed", "A built chunk could not be parsed, so its imports were not followed.", DiagnosticCategory.Pages, Severity.Warning),
        new(BudgetIncomplete, "BudgetIncomplete", "A budget some of whose files could not be measured: it cannot pass.", DiagnosticCategory.Sizes, Severity.Warning),
        new(FileTooLargeToParse, "FileTooLargeToParse", "A file larger than BundleBudget parses: its size is measured, its contents are not read.", DiagnosticCategory.Content, Severity.Warning),
        new(ServedFromSubfolder, "ServedFromSubfolder", "The pages are served from a subfolder of the output folder; files outside it are not counted.", DiagnosticCategory.Pages, Severity.Info),
        new(StalePrecompressedSibling, "StalePrecompressedSibling", "A precompressed copy (x.js.br, x.js.gz) does not hold its file: a server would send stale or broken content.", DiagnosticCategory.Content, Severity.Warning),
        new(InvalidJson, "InvalidJson", "budget.json is not valid JSON.", DiagnosticCategory.Configuration, Severity.Error),
        new(UnknownKey, "UnknownKey", "budget.json has a key it does not know.", DiagnosticCategory.Configuration, Severity.Error),
        new(InvalidValue, "InvalidValue", "A budget.json value is of the wrong kind or outside its set.", DiagnosticCategory.Configuration, Severity.Error),
        new(InvalidSize, "InvalidSize", "A size in budget.json cannot be read.", DiagnosticCategory.Configuration, Severity.Error),
        new(IncompleteBudget, "IncompleteBudget", "A budget lacks a limit, a type or files; or the file defines no budget.", DiagnosticCategory.Configuration, Severity.Error),
        new(BudgetFileNotFound, "BudgetFileNotFound", "The budget file does not exist or cannot be read.", DiagnosticCategory.Configuration, Severity.Error),
        new(OutputFolderNotFound, "OutputFolderNotFound", "The output folder does not exist.", DiagnosticCategory.Configuration, Severity.Error),
        new(NotEvaluated, "NotEvaluated", "A simple-form key BundleBudget does not evaluate (speed_index, requests, or one it does not know).", DiagnosticCategory.Configuration, Severity.Warning),
        new(WarningNotBelowError, "WarningNotBelowError", "maximumWarning is not below maximumError.", DiagnosticCategory.Configuration, Severity.Warning),
        new(InvalidGlob, "InvalidGlob", "A glob in budget.json cannot be read.", DiagnosticCategory.Configuration, Severity.Error),
        new(UnsupportedSchemaVersion, "UnsupportedSchemaVersion", "budget.json has an unsupported schemaVersion.", DiagnosticCategory.Configuration, Severity.Error),
        new(DuplicateKey, "DuplicateKey", "The same key appears twice in one budget.json object.", DiagnosticCategory.Configuration, Severity.Error),
        new(UnsupportedEncoding, "UnsupportedEncoding", "budget.json is in an encoding other than UTF-8 or UTF-16.", DiagnosticCategory.Configuration, Severity.Error),
        new(Peers.PeerDiagnostics.NotRead, "PeerConfigNotRead", "Another tool's budget config (Angular, bundlewatch, bundlesize, size-limit) named by \"extends\", --from or import cannot be read, or a limit in it is not understood.", DiagnosticCategory.Configuration, Severity.Error),
        new(Peers.PeerDiagnostics.OptionNotImported, "PeerOptionNotImported", "An option of another tool's budget config that BundleBudget does not take over (one that needs that tool's bundler or browser, or means something else here).", DiagnosticCategory.Configuration, Severity.Warning),
        new(SharedOutputPath, "SharedOutputPath", "Two projects write the same report or cache path, each overwriting the other's.", DiagnosticCategory.Configuration, Severity.Warning),
        new(StaticWebAssetsUnreadable, "StaticWebAssetsUnreadable", "ASP.NET Core's static web assets manifest could not be read; every budget is incomplete.", DiagnosticCategory.Environment, Severity.Warning),
        new(StaticWebAssetsFound, "StaticWebAssetsFound", "The CLI checks a project's wwwroot as the app serves it, from the static web assets manifest of its last build.", DiagnosticCategory.Environment, Severity.Info),
        new(UnreadableAsset, "UnreadableAsset", "An output file or folder could not be read; the budgets that would count it are incomplete.", DiagnosticCategory.Environment, Severity.Warning),
        new(ReportNotWritten, "ReportNotWritten", "The report or the size cache could not be written.", DiagnosticCategory.Environment, Severity.Warning),
        new(SymbolicLinkLoop, "SymbolicLinkLoop", "A symbolic link in the output folder points to a folder above it.", DiagnosticCategory.Environment, Severity.Warning),
        new(UnsupportedHost, "UnsupportedHost", "The MSBuild host cannot run the task.", DiagnosticCategory.Environment, Severity.Warning),
        new(InternalError, "InternalError", "An unexpected failure inside BundleBudget.", DiagnosticCategory.Environment, Severity.Error),
    ];
}
