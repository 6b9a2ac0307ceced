namespace BundleBudget.Core.Diagnostics;

/// <summary>A one-line description of every code, for SARIF rules and tool output (the README has the full table).</summary>
public static class DiagnosticDescriptions
{
    private static readonly Dictionary<string, (string Name, string Text)> Descriptions = new(StringComparer.Ordinal)
    {
        [DiagnosticCodes.BudgetErrorExceeded] = ("BudgetErrorExceeded", "A size budget's maximumError is exceeded."),
        [DiagnosticCodes.BudgetWarningExceeded] = ("BudgetWarningExceeded", "A size budget's maximumWarning is exceeded."),
        [DiagnosticCodes.BudgetMatchedNothing] = ("BudgetMatchedNothing", "A budget matched no file or page."),
        [DiagnosticCodes.EmptyOutputFolder] = ("EmptyOutputFolder", "The output folder holds no file that a budget counts."),
        [DiagnosticCodes.MissingPageFile] = ("MissingPageFile", "An entry page, or a file a page loads, is not in the output folder."),
        [DiagnosticCodes.ChunkNotParsed] = ("ChunkNotParsed", "A built chunk could not be parsed, so its imports were not followed."),
        [DiagnosticCodes.BudgetIncomplete] = ("BudgetIncomplete", "A budget some of whose files could not be measured: it cannot pass."),
        [DiagnosticCodes.FileTooLargeToParse] = ("FileTooLargeToParse", "A file larger than BundleBudget parses: its size is measured, its contents are not read."),
        [DiagnosticCodes.ServedFromSubfolder] = ("ServedFromSubfolder", "The pages are served from a subfolder of the output folder; files outside it are not counted."),
        [DiagnosticCodes.StalePrecompressedSibling] = ("StalePrecompressedSibling", "A precompressed copy (x.js.br, x.js.gz) does not hold its file: a server would send stale or broken content."),
        [DiagnosticCodes.WholeLibraryImport] = ("WholeLibraryImport", "A source file imports a whole library where a narrow import or a lighter library would do."),
        [DiagnosticCodes.WholeLibraryBundled] = ("WholeLibraryBundled", "A bundle contains a whole library, found through its source map."),
        [DiagnosticCodes.SourceNotParsed] = ("SourceNotParsed", "A source file could not be analysed for imports."),
        [DiagnosticCodes.SourceMapNotRead] = ("SourceMapNotRead", "A bundle's source map could not be read."),
        [DiagnosticCodes.NoSourceFiles] = ("NoSourceFiles", "The import analysis found no source file to read."),
        [DiagnosticCodes.ImageUnreadable] = ("ImageUnreadable", "An image cannot be read: corrupt, truncated, not an image, or an SVG with a DTD."),
        [DiagnosticCodes.ImageTooLarge] = ("ImageTooLarge", "An image is wider or taller than the configured maximum."),
        [DiagnosticCodes.ImageInefficient] = ("ImageInefficient", "An image takes far more bytes per pixel than its content warrants."),
        [DiagnosticCodes.ImageModernFormat] = ("ImageModernFormat", "A large PNG, JPEG, GIF or BMP that WebP or AVIF would make much smaller."),
        [DiagnosticCodes.AnimatedGif] = ("AnimatedGif", "A large animated GIF that a video would make much smaller."),
        [DiagnosticCodes.SvgEmbedsRaster] = ("SvgEmbedsRaster", "An SVG embeds base64 raster images."),
        [DiagnosticCodes.ImageBomb] = ("ImageBomb", "An image header claims absurd dimensions (a decompression bomb)."),
        [DiagnosticCodes.FontUnreadable] = ("FontUnreadable", "A font file cannot be read."),
        [DiagnosticCodes.FontFormat] = ("FontFormat", "A font in TTF, OTF, EOT or WOFF where WOFF2 is smaller."),
        [DiagnosticCodes.TooManyFonts] = ("TooManyFonts", "More font files than the configured maximum."),
        [DiagnosticCodes.FontsTooHeavy] = ("FontsTooHeavy", "The fonts together are heavier than the configured maximum."),
        [DiagnosticCodes.FontUnused] = ("FontUnused", "A font no @font-face rule names and no page preloads."),
        [DiagnosticCodes.FontMisnamed] = ("FontMisnamed", "A font's bytes are another format than its extension says."),
        [DiagnosticCodes.InvalidJson] = ("InvalidJson", "budget.json is not valid JSON."),
        [DiagnosticCodes.UnknownKey] = ("UnknownKey", "budget.json has a key it does not know."),
        [DiagnosticCodes.InvalidValue] = ("InvalidValue", "A budget.json value is of the wrong kind or outside its set."),
        [DiagnosticCodes.InvalidSize] = ("InvalidSize", "A size in budget.json cannot be read."),
        [DiagnosticCodes.IncompleteBudget] = ("IncompleteBudget", "A budget lacks a limit, a type or files; or the file defines no budget."),
        [DiagnosticCodes.BudgetFileNotFound] = ("BudgetFileNotFound", "The budget file does not exist or cannot be read."),
        [DiagnosticCodes.OutputFolderNotFound] = ("OutputFolderNotFound", "The output folder does not exist."),
        [DiagnosticCodes.NotEvaluated] = ("NotEvaluated", "A simple-form key that needs a browser to evaluate."),
        [DiagnosticCodes.WarningNotBelowError] = ("WarningNotBelowError", "maximumWarning is not below maximumError."),
        [DiagnosticCodes.InvalidGlob] = ("InvalidGlob", "A glob in budget.json cannot be read."),
        [DiagnosticCodes.UnsupportedSchemaVersion] = ("UnsupportedSchemaVersion", "budget.json has an unsupported schemaVersion."),
        [DiagnosticCodes.DuplicateKey] = ("DuplicateKey", "The same key appears twice in one budget.json object."),
        [DiagnosticCodes.UnsupportedEncoding] = ("UnsupportedEncoding", "budget.json is in an encoding other than UTF-8 or UTF-16."),
        [DiagnosticCodes.SymbolicLinkLoop] = ("SymbolicLinkLoop", "A symbolic link in the output folder points to a folder above it."),
        [DiagnosticCodes.UnsupportedHost] = ("UnsupportedHost", "The MSBuild host cannot run the task."),
        [DiagnosticCodes.UnreadableAsset] = ("UnreadableAsset", "An output file or folder could not be read; the budgets that would count it are incomplete."),
        [DiagnosticCodes.ReportNotWritten] = ("ReportNotWritten", "The report or the size cache could not be written."),
        [DiagnosticCodes.InternalError] = ("InternalError", "An unexpected failure inside BundleBudget."),
    };

    public static (string Name, string Text) Describe(string code) =>
        Descriptions.TryGetValue(code, out var description) ? description : (code, code);

    public static IEnumerable<string> Codes => Descriptions.Keys;
}
