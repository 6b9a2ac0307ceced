using System.Text;
using System.Text.RegularExpressions;
using Acornima;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Imports.Scanning;

namespace BundleBudget.Core.Imports;

/// <summary>The module references of one source file, or why it could not be read.</summary>
public sealed record SourceReadResult(string File, IReadOnlyList<ModuleReference> References, Diagnostic? Problem);

/// <summary>
/// Reads one front-end source file by its kind: JavaScript with Acornima; TypeScript, TSX and JSX (which no .NET
/// JavaScript parser reads) and the script blocks of .vue and .svelte files with the purpose-built scanner.
/// Parsing runs on a thread with a large stack; no input can crash the process.
/// </summary>
public static partial class SourceModuleReader
{
    public static readonly string[] Extensions = [".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".vue", ".svelte", ".css", ".scss", ".sass", ".less"];

    private const int StackSize = 16 * 1024 * 1024;

    public static SourceReadResult Read(string path)
    {
        string text;
        try
        {
            var length = IO.FileLength.Of(path);
            if (length <= 0)
            {
                return new SourceReadResult(path, [], null); // empty, or a FIFO or device: never opened
            }

            if (length > ParseLimits.SourceFile)
            {
                return new SourceReadResult(path, [], Diagnostic.Warning(ImportDiagnostics.SourceNotParsed, $"This source file is not analysed for imports: {ParseLimits.Over(length, ParseLimits.SourceFile)}. The other files were.", path));
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SourceReadResult(path, [], Diagnostic.Warning(ImportDiagnostics.SourceNotParsed, $"Cannot read this source file: {e.Message}", path));
        }

        return Read(path, text);
    }

    public static SourceReadResult Read(string path, string text)
    {
        SourceReadResult? result = null;
        var thread = new Thread(() => result = ReadOnThisThread(path, text), StackSize) { IsBackground = true, Name = "BundleBudget source reader" };
        thread.Start();
        thread.Join();
        return result!;
    }

    private static SourceReadResult ReadOnThisThread(string path, string text)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".js" or ".mjs" or ".cjs" => ReadJavaScript(path, text, commonJs: extension == ".cjs"),
                ".ts" or ".mts" or ".cts" => Scan(path, text, jsx: false, typeScript: true),
                ".tsx" => Scan(path, text, jsx: true, typeScript: true),
                ".jsx" => Scan(path, text, jsx: true, typeScript: false),
                ".vue" or ".svelte" => ReadScriptBlocks(path, text),
                ".css" or ".scss" or ".sass" or ".less" => new SourceReadResult(path, StylesheetModuleReader.Read(text, lineComments: extension != ".css", new LineMap(text).Locate, indented: extension == ".sass"), null),
                _ => new SourceReadResult(path, [], null),
            };
        }
        catch (InsufficientExecutionStackException)
        {
            return NotParsed(path, "the code is nested too deeply to analyse", 0, 0);
        }
        catch (ScanException e)
        {
            var (line, column) = new LineMap(text).Locate(Math.Min(e.Offset, text.Length));
            return NotParsed(path, e.Message, line, column);
        }
        catch (Exception e)
        {
            // This runs on a thread of its own, where an escaping exception would end the whole process (the build with it).
            return NotParsed(path, $"the analysis failed: {e.GetType().Name}: {e.Message}", 0, 0);
        }
    }

    private static SourceReadResult ReadJavaScript(string path, string text, bool commonJs)
    {
        try
        {
            return new SourceReadResult(path, JavaScriptModuleReader.Read(text, commonJs), null);
        }
        catch (ParseErrorException e)
        {
            // JSX in a .js file (common in React projects) and decorators (Lit, Angular) are no JavaScript yet: read them with the scanner.
            if (e.Error.IsIndexDefined && e.Error.Index < text.Length && text[e.Error.Index] is '<' or '@')
            {
                return Scan(path, text, jsx: true, typeScript: false);
            }

            return NotParsed(path, e.Description, e.LineNumber, e.Column + 1);
        }
    }

    private static SourceReadResult Scan(string path, string text, bool jsx, bool typeScript)
    {
        var tokens = ScriptLexer.Tokenize(text, jsx, typeScript);
        var lines = new LineMap(text);
        return new SourceReadResult(path, ModuleReferenceExtractor.Extract(tokens, lines.Locate), null);
    }

    /// <summary>Scans the &lt;script&gt; blocks of a .vue or .svelte file in place, so that lines and columns stay those of the file.</summary>
    private static SourceReadResult ReadScriptBlocks(string path, string text)
    {
        // Everything outside the <script> blocks becomes spaces (newlines kept), and the result is scanned once.
        var masked = new StringBuilder(text.Length);
        var jsx = false;
        var position = 0;
        foreach (Match block in ScriptBlock().Matches(text))
        {
            jsx |= LanguageAttribute().Match(block.Groups["attributes"].Value) is { Success: true } lang && lang.Groups["lang"].Value is "tsx" or "jsx";
            var body = block.Groups["body"];
            Mask(text, position, body.Index, masked);
            masked.Append(text, body.Index, body.Length);
            position = body.Index + body.Length;
        }

        Mask(text, position, text.Length, masked);
        var tokens = ScriptLexer.Tokenize(masked.ToString(), jsx, typeScript: true);
        return new SourceReadResult(path, ModuleReferenceExtractor.Extract(tokens, new LineMap(text).Locate), null);
    }

    private static void Mask(string text, int from, int to, StringBuilder into)
    {
        for (var i = from; i < to; i++)
        {
            into.Append(text[i] is '\n' or '\r' ? text[i] : ' ');
        }
    }

    private static SourceReadResult NotParsed(string path, string reason, int line, int column) =>
        new(path, [], Diagnostic.Warning(ImportDiagnostics.SourceNotParsed, $"This source file could not be analysed for imports ({reason}); the other files were.", path, line, column));

    [GeneratedRegex(@"<script\b(?<attributes>[^>]*)>(?<body>.*?)</script\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ScriptBlock();

    [GeneratedRegex(@"\blang\s*=\s*[""']?(?<lang>\w+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LanguageAttribute();
}
