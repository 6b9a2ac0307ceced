namespace BundleBudget.Core.Pages;

/// <summary>
/// Node's built-in modules. A script meant for both (Emscripten's loader, .NET's dotnet.js) imports them dynamically on
/// a branch only Node takes: a browser never asks for them, so they are neither loaded nor external.
/// </summary>
internal static class NodeBuiltins
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto", "dgram",
        "diagnostics_channel", "dns", "domain", "events", "fs", "fs/promises", "http", "http2", "https", "inspector",
        "module", "net", "os", "path", "perf_hooks", "process", "punycode", "querystring", "readline", "repl", "stream",
        "string_decoder", "sys", "timers", "tls", "trace_events", "tty", "url", "util", "v8", "vm", "wasi",
        "worker_threads", "zlib",
    };

    public static bool IsDynamicNodeImport(string specifier, bool dynamic) =>
        dynamic && (specifier.StartsWith("node:", StringComparison.Ordinal) || Names.Contains(specifier));
}
