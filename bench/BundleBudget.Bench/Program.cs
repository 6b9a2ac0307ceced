using System.Diagnostics;
using System.Globalization;
using BundleBudget.Core;

// Builds a large output folder from the real Vite build in testassets (its JS, CSS and images repeated under new
// folders, each with a per-copy prefix so that contents differ) and times the check: cold (nothing cached), warm
// (all cached), and brotli for every file. Prints throughput and memory, the numbers the README's targets refer to.
var megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var root = FindRoot();
var source = Path.Combine(root, "testassets", "vite-app", "dist");
var work = Path.Combine(Path.GetTempPath(), "bundlebudget-bench", Guid.NewGuid().ToString("N")[..8]);
var dist = Path.Combine(work, "dist");
Directory.CreateDirectory(dist);

long written = 0;
var copy = 0;
var files = Directory.GetFiles(source, "*", SearchOption.AllDirectories);
while (written < megabytes * 1_000_000L)
{
    foreach (var file in files)
    {
        var relative = Path.GetRelativePath(source, file);
        var target = Path.Combine(dist, $"copy{copy:D4}", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var bytes = File.ReadAllBytes(file);
        // Every copy differs, so that a cold run really compresses every file.
        bytes = [.. System.Text.Encoding.UTF8.GetBytes($"/* copy {copy} */\n"), .. bytes];

        File.WriteAllBytes(target, bytes);
        written += bytes.Length;
    }

    copy++;
}

var budget = Path.Combine(work, "budget.json");
File.WriteAllText(budget, """
    { "outputPath": "dist", "budgets": [
      { "type": "script", "maximumError": "500KB" },
      { "type": "image", "scope": "each", "maximumError": "200KB" },
      { "type": "total", "maximumError": "2MB" }
    ] }
    """);
var cache = Path.Combine(work, "cache.json");
Console.WriteLine($"Output folder: {Directory.GetFiles(dist, "*", SearchOption.AllDirectories).Length} files, {written / 1e6:0.0} MB, {Environment.ProcessorCount} cores");

Measure("cold, gzip", () => BudgetCheck.Run(new CheckOptions(budget, CachePath: cache)));
Measure("warm, gzip", () => BudgetCheck.Run(new CheckOptions(budget, CachePath: cache)));
File.Delete(cache);
Measure("cold, gzip + brotli for every file", () => BudgetCheck.Run(new CheckOptions(budget, CachePath: cache, BrotliForAll: true)));
Measure("warm, gzip + brotli for every file", () => BudgetCheck.Run(new CheckOptions(budget, CachePath: cache, BrotliForAll: true)));
Directory.Delete(work, recursive: true);

// Scale: one 50 MB chunk that a page loads (its imports found in one pass), and 20,000 budgets in a one-line file.
var scale = Path.Combine(Path.GetTempPath(), "bundlebudget-bench", Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(Path.Combine(scale, "dist"));
var chunkSource = File.ReadAllText(Path.Combine(root, "testassets", "ts-app", "dist", "assets", "reports-3-a6-wP2.js")).Replace("import", "impart", StringComparison.Ordinal);
using (var chunk = new StreamWriter(Path.Combine(scale, "dist", "big.js")))
{
    chunk.Write("import{a}from\"./first.js\";\n");
    for (long length = 0; length < 50_000_000; length += chunkSource.Length + 1)
    {
        chunk.Write(chunkSource);
        chunk.Write('\n');
    }
}

File.WriteAllText(Path.Combine(scale, "dist", "first.js"), "export const a=1;");
File.WriteAllText(Path.Combine(scale, "dist", "index.html"), "<script type=module src=big.js></script>");
var chunkBudget = Path.Combine(scale, "chunk-budget.json");
File.WriteAllText(chunkBudget, """{ "outputPath": "dist", "imports": { "rules": "none" }, "budgets": [ { "type": "initial", "maximumError": "50MB" } ] }""");
written = new FileInfo(Path.Combine(scale, "dist", "big.js")).Length;
Measure("a 50 MB chunk a page loads, gzip", () => BudgetCheck.Run(new CheckOptions(chunkBudget)));

var many = new System.Text.StringBuilder("""{ "outputPath": "dist", "imports": { "rules": "none" }, "budgets": [""");
for (var i = 0; i < 20_000; i++)
{
    many.Append(i == 0 ? string.Empty : ",").Append(i % 2 == 0 ? $$"""{"type":"script","maximumError":"{{500 + i}}KB"}""" : $$"""{"files":"assets/chunk-{{i}}-*.js","maximumError":"1MB"}""");
}

var manyBudget = Path.Combine(scale, "many-budget.json");
File.WriteAllText(manyBudget, many.Append("]}").ToString());
File.Delete(Path.Combine(scale, "dist", "big.js"));
written = 0;
Measure("20,000 budgets on one line", () => BudgetCheck.Run(new CheckOptions(manyBudget)));
Directory.Delete(scale, recursive: true);

void Measure(string name, Func<CheckResult> run)
{
    GC.Collect();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var result = run();
    clock.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var stats = result.Statistics!;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-38} {clock.Elapsed.TotalSeconds,7:0.00} s  {(written == 0 ? "-" : $"{written / 1e6 / clock.Elapsed.TotalSeconds:0.0} MB/s"),10}  gzip {stats.GzipComputed,5}  brotli {stats.BrotliComputed,5}  cached {stats.CacheHits,5}  allocated {allocated / 1e6,6:0.0} MB  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB"));
}

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BundleBudget.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
