using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Tests.Budgets;

public class FileGlobTests
{
    [TestCase("assets/vendor-*.js", "assets/vendor-3f2a1b.js", true)]
    [TestCase("assets/vendor-*.js", "assets/vendor-3f2a1b.css", false)]
    [TestCase("assets/vendor-*.js", "assets/sub/vendor-3f2a1b.js", false)]
    [TestCase("*.js", "main.js", true)]
    [TestCase("*.js", "assets/main.js", false)]
    [TestCase("**/*.js", "main.js", true)]
    [TestCase("**/*.js", "assets/deep/er/main.js", true)]
    [TestCase("assets/**", "assets/a/b.png", true)]
    [TestCase("assets/**", "other/a.png", false)]
    [TestCase("assets/**/*.png", "assets/x.png", true)]
    [TestCase("assets/*.{js,css}", "assets/a.css", true)]
    [TestCase("assets/*.{js,css}", "assets/a.png", false)]
    [TestCase("{a,b/c}/*.js", "b/c/x.js", true)]
    [TestCase("chunk-?.js", "chunk-1.js", true)]
    [TestCase("chunk-?.js", "chunk-12.js", false)]
    [TestCase("chunk-[0-9].js", "chunk-7.js", true)]
    [TestCase("chunk-[!0-9].js", "chunk-7.js", false)]
    [TestCase("./assets/*.js", "assets/a.js", true)]
    [TestCase("assets\\*.js", "assets/a.js", true)]
    [TestCase("Assets/*.js", "assets/a.js", false)]
    [TestCase("main.js", "mainXjs", false)]
    [TestCase("a+b(1).js", "a+b(1).js", true)]
    public void Matches_paths_relative_to_the_output_folder(string pattern, string path, bool expected)
    {
        Assert.That(FileGlob.TryParse(pattern, out var glob, out var error), Is.True, error);
        Assert.That(glob!.IsMatch(path), Is.EqualTo(expected));
    }

    [TestCase("**/*.js", "private", true)]
    [TestCase("assets/**", "assets/sub", true)]
    [TestCase("assets/**", "private", false)]
    [TestCase("assets/*.js", "assets", true)]
    [TestCase("assets/*.js", "assets/sub", false)]
    [TestCase("*.js", "private", false)]
    [TestCase("app.js", "up", false)]
    [TestCase("{assets,private}/*.js", "private", true)]
    [TestCase("*/x.js", "anything", true)]
    public void Knows_whether_a_folder_could_hold_a_match(string pattern, string folder, bool expected)
    {
        Assert.That(FileGlob.TryParse(pattern, out var glob, out _), Is.True);
        Assert.That(glob!.CouldMatchUnder(folder), Is.EqualTo(expected));
    }

    [TestCase("", "empty")]
    [TestCase("/assets/*.js", "leading '/'")]
    [TestCase("assets/{a,b.js", "'{'")]
    [TestCase("assets/[ab.js", "'['")]
    [TestCase("assets/x**.js", "'**'")]
    [TestCase("assets/[].js", "'[]'")]
    [TestCase("assets/[z-a].js", "character class")]
    public void Rejects_invalid_patterns_with_a_reason(string pattern, string reason)
    {
        Assert.That(FileGlob.TryParse(pattern, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }

    [Test]
    public void A_pathological_pattern_matches_in_linear_time_without_a_timeout()
    {
        Assert.That(FileGlob.TryParse("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", out var glob, out _), Is.True);
        var name = new string('a', 5000);
        Assert.That(glob!.IsMatch(name), Is.False);
        Assert.That(glob.IsMatch(name + "b"), Is.True);
    }
}
