using System.Text.Json;

namespace BundleBudget.Core.Compare;

/// <summary>One asset of a report: its sizes, and the size a browser transfers (gzip for text, raw for the rest).</summary>
public sealed record SnapshotAsset(string Path, string Type, bool Counted, long Raw, long? Gzip, long? Brotli)
{
    public long Transfer => Type is "script" or "stylesheet" or "document" or "other" ? Gzip ?? Raw : Raw;
}

public sealed record SnapshotBudget(string Name, string Type, string? Files, string Scope, string Compression, long Actual, long? MaximumWarning, long? MaximumError, string Status)
{
    /// <summary>"bytes", or "ms" for a load-time budget.</summary>
    public string Unit { get; init; } = "bytes";

    /// <summary>What identifies a budget across two reports: its definition, not its position.</summary>
    public string Key => $"{Name}|{Type}|{Files}|{Scope}|{Compression}";
}

public sealed record SnapshotImport(string File, int Line, int Column, string Module, string Form, string Rule, string Fix);

/// <summary>What a comparison needs from a JSON report (schema version 1).</summary>
public sealed record ReportSnapshot(string Status, int Errors, int Warnings, IReadOnlyList<SnapshotAsset> Assets, IReadOnlyList<SnapshotBudget> Budgets, IReadOnlyList<SnapshotImport> Imports)
{
    public long TotalTransfer => Assets.Where(a => a.Counted).Sum(a => a.Transfer);

    /// <exception cref="InvalidDataException">The file is not a BundleBudget report of schema version 1.</exception>
    public static ReportSnapshot Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (!root.TryGetProperty("schemaVersion", out var version) || version.GetInt32() != 1)
            {
                throw new InvalidDataException($"{path} is not a BundleBudget report of schema version 1");
            }

            var summary = root.GetProperty("summary");
            return new ReportSnapshot(
                summary.GetProperty("status").GetString()!,
                summary.GetProperty("errors").GetInt32(),
                summary.GetProperty("warnings").GetInt32(),
                root.GetProperty("assets").EnumerateArray().Select(a => new SnapshotAsset(
                    a.GetProperty("path").GetString()!.Replace('\\', '/'), a.GetProperty("type").GetString()!, a.GetProperty("counted").GetBoolean(),
                    a.GetProperty("raw").GetInt64(), Nullable(a, "gzip"), Nullable(a, "brotli"))).ToList(),
                root.GetProperty("budgets").EnumerateArray().Select(b => new SnapshotBudget(
                    b.GetProperty("name").GetString()!, b.GetProperty("type").GetString()!, b.GetProperty("files").GetString(),
                    b.GetProperty("scope").GetString()!, b.GetProperty("compression").GetString()!, b.GetProperty("actual").GetInt64(),
                    Nullable(b, "maximumWarning"), Nullable(b, "maximumError"), b.GetProperty("status").GetString()!)
                {
                    Unit = b.TryGetProperty("unit", out var unit) ? unit.GetString() ?? "bytes" : "bytes",
                }).ToList(),
                root.TryGetProperty("imports", out var imports)
                    ? imports.EnumerateArray().Select(i => new SnapshotImport(
                        i.GetProperty("file").GetString()!, i.GetProperty("line").GetInt32(), i.GetProperty("column").GetInt32(),
                        i.GetProperty("module").GetString()!, i.GetProperty("form").GetString()!, i.GetProperty("rule").GetString()!, i.GetProperty("fix").GetString()!)).ToList()
                    : []);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a valid BundleBudget report: {e.Message}", e);
        }
    }

    private static long? Nullable(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}
