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
    public BundleBudget.Core.Budgets.LimitUnit Unit { get; init; } = BundleBudget.Core.Budgets.LimitUnit.Bytes;

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
        var length = IO.FileLength.Of(path);
        if (length == 0)
        {
            throw new InvalidDataException($"{path} is empty, not a BundleBudget report");
        }

        if (length > 1024L * 1024 * 1024)
        {
            throw new InvalidDataException($"{path} is larger than any BundleBudget report");
        }

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
                Text(summary, "status"),
                summary.GetProperty("errors").GetInt32(),
                summary.GetProperty("warnings").GetInt32(),
                root.GetProperty("assets").EnumerateArray().Select(a => new SnapshotAsset(
                    Text(a, "path").Replace('\\', '/'), Text(a, "type"), a.GetProperty("counted").GetBoolean(),
                    Nullable(a, "raw") ?? 0, Nullable(a, "gzip"), Nullable(a, "brotli"))).ToList(),
                root.GetProperty("budgets").EnumerateArray().Select(b => new SnapshotBudget(
                    Text(b, "name"), Text(b, "type"), b.GetProperty("files").GetString(),
                    Text(b, "scope"), Text(b, "compression"), Size(b, "actual"),
                    Nullable(b, "maximumWarning"), Nullable(b, "maximumError"), StatusOf(b))
                {
                    Unit = b.TryGetProperty("unit", out var unit) ? UnitOf(unit.GetString()) : BundleBudget.Core.Budgets.LimitUnit.Bytes,
                }).ToList(),
                root.TryGetProperty("imports", out var imports)
                    ? imports.EnumerateArray().Select(i => new SnapshotImport(
                        Text(i, "file"), i.GetProperty("line").GetInt32(), i.GetProperty("column").GetInt32(),
                        Text(i, "module"), Text(i, "form"), Text(i, "rule"), Text(i, "fix"))).ToList()
                    : []);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a valid BundleBudget report: {e.Message}", e);
        }
    }

    /// <summary>The unit a report names (as <see cref="BundleBudget.Core.Budgets.Limit.UnitName"/> writes it); an unknown one is refused.</summary>
    private static BundleBudget.Core.Budgets.LimitUnit UnitOf(string? name) =>
        Enum.GetValues<BundleBudget.Core.Budgets.LimitUnit>().FirstOrDefault(u => BundleBudget.Core.Budgets.Limit.UnitName(u) == name, (BundleBudget.Core.Budgets.LimitUnit)(-1)) is var unit && Enum.IsDefined(unit)
            ? unit
            : throw new FormatException($"unknown unit '{name}'");

    /// <summary>No output is larger than this (1 PB); a larger size is a damaged or forged report, and would overflow the totals.</summary>
    private const long MaxSize = 1_000_000_000_000_000;

    private static long? Nullable(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? Checked(value.GetInt64(), name) : null;

    private static long Size(JsonElement element, string name) => Checked(element.GetProperty(name).GetInt64(), name);

    private static long Checked(long value, string name) =>
        value is >= 0 and <= MaxSize ? value : throw new InvalidDataException($"\"{name}\" is {value}, not a size in bytes");

    /// <summary>A budget's status; one within its limits that could not be fully measured is incomplete, never a pass.</summary>
    private static string StatusOf(JsonElement budget)
    {
        var status = Text(budget, "status");
        return status == "pass" && budget.TryGetProperty("incomplete", out var incomplete) && incomplete.ValueKind == JsonValueKind.True ? "incomplete" : status;
    }

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw new InvalidDataException($"\"{name}\" must be a string");
}
