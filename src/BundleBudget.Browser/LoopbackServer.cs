using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace BundleBudget.Browser;

/// <summary>
/// Serves an output folder over HTTP on the loopback interface, as a production server would: each file by its URL
/// path (never outside the folder), folders by their index.html, brotli or gzip as the browser accepts (the
/// precompressed sibling when there is one, else compressed on the way), the content type by extension, nothing cached.
/// With <see cref="SpaFallback"/>, a path with no file and no extension is the root index.html, as an SPA's server does.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _serving;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".htm"] = "text/html; charset=utf-8", [".js"] = "text/javascript", [".mjs"] = "text/javascript",
        [".css"] = "text/css", [".json"] = "application/json", [".map"] = "application/json", [".svg"] = "image/svg+xml", [".png"] = "image/png",
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif", [".webp"] = "image/webp", [".avif"] = "image/avif", [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2", [".woff"] = "font/woff", [".ttf"] = "font/ttf", [".otf"] = "font/otf", [".wasm"] = "application/wasm",
        [".dat"] = "application/octet-stream", [".txt"] = "text/plain; charset=utf-8", [".xml"] = "application/xml", [".webmanifest"] = "application/manifest+json",
        [".mp4"] = "video/mp4", [".webm"] = "video/webm",
    };

    private LoopbackServer(string root, int port)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        Origin = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Origin.AbsoluteUri);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>Where the folder is served: http://127.0.0.1:{port}/.</summary>
    public Uri Origin { get; }

    public bool SpaFallback { get; private init; }

    /// <summary>Serves <paramref name="root"/> on a free loopback port.</summary>
    public static LoopbackServer Start(string root, bool spaFallback = false)
    {
        // A free port, taken from the system; a race with another process taking it is retried.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                return new LoopbackServer(root, port) { SpaFallback = spaFallback };
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var urlPath = context.Request.Url?.AbsolutePath ?? "/";
            var file = FileFor(urlPath);
            if (file is null)
            {
                // A file that ships only compressed (Unity's Build/game.wasm.br): sent for its plain URL, with its encoding.
                var (encoded, name) = FileFor(urlPath + ".br") is { } br ? (br, "br") : FileFor(urlPath + ".gz") is { } gz ? (gz, "gzip") : (null, null);
                if (encoded is null)
                {
                    response.StatusCode = 404;
                    return;
                }

                response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(urlPath), "application/octet-stream");
                response.Headers["Cache-Control"] = "no-store";
                response.Headers["Content-Encoding"] = name;
                await using var only = File.OpenRead(encoded);
                response.ContentLength64 = only.Length;
                await only.CopyToAsync(response.OutputStream).ConfigureAwait(false);
                return;
            }

            response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            response.Headers["Cache-Control"] = "no-store";
            var accepted = (context.Request.Headers["Accept-Encoding"] ?? string.Empty).Split(',').Select(e => e.Split(';')[0].Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var compressible = response.ContentType.StartsWith("text/", StringComparison.Ordinal) || response.ContentType is "application/json" or "image/svg+xml" or "application/wasm" or "application/octet-stream" or "application/xml" or "application/manifest+json";
            var encoding = !compressible ? null : accepted.Contains("br") ? "br" : accepted.Contains("gzip") ? "gzip" : null;
            if (encoding is null)
            {
                await using var plain = File.OpenRead(file);
                response.ContentLength64 = plain.Length;
                await plain.CopyToAsync(response.OutputStream).ConfigureAwait(false);
                return;
            }

            response.Headers["Content-Encoding"] = encoding;
            response.Headers["Vary"] = "Accept-Encoding";
            var sibling = file + (encoding == "br" ? ".br" : ".gz");
            if (File.Exists(sibling))
            {
                await using var precompressed = File.OpenRead(sibling);
                response.ContentLength64 = precompressed.Length;
                await precompressed.CopyToAsync(response.OutputStream).ConfigureAwait(false);
                return;
            }

            using var buffer = new MemoryStream();
            await using (var source = File.OpenRead(file))
            await using (Stream compressor = encoding == "br" ? new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true) : new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                await source.CopyToAsync(compressor).ConfigureAwait(false);
            }

            response.ContentLength64 = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(response.OutputStream).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpListenerException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // The browser went away, or the file did: this request only.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    /// <summary>The file a URL path names inside the folder, its index.html for a folder, or the SPA fallback; never a path outside.</summary>
    private string? FileFor(string urlPath)
    {
        string full;
        try
        {
            var relative = Uri.UnescapeDataString(urlPath).TrimStart('/').Replace('/', Path.DirectorySeparatorChar);
            full = Path.GetFullPath(Path.Combine(_root, relative));
        }
        catch (Exception e) when (e is ArgumentException or PathTooLongException or NotSupportedException)
        {
            return null;
        }

        if (!full.StartsWith(_root, StringComparison.Ordinal) && full + Path.DirectorySeparatorChar != _root)
        {
            return null;
        }

        if (Directory.Exists(full))
        {
            full = Path.Combine(full, "index.html");
        }

        if (File.Exists(full))
        {
            return full;
        }

        return SpaFallback && Path.GetExtension(full).Length == 0 && File.Exists(Path.Combine(_root, "index.html")) ? Path.Combine(_root, "index.html") : null;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving.ConfigureAwait(false);
    }
}
