using System.Text.Json;
using BundleBudget.Core.Imports;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Compare;

/// <summary>
/// What a comparison needs of a report (schema version 1), in the report model's own types: read from a JSON report,
/// or taken in memory from a check that just ran (a baseline comparison reads only the base). A budget's status is its
/// verdict: one within its limits that could not be fully measured is incomplete, never a pass.
/// </summary>
public sealed record ReportSnapshot(string Status, int Errors, int Warnings, IReadOnlyList<ReportAsset> Assets, IReadOnlyList<ReportBudget> Budgets, IReadOnlyList<ReportImport> Imports)
{
    /// <summary>No output is larger than this (1 PB); a larger size is a damaged or forged report, and would overflow the totals.</summary>
    private const long MaxSize = 1_000_000_000_000_000;

    public long TotalTransfer => Assets.Where(a => a.Counted).Sum(a => a.Transfer);

    /// <summary>What each bundle with a source map is made of, by package; empty in a report written without them.</summary>
    public IReadOnlyList<BundleContents.ReportBundle> Bundles { get; init; } = [];

    /// <summary>The snapshot of a check in memory: the same model the JSON report is written from.</summary>
    public static ReportSnapshot From(CheckResult result)
    {
        var summary = ReportParts.Summary(result);
        return new ReportSnapshot(summary.Status, summary.Errors, summary.Warnings, ReportParts.Assets(result), Verdicts(ReportParts.Budgets(result)), ReportImport.From(result.Imports))
        {
            Bundles = BundleContents.BundlesAnalysis.ReportBundles(result.Bundles),
        };
    }

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

        var bytes = File.ReadAllBytes(path);
        ReportDocument? document;
        try
        {
            // The version first: a report of another version may hold other shapes, and is named for what it is.
            if (SchemaVersionOf(bytes) != 1)
            {
                throw new InvalidDataException($"{path} is not a BundleBudget report of schema version 1");
            }

            document = JsonSerializer.Deserialize(bytes, ReportReadJson.Default.ReportDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid BundleBudget report: {e.Message}", e);
        }

        if (document is null)
        {
            throw new InvalidDataException($"{path} is not a BundleBudget report of schema version 1");
        }

        try
        {
            return Checked(document);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"{path} is not a valid BundleBudget report: {e.Message}", e);
        }
    }

    /// <summary>What the schema requires and a comparison relies on, checked: deserialising alone lets a key be missing or null.</summary>
    private static ReportSnapshot Checked(ReportDocument document)
    {
        var summary = Required(document.Summary, "summary");
        var assets = Required(document.Assets, "assets").Select(a =>
        {
            Required(a, "an asset");
            return a with
            {
                Path = Text(a.Path, "path").Replace('\\', '/'),
                Type = Text(a.Type, "type"),
                Raw = Size(a.Raw ?? 0, "raw"),
                Gzip = a.Gzip is { } gzip ? Size(gzip, "gzip") : null,
                Brotli = a.Brotli is { } brotli ? Size(brotli, "brotli") : null,
            };
        }).ToList();
        if (assets.Sum(a => (decimal)a.Transfer) > MaxSize)
        {
            throw new InvalidDataException($"its files together are over {MaxSize:N0} bytes, more than any output");
        }

        var budgets = Required(document.Budgets, "budgets").Select(b =>
        {
            Required(b, "a budget");
            Text(b.Name, "name");
            Text(b.Type, "type");
            Text(b.Scope, "scope");
            Text(b.Compression, "compression");
            Text(b.Status, "status");
            Size(b.Actual, "actual");
            _ = b.MaximumWarning is { } warning ? Size(warning, "maximumWarning") : 0;
            _ = b.MaximumError is { } error ? Size(error, "maximumError") : 0;
            _ = b.LimitUnit;
            return b;
        }).ToList();
        var imports = (document.Imports ?? []).Select(i =>
        {
            Required(i, "an import");
            Text(i.File, "file");
            Text(i.Module, "module");
            Text(i.Form, "form");
            Text(i.Rule, "rule");
            Text(i.Fix, "fix");
            return i;
        }).ToList();
        var bundles = (document.Bundles ?? []).Select(b =>
        {
            Required(b, "a bundle");
            Size(b.Bytes, "bytes");
            return b with
            {
                Path = Text(b.Path, "path").Replace('\\', '/'),
                Packages = (b.Packages ?? []).Select(p =>
                {
                    Required(p, "a package");
                    Text(p.Name, "name");
                    Size(p.Bytes, "bytes");
                    return p;
                }).ToList(),
            };
        }).ToList();
        if (bundles.Sum(b => (decimal)b.Bytes) > MaxSize || bundles.Sum(b => b.Packages.Sum(p => (decimal)p.Bytes)) > MaxSize)
        {
            throw new InvalidDataException($"its bundles together are over {MaxSize:N0} bytes, more than any output");
        }

        return new ReportSnapshot(Text(summary.Status, "status"), summary.Errors, summary.Warnings, assets, Verdicts(budgets), imports) { Bundles = bundles };
    }

    /// <summary>The top-level <c>schemaVersion</c>, read without building the document; null when there is none.</summary>
    private static int? SchemaVersionOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("schemaVersion"u8);
            reader.Read();
            if (isVersion)
            {
                return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version) ? version : null;
            }

            reader.Skip();
        }

        return null;
    }

    private static IReadOnlyList<ReportBudget> Verdicts(IEnumerable<ReportBudget> budgets) => budgets.Select(b => b with { Status = b.Verdict }).ToList();

    private static T Required<T>(T? value, string name)
        where T : class => value ?? throw new InvalidDataException($"\"{name}\" is missing");

    private static string Text(string? value, string name) => value ?? throw new InvalidDataException($"\"{name}\" must be a string");

    private static long Size(long value, string name) =>
        value is >= 0 and <= MaxSize ? value : throw new InvalidDataException($"\"{name}\" is {value}, not a size in bytes");
}
