using System.Globalization;
using BundleBudget.Core.Text;

namespace BundleBudget.Core.Diagnostics;

/// <summary>One coded finding: a budget exceeded, a bad budget file, an unreadable asset.</summary>
/// <param name="File">Full path of the file the finding is about, or null when it is about no file.</param>
/// <param name="Line">1-based line in <paramref name="File"/>, or 0 when unknown.</param>
/// <param name="Column">1-based column in <paramref name="File"/>, or 0 when unknown.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Message, string? File = null, int Line = 0, int Column = 0)
{
    public static Diagnostic Error(string code, string message, string? file = null, int line = 0, int column = 0) =>
        new(code, Severity.Error, message, file, line, column);

    public static Diagnostic Warning(string code, string message, string? file = null, int line = 0, int column = 0) =>
        new(code, Severity.Warning, message, file, line, column);

    public static Diagnostic Info(string code, string message, string? file = null, int line = 0, int column = 0) =>
        new(code, Severity.Info, message, file, line, column);

    public static Diagnostic Error(string code, string message, SourceLocation at) =>
        new(code, Severity.Error, message, at.File, at.Line, at.Column);

    public static Diagnostic Warning(string code, string message, SourceLocation at) =>
        new(code, Severity.Warning, message, at.File, at.Line, at.Column);

    /// <summary>
    /// The canonical form that MSBuild, editors and CI log parsers recognise, <c>file(line,col): error CODE: message</c>,
    /// as one safe line: control characters in names are escaped.
    /// </summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        var file = File is null ? null : PlainText.EscapeControl(File);
        var origin = file is null ? "bundle-budget"
            : Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}({Line},{Math.Max(Column, 1)})")
            : file;
        return PlainText.Line($"{origin}: {severity} {Code}: {Message}");
    }
}
