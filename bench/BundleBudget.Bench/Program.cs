using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

// The benchmark of issue #9: wall time and peak RSS of whole processes, measured with /usr/bin/time in one run.
// bundlewatch 0.4.2 and the published bundle-budget CLI check the same large output folder (bench/large-output/out);
// then the CLI alone on a 50 MB chunk and on 20,000 budgets. Each run is repeated and the median is reported.
// Last (unless --skip-msbuild), a publish of the blazorwasm template with the package against the same publish without
// the check, and an unchanged dotnet build of a web project with the BundleBudget package against the
// same build with the check disabled, timed with a Stopwatch around the process.
// Progress goes to stderr, the report to stdout. Exit code 0 even when a target is missed; 1 when a run failed.
const int Repeats = 3;
const int BuildRounds = 10;
const int PublishRounds = 5;
const string BenchPackageVersion = "0.0.0-bench";
const string TimeTool = "/usr/bin/time";
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var showTimings = args.Contains("--timings");
var skipMSBuild = args.Contains("--skip-msbuild");
if (args.Any(arg => arg is not ("--timings" or "--skip-msbuild")))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/BundleBudget.Bench [-- [--timings] [--skip-msbuild]]");
    return 2;
}

if (!File.Exists(TimeTool))
{
    Console.Error.WriteLine($"{TimeTool} is missing: the bench measures every process with GNU time. Install it (Debian/Ubuntu: apt-get install time).");
    return 2;
}

var root = FindRoot();
var largeOutput = Path.Combine(root, "bench", "large-output");
var outDir = Path.Combine(largeOutput, "out");
var work = Directory.CreateTempSubdirectory("bundlebudget-bench-").FullName;
string? packedFeed = null; // the package, packed once for the build and the publish rows
string cli; // the published tool (run with dotnet, as an installed dotnet tool is)
try
{
    EnsureLargeOutput();
    cli = PublishCli();
    PrintMachine();

    var budget = WriteFile("large/budget.json", LargeBudget(outDir));
    var cache = Path.Combine(work, "large", "cache.bin");
    var chunk = RouteChunk(outDir);
    var chunkBudget = MakeChunkScenario();
    var manyBudget = MakeManyBudgetsScenario();

    var bundlewatch = new List<Measurement>();
    var cold = new List<Measurement>();
    var warm = new List<Measurement>();
    var changed = new List<Measurement>();
    var bigChunk = new List<Measurement>();
    var many = new List<Measurement>();
    var bundlewatchResults = 0;
    for (var round = 1; round <= Repeats; round++)
    {
        Console.Error.WriteLine($"round {round}/{Repeats}");
        (var measured, bundlewatchResults) = RunBundlewatch();
        bundlewatch.Add(measured);
        File.Delete(cache);
        cold.Add(Check($"nothing cached #{round}", budget, cache));
        warm.Add(Check($"nothing changed #{round}", budget, cache));
        changed.Add(WithChangedChunk(chunk, round, () => Check($"one chunk changed #{round}", budget, cache)));
        bigChunk.Add(CheckUncached($"50 MB chunk #{round}", chunkBudget));
        many.Add(CheckUncached($"20,000 budgets #{round}", manyBudget));
    }

    var unchangedBuild = skipMSBuild ? null : MeasureUnchangedBuild();
    var publish = skipMSBuild ? null : MeasurePublish();
    var peer = Median(bundlewatch);
    var rows = new List<Row>
    {
        MeasuredRow($"bundlewatch 0.4.2 (gzip), {bundlewatchResults} files", bundlewatch, "reference", null),
        BundleBudgetRow("BundleBudget, nothing cached", cold, peer.WallSeconds / 3, $"≤ 1/3 of bundlewatch: {Median(cold).WallSeconds / peer.WallSeconds:0.00}× bundlewatch"),
        BundleBudgetRow("BundleBudget, nothing changed", warm, 0.3, "≤ 0.3 s"),
        BundleBudgetRow($"BundleBudget, one chunk changed ({Path.GetRelativePath(outDir, chunk)})", changed, 0.5, "≤ 0.5 s"),
        BundleBudgetRow("BundleBudget, a 50 MB chunk a page loads, nothing cached", bigChunk, 5, "< 5 s", strictlyBelow: true),
        BundleBudgetRow("BundleBudget, 20,000 budgets on one line, nothing cached", many, 2, "< 2 s", strictlyBelow: true),
    };
    if (publish is not null)
    {
        rows.Add(publish);
    }

    if (unchangedBuild is not null)
    {
        rows.Add(unchangedBuild);
    }

    PrintTable(rows);
    Console.WriteLine($"Load average at end: {LoadAverage()} (other work on the machine inflates the times).");
    return 0;
}
catch (BenchFailure failure)
{
    Console.Error.WriteLine($"bench failed: {failure.Message}");
    return 1;
}
finally
{
    Directory.Delete(work, recursive: true);
}

// bench/large-output/out as its README says: npm ci when node_modules is missing, then node make.mjs out.
void EnsureLargeOutput()
{
    if (Directory.Exists(outDir))
    {
        return;
    }

    if (!Directory.Exists(Path.Combine(largeOutput, "node_modules")))
    {
        RunVisible("npm", ["ci"], largeOutput);
    }

    RunVisible("node", ["make.mjs", "out"], largeOutput);
}

// Published once, its intermediate files under the temp folder (--artifacts-path), so src/*/obj and bin are not touched.
string PublishCli()
{
    // net10.0: the build the tool package installs on linux-x64 with .NET 10 (ReadyToRun); see the project file.
    Console.Error.WriteLine("publishing src/BundleBudget.Cli (Release, net10.0)");
    var cliDir = Path.Combine(work, "cli");
    var project = Path.Combine(root, "src", "BundleBudget.Cli");
    var result = RunCaptured("dotnet", ["publish", project, "-c", "Release", "-f", "net10.0", "-o", cliDir, "--artifacts-path", Path.Combine(work, "build")], root);
    if (result.ExitCode != 0)
    {
        throw new BenchFailure($"dotnet publish exited {result.ExitCode}:\n{Tail(result.Output)}");
    }

    return Path.Combine(cliDir, "bundle-budget.dll");
}

void PrintMachine()
{
    var cpuInfo = File.Exists("/proc/cpuinfo") ? File.ReadAllLines("/proc/cpuinfo") : [];
    var cores = cpuInfo.Count(line => line.StartsWith("processor", StringComparison.Ordinal));
    var model = cpuInfo.FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
    var node = RunCaptured("node", ["--version"], root).Output.Trim();
    var sdk = RunCaptured("dotnet", ["--version"], work).Output.Trim();
    var files = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories);
    var bytes = files.Sum(file => new FileInfo(file).Length);
    Console.WriteLine($"Machine: {cores} cores in /proc/cpuinfo, Environment.ProcessorCount {Environment.ProcessorCount}, CPU {model}, {RuntimeInformation.FrameworkDescription} (SDK {sdk}), node {node}; load average {LoadAverage()} at start");
    Console.WriteLine($"bench/large-output/out: {files.Length} files, {bytes / 1e6:0.0} MB ({bytes / 1048576.0:0.0} MiB)");
    Console.WriteLine();
}

(Measurement Measured, int Results) RunBundlewatch()
{
    // The README's command: offline (the URL shortener's request goes to a closed port), exit 1 as images fail.
    var run = Measure("env", ["-u", "CI", "HTTPS_PROXY=http://127.0.0.1:9", "NO_PROXY=", "npx", "--no-install", "bundlewatch", "--config", "bundlewatch.config.json"], largeOutput);
    var results = ResultLine().Count(run.Result.Output);
    if (run.Result.ExitCode is not (0 or 1) || results == 0)
    {
        throw new BenchFailure($"bundlewatch exited {run.Result.ExitCode} with {results} result lines:\n{Tail(run.Result.Output)}");
    }

    return (run.Measured, results);
}

Measurement CheckUncached(string name, string budgetFile)
{
    var cacheFile = Path.Combine(Path.GetDirectoryName(budgetFile)!, "cache.bin");
    File.Delete(cacheFile);
    return Check(name, budgetFile, cacheFile);
}

Measurement Check(string name, string budgetFile, string cacheFile)
{
    var environment = new Dictionary<string, string?> { ["BUNDLEBUDGET_TIMING"] = showTimings ? "1" : null, ["GITHUB_ACTIONS"] = null };
    var run = Measure("dotnet", [cli, "check", "--budget", budgetFile, "--cache", cacheFile, "--quiet"], work, environment);
    if (run.Result.ExitCode is not (0 or 1))
    {
        throw new BenchFailure($"bundle-budget ({name}) exited {run.Result.ExitCode}:\n{Tail(run.Result.Output)}");
    }

    if (showTimings)
    {
        Console.WriteLine($"{name}: {run.Measured.WallSeconds:0.00} s, {run.Measured.PeakMegabytes:0.0} MB");
        foreach (var line in run.Result.Stderr.Split('\n').Where(line => line.StartsWith("timing:", StringComparison.Ordinal)))
        {
            Console.WriteLine($"    {line}");
        }
    }

    return run.Measured;
}

// Appends "\n//changed <round>" to the chunk for one run. The original file is moved aside and moved back, so its
// bytes and its last-write time (to the nanosecond) are what make.mjs wrote, whatever the run does.
Measurement WithChangedChunk(string chunkPath, int round, Func<Measurement> run)
{
    var original = Path.Combine(work, "original-chunk.js");
    var lastWrite = File.GetLastWriteTimeUtc(chunkPath);
    File.Move(chunkPath, original);
    try
    {
        File.WriteAllBytes(chunkPath, [.. File.ReadAllBytes(original), .. Encoding.UTF8.GetBytes($"\n//changed {round}")]);
        return run();
    }
    finally
    {
        File.Move(original, chunkPath, overwrite: true);
        if (File.GetLastWriteTimeUtc(chunkPath) != lastWrite)
        {
            File.SetLastWriteTimeUtc(chunkPath, lastWrite); // only when the move had to copy (another file system)
        }
    }
}

// One 50 MB chunk that the page loads (a real chunk repeated, its imports renamed so that only the first line
// imports), checked against an initial budget.
string MakeChunkScenario()
{
    var source = File.ReadAllText(Path.Combine(root, "testassets", "ts-app", "dist", "assets", "reports-3-a6-wP2.js"))
        .Replace("import", "impart", StringComparison.Ordinal);
    var dist = Path.Combine(work, "chunk", "dist");
    Directory.CreateDirectory(dist);
    using (var chunk = new StreamWriter(Path.Combine(dist, "big.js")))
    {
        chunk.Write("import{a}from\"./first.js\";\n");
        for (long length = 0; length < 50_000_000; length += source.Length + 1)
        {
            chunk.Write(source);
            chunk.Write('\n');
        }
    }

    File.WriteAllText(Path.Combine(dist, "first.js"), "export const a=1;");
    File.WriteAllText(Path.Combine(dist, "index.html"), "<script type=module src=big.js></script>");
    return WriteFile("chunk/budget.json", """{ "outputPath": "dist", "imports": { "rules": "none" }, "budgets": [ { "type": "initial", "maximumError": "50MB" } ] }""");
}

// 20,000 budgets in a budget.json of one line, on a page that loads one small module.
string MakeManyBudgetsScenario()
{
    var dist = Path.Combine(work, "many", "dist");
    Directory.CreateDirectory(dist);
    File.WriteAllText(Path.Combine(dist, "first.js"), "export const a=1;");
    File.WriteAllText(Path.Combine(dist, "index.html"), "<script type=module src=first.js></script>");
    var budgets = Enumerable.Range(0, 20_000).Select(i => i % 2 == 0
        ? $$"""{"type":"script","maximumError":"{{500 + i}}KB"}"""
        : $$"""{"files":"assets/chunk-{{i}}-*.js","maximumError":"1MB"}""");
    return WriteFile("many/budget.json", $$"""{ "outputPath": "dist", "imports": { "rules": "none" }, "budgets": [{{string.Join(",", budgets)}}]}""");
}

// An unchanged dotnet build of testassets/SampleWebApp with the BundleBudget package, against the same build with
// BundleBudgetEnabled=false: alternating rounds, the build without the check first. Normal build servers (no
// --disable-build-servers), as a developer's inner loop has them. Every build with the package must have skipped the
// check (it says "unchanged since the last check"); otherwise the row would measure a check, and the bench fails.
Row MeasureUnchangedBuild()
{
    var project = MakeSampleWebApp(packedFeed ??= PackTasks());
    string[] properties = ["-p:BundleBudgetPackageVersion=" + BenchPackageVersion, "-p:RestorePackagesPath=" + Path.Combine(work, "msbuild", "packages")];
    string[] withPackage = ["--no-restore", .. properties];
    string[] withoutCheck = [.. withPackage, "-p:BundleBudgetEnabled=false"];
    Console.Error.WriteLine("dotnet build of the sample web app: restore and first check, then one warm-up build each way");
    ExpectOutput("the first build (restore and first check)", Build("the first build", project, properties), "BundleBudget: within budget");
    Build("the warm-up build with the package", project, withPackage);
    Build("the warm-up build without the check", project, withoutCheck);

    var timesWithout = new List<double>();
    var timesWith = new List<double>();
    for (var round = 1; round <= BuildRounds; round++)
    {
        Console.Error.WriteLine($"dotnet build round {round}/{BuildRounds}");
        var (result, milliseconds) = TimedBuild($"the build without the check #{round}", project, withoutCheck);
        if (result.Output.Contains("BundleBudget:", StringComparison.Ordinal))
        {
            throw new BenchFailure($"the build without the check #{round} ran BundleBudget (BundleBudgetEnabled=false):\n{Tail(result.Output)}");
        }

        timesWithout.Add(milliseconds);
        (result, milliseconds) = TimedBuild($"the build with the package #{round}", project, withPackage);
        ExpectOutput($"the build with the package #{round}", result, "BundleBudget: unchanged since the last check");
        timesWith.Add(milliseconds);
    }

    return UnchangedBuildRow(timesWithout, timesWith);
}

// dotnet publish of the SDK's Blazor WebAssembly template with the package (which checks the publish folder by default)
// against the same publish with BundleBudgetEnabled=false: alternating rounds, the publish without the check first,
// each after deleting obj/bundlebudget, so that every check with the package starts with nothing cached, as on a clean
// CI machine. The framework compresses every file already: the check reads its .br and .gz sizes and compresses
// nothing, which is what keeps it under a second.
Row MeasurePublish()
{
    var feed = packedFeed ??= PackTasks();
    var app = Path.Combine(work, "publish", "app");
    var created = RunCaptured("dotnet", ["new", "blazorwasm", "-o", app, "--no-restore"], work);
    if (created.ExitCode != 0)
    {
        throw new BenchFailure($"dotnet new blazorwasm exited {created.ExitCode}:\n{Tail(created.Output)}");
    }

    UseFeed("publish", feed, "\n    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />");
    var projectFile = Path.Combine(app, "app.csproj");
    File.WriteAllText(projectFile, File.ReadAllText(projectFile).Replace("</Project>", $"""
          <ItemGroup>
            <PackageReference Include="BundleBudget" Version="{BenchPackageVersion}" />
          </ItemGroup>
        </Project>
        """, StringComparison.Ordinal));
    File.WriteAllText(Path.Combine(app, "budget.json"), """{ "budgets": [ { "type": "initial", "compression": "brotli", "maximumError": "5MB" }, { "type": "wasm", "scope": "each", "compression": "brotli", "maximumError": "2MB" } ], "imports": { "rules": "none" } }""");
    string[] publishArguments = ["-c", "Release", "-o", Path.Combine(work, "publish", "out"), "-p:RestorePackagesPath=" + Path.Combine(work, "publish", "packages")];
    string[] withoutCheck = [.. publishArguments, "-p:BundleBudgetEnabled=false"];
    Console.Error.WriteLine("dotnet publish of the blazorwasm template: restore and first publish, then one warm-up publish each way");
    ExpectOutput("the first publish", Publish("the first publish", app, publishArguments), "BundleBudget: within budget");
    Publish("the warm-up publish without the check", app, withoutCheck);

    var timesWithout = new List<double>();
    var timesWith = new List<double>();
    for (var round = 1; round <= PublishRounds; round++)
    {
        Console.Error.WriteLine($"dotnet publish round {round}/{PublishRounds}");
        var stopwatch = Stopwatch.StartNew();
        Publish($"the publish without the check #{round}", app, withoutCheck);
        timesWithout.Add(stopwatch.Elapsed.TotalMilliseconds);

        Directory.Delete(Path.Combine(app, "obj", "bundlebudget"), recursive: true);
        stopwatch.Restart();
        var result = Publish($"the publish with the package #{round}", app, publishArguments);
        timesWith.Add(stopwatch.Elapsed.TotalMilliseconds);
        ExpectOutput($"the publish with the package #{round}", result, "BundleBudget: within budget");
    }

    var withMedian = Math.Round(MedianOf(timesWith));
    var withoutMedian = Math.Round(MedianOf(timesWithout));
    var more = withMedian - withoutMedian;
    return new Row(
        $"dotnet publish of the blazorwasm template with the package, nothing cached (median of {PublishRounds} alternating)",
        $"{more:+0;-0;+0} ms ({withMedian:0} ms vs {withoutMedian:0} ms)",
        "-",
        "< 1 s more",
        more < 1000 ? "yes" : "**no**",
        "without / with the package, ms, by round: " + string.Join(", ", timesWithout.Zip(timesWith, (off, on) => $"{off:0} / {on:0}")));
}

ProcessResult Publish(string name, string project, IReadOnlyList<string> arguments)
{
    var result = RunCaptured("dotnet", ["publish", .. arguments], project);
    if (result.ExitCode != 0)
    {
        throw new BenchFailure($"{name} (dotnet publish {string.Join(' ', arguments)}) exited {result.ExitCode}:\n{Tail(result.Output)}");
    }

    return result;
}

// The MSBuild package, packed once into a feed under the temp folder (--artifacts-path: src/*/obj and bin untouched).
string PackTasks()
{
    Console.Error.WriteLine($"packing src/BundleBudget.Tasks (Release, {BenchPackageVersion})");
    var feed = Path.Combine(work, "feed");
    var project = Path.Combine(root, "src", "BundleBudget.Tasks", "BundleBudget.Tasks.csproj");
    var result = RunCaptured("dotnet", ["pack", project, "-c", "Release", "-o", feed, "-p:Version=" + BenchPackageVersion, "--artifacts-path", Path.Combine(work, "tasks-build"), "--disable-build-servers"], root);
    if (result.ExitCode != 0)
    {
        throw new BenchFailure($"dotnet pack exited {result.ExitCode}:\n{Tail(result.Output)}");
    }

    return feed;
}

// testassets/SampleWebApp (without bin and obj) and the Vite build its budget.json checks (../vite-app/dist, sources
// ../vite-app/src), restoring from the feed alone, with an empty Directory.Build.props so the repository's does not apply.
string MakeSampleWebApp(string feed)
{
    var msbuild = Path.Combine(work, "msbuild");
    var project = Path.Combine(msbuild, "testassets", "SampleWebApp");
    CopyDirectory(Path.Combine(root, "testassets", "SampleWebApp"), project, skip: ["bin", "obj"]);
    foreach (var part in new[] { "dist", "src" })
    {
        CopyDirectory(Path.Combine(root, "testassets", "vite-app", part), Path.Combine(msbuild, "testassets", "vite-app", part), skip: []);
    }

    UseFeed("msbuild", feed);
    return project;
}

// A folder under the temp folder that restores the package from the bench feed (and from the sources given after it),
// with an empty Directory.Build.props so the repository's does not apply.
void UseFeed(string folder, string feed, string moreSources = "")
{
    WriteFile($"{folder}/nuget.config", $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="bench" value="{feed}" />{moreSources}
          </packageSources>
        </configuration>
        """);
    WriteFile($"{folder}/Directory.Build.props", "<Project />");
}

(ProcessResult Result, double Milliseconds) TimedBuild(string name, string project, IReadOnlyList<string> arguments)
{
    var stopwatch = Stopwatch.StartNew();
    var result = Build(name, project, arguments);
    return (result, stopwatch.Elapsed.TotalMilliseconds);
}

// dotnet build in the project's folder; any exit code but 0 fails the bench.
ProcessResult Build(string name, string project, IReadOnlyList<string> arguments)
{
    var result = RunCaptured("dotnet", ["build", .. arguments], project);
    if (result.ExitCode != 0)
    {
        throw new BenchFailure($"{name} (dotnet build {string.Join(' ', arguments)}) exited {result.ExitCode}:\n{Tail(result.Output)}");
    }

    return result;
}

string WriteFile(string relativePath, string text)
{
    var path = Path.Combine(work, relativePath);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, text);
    return path;
}

// Runs a process under /usr/bin/time -f "%e %M" -o <file>: wall seconds and peak RSS in KiB (of the largest process).
(ProcessResult Result, Measurement Measured) Measure(string file, IReadOnlyList<string> arguments, string directory, IReadOnlyDictionary<string, string?>? environment = null)
{
    var timeFile = Path.Combine(work, "time.txt");
    File.Delete(timeFile);
    var result = RunCaptured(TimeTool, ["-f", "%e %M", "-o", timeFile, file, .. arguments], directory, environment);
    var last = File.Exists(timeFile) ? File.ReadLines(timeFile).LastOrDefault() : null;
    var parts = last?.Split(' ') ?? [];
    if (parts.Length != 2 || !double.TryParse(parts[0], CultureInfo.InvariantCulture, out var wall) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var kib))
    {
        throw new BenchFailure($"{TimeTool} gave no measurement for {file} (exit {result.ExitCode}, time output '{last}'):\n{Tail(result.Output)}");
    }

    return (result, new Measurement(wall, kib));
}

ProcessResult RunCaptured(string file, IReadOnlyList<string> arguments, string directory, IReadOnlyDictionary<string, string?>? environment = null)
{
    var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
    {
        if (value is null)
        {
            start.Environment.Remove(name);
        }
        else
        {
            start.Environment[name] = value;
        }
    }

    using var process = Start(start);
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
}

// For npm ci and make.mjs: their progress is shown as it comes, on stderr (stdout is the report).
void RunVisible(string file, IReadOnlyList<string> arguments, string directory)
{
    Console.Error.WriteLine($"{directory}: {file} {string.Join(' ', arguments)}");
    using var process = Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true });
    process.OutputDataReceived += (_, line) => Console.Error.WriteLine(line.Data);
    process.BeginOutputReadLine();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new BenchFailure($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}");
    }
}

static Process Start(ProcessStartInfo start)
{
    try
    {
        return Process.Start(start) ?? throw new BenchFailure($"{start.FileName} did not start");
    }
    catch (Win32Exception e)
    {
        throw new BenchFailure($"{start.FileName} could not be started ({e.Message}); the bench needs node and npm on PATH, and {TimeTool}");
    }
}

static void ExpectOutput(string name, ProcessResult result, string expected)
{
    if (!result.Output.Contains(expected, StringComparison.Ordinal))
    {
        throw new BenchFailure($"{name} did not print '{expected}':\n{Tail(result.Output)}");
    }
}

// Files only (the copies get new last-write times); a top-level folder named in skip is left out.
static void CopyDirectory(string source, string destination, string[] skip)
{
    foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
    {
        var relative = Path.GetRelativePath(source, file);
        if (skip.Contains(relative.Split(Path.DirectorySeparatorChar)[0]))
        {
            continue;
        }

        var copy = Path.Combine(destination, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(file, copy);
    }
}

static Row BundleBudgetRow(string name, List<Measurement> runs, double wallLimit, string wallTarget, bool strictlyBelow = false)
{
    var median = Median(runs);
    var wallMet = strictlyBelow ? median.WallSeconds < wallLimit : median.WallSeconds <= wallLimit;
    var rssMet = median.PeakMegabytes < 200;
    var missed = new List<string>();
    if (!wallMet)
    {
        missed.Add("wall");
    }

    if (!rssMet)
    {
        missed.Add("RSS");
    }

    return MeasuredRow(name, runs, $"{wallTarget}; RSS < 200 MB", missed.Count == 0 ? "yes" : $"**no** ({string.Join(", ", missed)})");
}

static Row MeasuredRow(string name, List<Measurement> runs, string target, string? met)
{
    var median = Median(runs);
    var all = string.Join(", ", runs.Select(run => $"{run.WallSeconds:0.00} / {run.PeakMegabytes:0.0}"));
    return new Row(name, $"{median.WallSeconds:0.00} s", $"{median.PeakMegabytes:0.0} MB", target, met, all);
}

// The medians (of an even count: the mean of the middle two) rounded to whole ms, and their difference. No RSS: a
// build's peak RSS is MSBuild's, not what the check adds.
static Row UnchangedBuildRow(List<double> timesWithout, List<double> timesWith)
{
    var withMedian = Math.Round(MedianOf(timesWith));
    var withoutMedian = Math.Round(MedianOf(timesWithout));
    var more = withMedian - withoutMedian;
    var all = "without / with the package, ms, by round: " + string.Join(", ", timesWithout.Zip(timesWith, (off, on) => $"{off:0} / {on:0}"));
    return new Row(
        $"an unchanged dotnet build with the package (median of {timesWith.Count} alternating)",
        $"{more:+0;-0;+0} ms ({withMedian:0} ms vs {withoutMedian:0} ms)",
        "-",
        "< 50 ms more",
        more < 50 ? "yes" : "**no**",
        all);
}

static void PrintTable(List<Row> rows)
{
    Console.WriteLine($"Median of {Repeats} runs each unless the row says otherwise (MB = 10^6 bytes):");
    Console.WriteLine();
    Console.WriteLine("| run | wall | peak RSS | target | met |");
    Console.WriteLine("|---|---:|---:|---|---|");
    foreach (var row in rows)
    {
        Console.WriteLine($"| {row.Name} | {row.Wall} | {row.PeakRss} | {row.Target} | {row.Met ?? "—"} |");
    }

    Console.WriteLine();
    Console.WriteLine("All runs (wall s / peak RSS MB unless the line says otherwise):");
    foreach (var row in rows)
    {
        Console.WriteLine($"  {row.Name}: {row.AllRuns}");
    }
}

static Measurement Median(List<Measurement> runs) =>
    new(runs.Select(run => run.WallSeconds).Order().ElementAt(runs.Count / 2), runs.Select(run => run.PeakKib).Order().ElementAt(runs.Count / 2));

static double MedianOf(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

// A chunk that index.html does not load itself: the first route its entry script loads with import("./….js").
static string RouteChunk(string outDir)
{
    var entry = Regex.Match(File.ReadAllText(Path.Combine(outDir, "index.html")), """<script type="module"[^>]*src="/assets/([^"]+\.js)""");
    var entryPath = Path.Combine(outDir, "assets", entry.Groups[1].Value);
    var route = entry.Success && File.Exists(entryPath) ? Regex.Match(File.ReadAllText(entryPath), """import\("\./([^"]+\.js)"\)""") : Match.Empty;
    var chunk = Path.Combine(outDir, "assets", route.Groups[1].Value);
    return route.Success && File.Exists(chunk) ? chunk : throw new BenchFailure("found no route chunk (a dynamic import of index.html's entry script) in out/assets");
}

static string LargeBudget(string outputPath) => $$"""
    { "outputPath": "{{outputPath.Replace("\\", "\\\\", StringComparison.Ordinal)}}", "compression": "gzip", "budgets": [
      { "files": "assets/*.js", "scope": "each", "maximumError": "512000B" },
      { "files": "**/*.css", "scope": "each", "maximumError": "102400B" },
      { "files": "images/*.{png,jpg}", "scope": "each", "maximumError": "204800B" },
      { "files": "fonts/*.{woff2,woff}", "scope": "each", "maximumError": "102400B" }
    ] }
    """;

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BundleBudget.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new BenchFailure("run the bench from inside the repository");
}

/// <summary>Wall seconds and peak resident set size (KiB, as GNU time's %M) of one process.</summary>
internal sealed record Measurement(double WallSeconds, long PeakKib)
{
    public double PeakMegabytes => PeakKib * 1024 / 1e6;
}

internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;
}

/// <summary>One table row, its cells formatted: the medians, its target, whether they met it (null: no target), and every run.</summary>
internal sealed record Row(string Name, string Wall, string PeakRss, string Target, string? Met, string AllRuns);

internal sealed class BenchFailure(string message) : Exception(message);

internal partial class Program
{
    [GeneratedRegex(@"^(PASS|FAIL|WARN) \S+: ", RegexOptions.Multiline)]
    private static partial Regex ResultLine();
}
