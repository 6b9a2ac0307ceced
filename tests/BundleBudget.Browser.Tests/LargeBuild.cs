using System.Text;
using System.Text.Json;

namespace BundleBudget.Browser.Tests;

/// <summary>
/// A large build's shape for the HTML report: chunks each made of modules from many npm packages, each with a source
/// map that gives every line to one module (a VLQ segment per line: the source index moves on by one).
/// </summary>
internal static class LargeBuild
{
    public static void Write(string folder, int chunks, int modulesPerChunk)
    {
        Directory.CreateDirectory(folder);
        var page = new StringBuilder("<!doctype html><title>large</title>");
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var name = $"chunk-{chunk:D3}.js";
            var code = new StringBuilder();
            var sources = new List<string>();
            for (var module = 0; module < modulesPerChunk; module++)
            {
                sources.Add($"node_modules/package-{(chunk * 7 + module) % 200:D3}/lib/module-{chunk:D3}-{module:D2}.js");
                code.Append("export const value").Append(module).Append(" = ").Append('"').Append(new string((char)('a' + module % 26), 40 + (chunk * 13 + module * 31) % 400)).Append("\";\n");
            }

            code.Append("//# sourceMappingURL=").Append(name).Append(".map\n");
            var mappings = string.Join(";", Enumerable.Range(0, modulesPerChunk).Select(i => i == 0 ? "AAAA" : "ACAA"));
            File.WriteAllText(Path.Combine(folder, name), code.ToString());
            File.WriteAllText(Path.Combine(folder, name + ".map"), JsonSerializer.Serialize(new { version = 3, file = name, sources, names = Array.Empty<string>(), mappings }));
            if (chunk < 20)
            {
                page.Append("<script type=\"module\" src=\"").Append(name).Append("\"></script>");
            }
        }

        File.WriteAllText(Path.Combine(folder, "index.html"), page.ToString());
    }
}
