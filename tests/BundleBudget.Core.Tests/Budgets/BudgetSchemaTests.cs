using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using Json.Schema;

namespace BundleBudget.Core.Tests.Budgets;

/// <summary>
/// schema/budget.schema.json against BudgetFileReader: every file the reader accepts validates, and what the reader
/// rejects for a reason a schema can express is rejected.
/// </summary>
public class BudgetSchemaTests
{
    private static readonly string BudgetPath = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "project", "budget.json"));

    // budget.json allows comments and trailing commas, as BudgetFileReader does.
    private static readonly JsonDocumentOptions BudgetJsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly string[] SkippedFolders = ["node_modules", "bin", "obj", ".git"];

    // A schema is registered globally by its $id when loaded, so it is loaded once.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static string SchemaPath => Path.Combine(TestAssets.RepositoryRoot, "schema", "budget.schema.json");

    private static IReadOnlyList<string> SchemaErrors(string json) => SchemaErrors(Encoding.UTF8.GetBytes(json));

    private static IReadOnlyList<string> SchemaErrors(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8, BudgetJsonOptions);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }

    private static BudgetFileReadResult Read(string json) => BudgetFileReader.Parse(BudgetPath, Encoding.UTF8.GetBytes(json));

    private static IEnumerable<string> BudgetFilesIn(string folder)
    {
        var casing = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive };
        foreach (var file in Directory.EnumerateFiles(folder, "*budget*.json", casing))
        {
            // Not a schema (bundle-budget-report.schema.json, this one) nor BundleBudget's own output (bundle-budget*.json: reports, size caches).
            var name = Path.GetFileName(file);
            // Nor Lighthouse's budget.json (an array, read with "extends" or --from).
            if (!name.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("bundle-budget", StringComparison.OrdinalIgnoreCase)
                && !File.ReadAllText(file).TrimStart().StartsWith('['))
            {
                yield return file;
            }
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
            {
                foreach (var file in BudgetFilesIn(child))
                {
                    yield return file;
                }
            }
        }
    }

    [Test]
    public void The_schema_is_a_valid_draft_2020_12_schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var result = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(result.IsValid, Is.True, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Test]
    public void Every_property_has_a_description_for_the_editor_tooltip()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var definitions = schema["$defs"]!.AsObject();
        var missing = new List<string>();

        void Visit(JsonNode? node, string path)
        {
            if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], $"{path}/{i}");
                }
            }
            else if (node is JsonObject obj)
            {
                foreach (var (key, value) in obj)
                {
                    if (key == "properties" && value is JsonObject properties)
                    {
                        foreach (var (name, property) in properties)
                        {
                            var reference = property?["$ref"]?.GetValue<string>();
                            var described = property?["description"] is not null
                                || (reference is not null && definitions[reference.Replace("#/$defs/", string.Empty, StringComparison.Ordinal)]?["description"] is not null);
                            // The rules (a budget's allOf, the top-level "defines a budget" anyOf) restate properties declared with their description.
                            if (!described && !path.Contains("/allOf/", StringComparison.Ordinal) && !path.StartsWith("#/anyOf/", StringComparison.Ordinal))
                            {
                                missing.Add($"{path}/properties/{name}");
                            }
                        }
                    }

                    Visit(value, $"{path}/{key}");
                }
            }
        }

        Visit(schema, "#");
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_budget_file_in_the_repository_validates()
    {
        var files = BudgetFilesIn(TestAssets.RepositoryRoot).Order(StringComparer.Ordinal).ToList();
        TestContext.Out.WriteLine(string.Join("\n", files.Select(f => Path.GetRelativePath(TestAssets.RepositoryRoot, f))));

        Assert.That(files, Has.Count.GreaterThan(0));
        var failures = files
            .Select(f => (File: Path.GetRelativePath(TestAssets.RepositoryRoot, f), Errors: SchemaErrors(File.ReadAllBytes(f))))
            .Where(f => f.Errors.Count > 0)
            .Select(f => $"{f.File}:\n  {string.Join("\n  ", f.Errors.Take(20))}")
            .ToList();
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    /// <summary>Files the reader accepts without an error, together covering every key of the schema.</summary>
    public static IEnumerable<TestCaseData> ValidSamples()
    {
        yield return Sample("full form", """
            // Comments and trailing commas, as people write config files.
            {
              "$schema": "../schema/budget.schema.json",
              "schemaVersion": 1,
              "outputPath": "dist",
              "compression": "gzip",
              "entries": ["index.html", "/admin/index.html"],
              "budgets": [
                { "name": "scripts", "type": "script", "maximumWarning": "400KB", "maximumError": "500KB" },
                { "type": ["script", "stylesheet"], "scope": "total", "maximumError": "1.5 MB", "compression": "br" },
                { "type": "image", "scope": "each", "maximumWarning": 150000, "maximumError": "200kB" },
                { "type": "font", "maximumError": "488 KiB", "compression": "none" },
                { "type": "document", "maximumError": "50KB", "compression": "raw" },
                { "type": "media", "maximumError": "2 MiB" },
                { "type": "other", "maximumError": "1GB" },
                { "type": "total", "maximumError": "2MB", "compression": "brotli" },
                { "files": "assets/vendor-*.js", "maximumError": "150KB" },
                { "type": [], "files": "./assets/**/*.{js,css}", "maximumError": "512 bytes" },
                { "type": "script", "files": "assets\\[a-z]*.js", "scope": "each", "maximumError": 0 },
              ],
            }
            """);
        yield return Sample("simple form", """
            {
              "budget": {
                "bundle_size": "< 500KB",
                "image_sizes": "< 200KB per image",
                "font_files": "< 100KB total",
                "js_size": "<= 170KB gzipped",
                "CSS_Size": "\u2264 50 kB brotli each",
                "script_size": 300000,
                "stylesheet_size": "< 60KB in total",
                "image_size": "< 1 MiB per file",
                "font_size": "< 40KB raw",
                "document_size": "< 20KB minified",
                "html_size": "< 30KB uncompressed",
                "media_size": "< 5MB br",
                "total_size": "2MB",
                "page_weight": "< 3 MB gzip total",
                "initial_page_load": "< 3s on a slow mobile network",
                "page_load": "\u2264 2500ms over fast 3G",
                "Load_Time": "< 5 seconds on an LTE",
                "lcp": "< 2.5s",
                "time_to_interactive": "< 5s",
                "cls": 0.1,
                "favourite_colour": "blue"
              }
            }
            """);
        yield return Sample("imports with extra rules", """
            {
              "imports": {
                "sources": ["ClientApp/src/**/*.{ts,tsx}", "ClientApp/legacy/*.js"],
                "rules": "none",
                "extra": [
                  { "id": "big-charts", "module": "big-charts", "forms": ["import-default", "import-namespace"], "message": "import from 'big-charts/line' instead" },
                  { "module": ["@icons/*", "icons"], "forms": "import-named", "names": ["all", "everything"], "message": "import each icon", "cost": "every icon, 2 MB" },
                  { "module": "legacy-lib", "forms": ["require", "dynamic-import", "export-all", "export-named", "import-side-effect", "import-equals", "import-type"], "names": "x", "message": "drop it" },
                  { "module": "nothing", "forms": [], "message": "never fires" }
                ],
                "allow": ["moment", "ClientApp/src/legacy/**"],
                "severity": "error"
              }
            }
            """);
        yield return Sample("imports with defaults and a single glob", """
            { "imports": { "sources": "src/**/*.ts", "rules": "recommended", "allow": [], "severity": "warning" } }
            """);
        yield return Sample("images and fonts", """
            {
              "budgets": [{ "type": "image", "maximumError": "5MB" }],
              "images": { "maxWidth": 2560, "maxHeight": 1440, "maxBytesPerPixel": 0.25, "efficiencyMinBytes": "30KB",
                          "modernFormatMinBytes": 100000, "animatedGifMaxBytes": "100KB", "severity": "error" },
              "fonts": { "maxFiles": 4, "maxTotalBytes": "100KB", "severity": "warning" }
            }
            """);
        yield return Sample("initial with entry and network", """
            {
              "entries": ["index.html", "admin.html"],
              "budgets": [
                { "type": "initial", "maximumWarning": "40KB", "maximumError": "170KB" },
                { "type": "initial", "entry": "admin.html", "maximumError": "60KB", "compression": "brotli" },
                { "type": "initial", "network": "slow-4g", "maximumWarning": "2s", "maximumError": "3s" },
                { "type": ["initial"], "entry": "/index.html", "network": "Slow 3G", "maximumError": "2500ms" },
                { "name": "on LTE", "type": "initial", "network": "lte", "maximumError": "1.5 seconds" },
                { "type": "initial", "network": "fast-3g", "maximumWarning": "4 sec" },
                { "type": "initial", "network": "slow mobile network", "maximumError": "5S" }
              ]
            }
            """);

        yield return Sample("strict", """
            { "strict": true, "budgets": [{ "type": "script", "maximumError": "500KB" }] }
            """);
        yield return Sample("siteRoot", """
            { "outputPath": "dist/app", "siteRoot": "browser", "budgets": [{ "type": "initial", "maximumError": "170KB" }] }
            """);
        yield return Sample("a simple form of browser metrics", """
            { "budget": { "initial_page_load": "< 3s", "time_to_interactive": "< 5s", "LCP": "< 2.5s", "cls": "< 0.1", "lighthouse_score": "> 90", "inp": "< 200ms" } }
            """);
        yield return Sample("timing budgets and how they are measured", """
            {
              "timings": { "runs": 3, "device": "desktop", "spaFallback": true },
              "budgets": [
                { "type": "timing", "metric": "lcp", "entry": "index.html", "maximumWarning": "2s", "maximumError": "2.5s" },
                { "type": "timing", "metric": "tbt", "maximumError": "200ms" },
                { "name": "no shifting", "type": "timing", "metric": "cls", "maximumWarning": 0.05, "maximumError": 0.1 },
                { "type": "timing", "metric": "score", "minimumWarning": 95, "minimumError": 90, "maximumRegression": 5 },
                { "type": "timing", "metric": "lcp", "maximumRegression": "10%" },
                { "type": "timing", "metric": "tbt", "maximumRegression": "50ms" },
                { "type": "timing", "metric": "cls", "maximumRegression": 0.02 }
              ]
            }
            """);
        yield return Sample("count limits", """
            { "budgets": [
                { "type": "script", "maximumCountWarning": 20, "maximumCount": 30 },
                { "type": "initial", "maximumError": "170KB", "maximumCount": 12 },
                { "files": "assets/*.woff2", "scope": "total", "maximumCount": 2 } ] }
            """);
        yield return Sample("exclude and mustMatch", """
            { "budgets": [
                { "files": "assets/*.js", "exclude": "assets/vendor-*.js", "mustMatch": true, "scope": "each", "maximumError": 8704 },
                { "type": "stylesheet", "exclude": ["a.css", "b/*.css"], "maximumError": "1kB" } ] }
            """);
        yield return Sample("initial scripts only", """
            { "budgets": [{ "type": "initial", "files": "**/*.js", "exclude": "polyfills-*.js", "maximumError": "170KB" }] }
            """);
        yield return Sample("pages by URL path, as Lighthouse's budget.json chooses them", """
            { "budgets": [
                { "type": "initial", "files": "**/*.js", "path": "/*", "excludePaths": ["/about", "/blog/*.html$"], "maximumError": "8KiB" },
                { "type": "initial", "path": "/about", "renderLoads": true, "maximumCount": 10 },
                { "type": "timing", "metric": "fcp", "path": "/blog", "excludePaths": "/blog/drafts", "maximumError": "2s" } ] }
            """);
        yield return Sample("every file compressed, as bundlewatch measures", """
            { "budgets": [{ "files": "assets/*.png", "compression": "brotli", "compressEveryFile": true, "scope": "each", "maximumError": 184768 }] }
            """);
        yield return Sample("minimum sizes", """
            { "budgets": [
                { "files": "main-*.js", "minimumWarning": "90kB", "minimumError": 80000, "maximumError": "120kB" },
                { "type": "initial", "minimumError": "100kB" } ] }
            """);
        yield return Sample("growth limits", """
            { "budgets": [
                { "type": "script", "maximumGrowth": "5%" },
                { "type": "total", "maximumError": "2MB", "maximumGrowth": "10kB" },
                { "type": "initial", "network": "slow-4g", "maximumError": "3s", "maximumGrowth": "200ms" } ] }
            """);
        yield return Sample("entries as objects", """
            {
              "strict": false,
              "entries": ["index.html", { "path": "browser/index.html", "siteRoot": "browser" }, { "path": "browser/admin/index.html" }],
              "budgets": [{ "type": "initial", "entry": "browser/index.html", "maximumError": "170KB" }]
            }
            """);
    }

    private static TestCaseData Sample(string name, string json) => new TestCaseData(json).SetArgDisplayNames(name);

    [TestCaseSource(nameof(ValidSamples))]
    public void A_file_the_reader_accepts_validates(string json)
    {
        var read = Read(json);
        var errors = read.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.That(errors, Is.Empty, "the reader accepts the sample: " + string.Join("\n", errors));
        Assert.That(SchemaErrors(json), Is.Empty);
    }

    /// <summary>Files the reader rejects, each for a reason the schema expresses too.</summary>
    public static IEnumerable<TestCaseData> InvalidSamples()
    {
        const string Script = "{ \"type\": \"script\", \"maximumError\": \"500KB\" }";
        yield return Invalid("an unknown top-level key", $$"""{ "budgets": [{{Script}}], "budgest": [] }""");
        yield return Invalid("an unknown budget key", """{ "budgets": [{ "type": "script", "maximumError": "500KB", "maximum": "1MB" }] }""");
        yield return Invalid("a bad type name", """{ "budgets": [{ "type": "scripts", "maximumError": "500KB" }] }""");
        yield return Invalid("a type name in the wrong case", """{ "budgets": [{ "type": "Script", "maximumError": "500KB" }] }""");
        yield return Invalid("a bad compression", $$"""{ "compression": "zip", "budgets": [{{Script}}] }""");
        yield return Invalid("a bad size string", """{ "budgets": [{ "type": "script", "maximumError": "500 KBs" }] }""");
        yield return Invalid("a negative size", """{ "budgets": [{ "type": "script", "maximumError": -1 }] }""");
        yield return Invalid("a fractional number of bytes", """{ "budgets": [{ "type": "script", "maximumError": 1.5 }] }""");
        yield return Invalid("a size above 1 PB", """{ "budgets": [{ "type": "script", "maximumError": "1000001GB" }] }""");
        yield return Invalid("scope all", """{ "budgets": [{ "type": "script", "scope": "all", "maximumError": "500KB" }] }""");
        yield return Invalid("severity fatal", $$"""{ "budgets": [{{Script}}], "images": { "severity": "fatal" } }""");
        yield return Invalid("a budget with neither type nor files", """{ "budgets": [{ "maximumError": "500KB" }] }""");
        yield return Invalid("an empty type list without files", """{ "budgets": [{ "type": [], "maximumError": "500KB" }] }""");
        yield return Invalid("a budget without a limit", """{ "budgets": [{ "type": "script" }] }""");
        yield return Invalid("a count limit on scope each", """{ "budgets": [{ "type": "script", "scope": "each", "maximumCount": 3 }] }""");
        yield return Invalid("a count that is no whole number", """{ "budgets": [{ "type": "script", "maximumCount": 2.5 }] }""");
        yield return Invalid("a growth that is neither a percentage nor a size", """{ "budgets": [{ "type": "script", "maximumGrowth": "a lot" }] }""");
        yield return Invalid("a negative count", """{ "budgets": [{ "type": "script", "maximumCountWarning": -1 }] }""");
        yield return Invalid("no budget at all", """{ "outputPath": "dist" }""");
        yield return Invalid("a simple form with only metrics BundleBudget does not measure", """{ "budget": { "speed_index": "< 3s" } }""");
        yield return Invalid("a simple-form lcp that is no time", """{ "budget": { "lcp": "fast" } }""");
        yield return Invalid("a simple-form score that is no number", """{ "budget": { "lighthouse_score": "> great" } }""");
        yield return Invalid("schemaVersion 2", $$"""{ "schemaVersion": 2, "budgets": [{{Script}}] }""");
        yield return Invalid("an absolute glob", """{ "budgets": [{ "files": "/assets/*.js", "maximumError": "500KB" }] }""");
        yield return Invalid("** inside a path segment", """{ "budgets": [{ "files": "assets/**.js", "maximumError": "500KB" }] }""");
        yield return Invalid("an unclosed [", """{ "budgets": [{ "files": "assets/[a-z.js", "maximumError": "500KB" }] }""");
        yield return Invalid("network on a script budget", """{ "budgets": [{ "type": "script", "network": "slow-4g", "maximumError": "3s" }] }""");
        yield return Invalid("an unknown network", """{ "budgets": [{ "type": "initial", "network": "5g", "maximumError": "3s" }] }""");
        yield return Invalid("a size on a network", """{ "budgets": [{ "type": "initial", "network": "slow-4g", "maximumError": "170KB" }] }""");
        yield return Invalid("a load time without a network", """{ "budgets": [{ "type": "initial", "maximumError": "3s" }] }""");
        yield return Invalid("a load time of an hour", """{ "budgets": [{ "type": "initial", "network": "4g", "maximumError": "3600s" }] }""");
        yield return Invalid("initial with another type", """{ "budgets": [{ "type": ["initial", "script"], "maximumError": "170KB" }] }""");
        yield return Invalid("a path with two wildcards", """{ "budgets": [{ "type": "initial", "path": "/a*b*", "maximumError": "170KB" }] }""");
        yield return Invalid("a path that is no URL path", """{ "budgets": [{ "type": "initial", "path": "blog", "maximumError": "170KB" }] }""");
        yield return Invalid("initial with mustMatch", """{ "budgets": [{ "type": "initial", "mustMatch": true, "maximumError": "170KB" }] }""");
        yield return Invalid("initial with a scope", """{ "budgets": [{ "type": "initial", "scope": "each", "maximumError": "170KB" }] }""");
        yield return Invalid("entry on a script budget", """{ "budgets": [{ "type": "script", "entry": "index.html", "maximumError": "170KB" }] }""");
        yield return Invalid("entries that are not a list", $$"""{ "entries": "index.html", "budgets": [{{Script}}] }""");
        yield return Invalid("a simple-form limit that is not a size", """{ "budget": { "bundle_size": "< 500 KBs" } }""");
        yield return Invalid("a simple-form load time on an unknown network", """{ "budget": { "initial_page_load": "< 3s on 5G" } }""");
        yield return Invalid("an unknown import rule set", """{ "imports": { "rules": "all" } }""");
        yield return Invalid("an unknown import key", """{ "imports": { "source": ["src/**/*.ts"] } }""");
        yield return Invalid("an extra rule without a message", """{ "imports": { "extra": [{ "module": "big-charts" }] } }""");
        yield return Invalid("an extra rule with an empty module list", """{ "imports": { "extra": [{ "module": [], "message": "no" }] } }""");
        yield return Invalid("an unknown import form", """{ "imports": { "extra": [{ "module": "m", "forms": ["import-everything"], "message": "no" }] } }""");
        yield return Invalid("an unknown image key", $$"""{ "budgets": [{{Script}}], "images": { "maxDepth": 3 } }""");
        yield return Invalid("a fractional maxWidth", $$"""{ "budgets": [{{Script}}], "images": { "maxWidth": 2560.5 } }""");
        yield return Invalid("maxBytesPerPixel 0", $$"""{ "budgets": [{{Script}}], "images": { "maxBytesPerPixel": 0 } }""");
        yield return Invalid("a timing budget without a metric", """{ "budgets": [{ "type": "timing", "maximumError": "2s" }] }""");
        yield return Invalid("an unknown metric", """{ "budgets": [{ "type": "timing", "metric": "inp", "maximumError": "200ms" }] }""");
        yield return Invalid("a score with a maximum", """{ "budgets": [{ "type": "timing", "metric": "score", "maximumError": 90 }] }""");
        yield return Invalid("a time with a minimum", """{ "budgets": [{ "type": "timing", "metric": "lcp", "minimumError": "2s" }] }""");
        yield return Invalid("a cls limit as a time", """{ "budgets": [{ "type": "timing", "metric": "cls", "maximumError": "0.1s" }] }""");
        yield return Invalid("an lcp limit as a size", """{ "budgets": [{ "type": "timing", "metric": "lcp", "maximumError": "500KB" }] }""");
        yield return Invalid("a timing budget with files", """{ "budgets": [{ "type": "timing", "metric": "lcp", "files": "*.js", "maximumError": "2s" }] }""");
        yield return Invalid("an lcp regression as a bare number", """{ "budgets": [{ "type": "timing", "metric": "lcp", "maximumRegression": 200 }] }""");
        yield return Invalid("runs 0", $$"""{ "budgets": [{{Script}}], "timings": { "runs": 0 } }""");
        yield return Invalid("an unknown device", $$"""{ "budgets": [{{Script}}], "timings": { "device": "tablet" } }""");
        yield return Invalid("an unknown font key", $$"""{ "budgets": [{{Script}}], "fonts": { "maxFile": 3 } }""");
    }

    private static TestCaseData Invalid(string reason, string json) => new TestCaseData(json).SetArgDisplayNames(reason);

    [TestCaseSource(nameof(InvalidSamples))]
    public void A_file_the_reader_rejects_is_rejected(string json)
    {
        Assert.That(Read(json).HasErrors, Is.True, "the reader rejects the sample");
        Assert.That(SchemaErrors(json), Is.Not.Empty, "the schema rejects the sample");
    }

    [TestCase("500KB", true)]
    [TestCase("500kB", true)]
    [TestCase("500 kb", true)]
    [TestCase(" 1.5 MB ", true)]
    [TestCase("2MB", true)]
    [TestCase("1GB", true)]
    [TestCase("488KiB", true)]
    [TestCase("1MiB", true)]
    [TestCase("1 GiB", true)]
    [TestCase("512", true)]
    [TestCase("512B", true)]
    [TestCase("512 bytes", true)]
    [TestCase("1 Byte", true)]
    [TestCase("0.5kB", true)]
    [TestCase("0", true)]
    [TestCase("007KB", true)]
    [TestCase("500\u00A0KB", true)]
    [TestCase("\t500KB\n", true)]
    [TestCase("1000000000000000", true)]
    [TestCase("1000000GB", true)]
    [TestCase("976562500000 KiB", true)]
    [TestCase("931322.574615478515625 GiB", true)]
    [TestCase("1000000000000000.0000000000000049 B", true)]
    [TestCase("1000000000000000.00000000000006 B", false)]
    [TestCase("1000000000000000.000000000000051 B", false)]
    [TestCase("500 KBs", false)]
    [TestCase("-1KB", false)]
    [TestCase("KB", false)]
    [TestCase("", false)]
    [TestCase("5 TB", false)]
    [TestCase("1,5MB", false)]
    [TestCase("500K", false)]
    [TestCase(".5KB", false)]
    [TestCase("1.KB", false)]
    [TestCase("1e3", false)]
    [TestCase("500 K B", false)]
    [TestCase("\uFF15\uFF10\uFF10KB", false)]
    [TestCase("\uFEFF500KB", false)]
    [TestCase("1000000000000001", false)]
    [TestCase("1000001GB", false)]
    [TestCase("976562500001 KiB", false)]
    [TestCase("931322.5746154785156251 GiB", false)]
    [TestCase("79228162514264337593543950335GB", false)]
    [TestCase("2000000000000000000000000", false)]
    public void The_size_pattern_agrees_with_ByteSize_TryParse(string text, bool accepted)
    {
        Assert.That(ByteSize.TryParse(text, out _), Is.EqualTo(accepted), "ByteSize.TryParse");
        var json = $$"""{ "budgets": [{ "type": "script", "maximumError": {{JsonSerializer.Serialize(text)}} }] }""";
        Assert.That(SchemaErrors(json), accepted ? Is.Empty : Is.Not.Empty, "the schema");
    }
}
