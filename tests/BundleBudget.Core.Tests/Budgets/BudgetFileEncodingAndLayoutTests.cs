using System.Text;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Tests.Budgets;

/// <summary>budget.json in the encodings editors save, and the keys that say what is served and how strictly to judge.</summary>
public class BudgetFileEncodingAndLayoutTests
{
    private static readonly string BudgetPath = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "project", "budget.json"));

    private const string Json = "{\n  // the team's budget\n  \"name\": \"é\",\n  \"budgets\": [ { \"name\": \"scripts é\", \"type\": \"script\", \"maximumError\": \"500KB\" } ]\n}";

    private static BudgetFileReadResult Parse(byte[] bytes) => BudgetFileReader.Parse(BudgetPath, bytes);

    private static BudgetFileReadResult Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    public static IEnumerable<TestCaseData> ReadableEncodings()
    {
        var json = Json.Replace("  \"name\": \"é\",\n", string.Empty, StringComparison.Ordinal);
        yield return new TestCaseData(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray()).SetArgDisplayNames("UTF-8 with BOM");
        yield return new TestCaseData(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(json)).ToArray()).SetArgDisplayNames("UTF-16 LE with BOM");
        yield return new TestCaseData(Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(json)).ToArray()).SetArgDisplayNames("UTF-16 BE with BOM");
        yield return new TestCaseData(Encoding.Unicode.GetBytes(json)).SetArgDisplayNames("UTF-16 LE without BOM");
    }

    [TestCaseSource(nameof(ReadableEncodings))]
    public void Utf8_and_utf16_files_are_read(byte[] bytes)
    {
        var result = Parse(bytes);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.File!.Budgets.Single().Label, Is.EqualTo("scripts é"));
    }

    [Test]
    public void A_syntax_error_in_a_utf16_file_is_located_by_line_and_column()
    {
        var result = Parse(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\n  \"budgets\": [ }")).ToArray());
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.InvalidJson));
        Assert.That(error.Line, Is.EqualTo(2));
    }

    [Test]
    public void Utf32_is_an_error_that_names_it()
    {
        var bytes = new UTF32Encoding(bigEndian: false, byteOrderMark: true).GetPreamble().Concat(Encoding.UTF32.GetBytes("{}")).ToArray();
        var error = Parse(bytes).Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnsupportedEncoding));
        Assert.That(error.Severity, Is.EqualTo(Severity.Error));
        Assert.That(error.Message, Does.Contain("UTF-32").And.Contain("Save budget.json as UTF-8"));
    }

    [Test]
    public void Windows_1252_text_is_an_error_at_the_first_byte_that_is_not_utf8()
    {
        var bytes = Encoding.Latin1.GetBytes("{\n  \"budgets\": [ { \"name\": \"caf\u00e9\", \"type\": \"script\", \"maximumError\": 1 } ]\n}");
        var error = Parse(bytes).Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnsupportedEncoding));
        Assert.That((error.Line, error.Column), Is.EqualTo((2, 30)));
        Assert.That(error.Message, Does.Contain("0xE9").And.Contain("Windows-1252"));
    }

    [Test]
    public void Strict_site_root_and_entries_with_their_own_site_root_are_read()
    {
        var result = Parse("""
            {
              "strict": true,
              "siteRoot": "./browser/",
              "entries": ["browser/index.html", { "path": "/admin/index.html", "siteRoot": "admin" }],
              "budgets": [ { "type": "initial", "maximumError": "170KB" } ]
            }
            """);
        Assert.That(result.Diagnostics, Is.Empty);
        var file = result.File!;
        Assert.That(file.Strict, Is.True);
        Assert.That(file.SiteRoot, Is.EqualTo("browser"));
        Assert.That(file.Entries, Is.EqualTo(new[] { new EntrySpec("browser/index.html"), new EntrySpec("admin/index.html", "admin") }));
    }

    [TestCase("""{ "strict": "yes", "budgets": [] }""", DiagnosticCodes.InvalidValue, "true or false")]
    [TestCase("""{ "siteRoot": "../elsewhere", "budgets": [] }""", DiagnosticCodes.InvalidValue, "leaves the output folder")]
    [TestCase("""{ "entries": [{ "siteRoot": "browser" }], "budgets": [] }""", DiagnosticCodes.IncompleteBudget, "needs \"path\"")]
    [TestCase("""{ "entries": [{ "path": "index.html", "siteRot": "browser" }], "budgets": [] }""", DiagnosticCodes.UnknownKey, "Did you mean \"siteRoot\"")]
    public void A_bad_value_of_the_new_keys_is_a_coded_error_at_its_place(string json, string code, string message)
    {
        var error = Parse(json).Diagnostics.First(d => d.Code == code);
        Assert.That(error.Message, Does.Contain(message));
        Assert.That(error.Line, Is.GreaterThan(0));
    }

    [Test]
    public void A_budget_file_larger_than_any_budget_is_refused_unread()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Combine("budget.json");
        using (var stream = new FileStream(path, FileMode.Create))
        {
            stream.SetLength(BudgetFileReader.MaxFileBytes + 1);
        }

        var error = BudgetFileReader.Read(path).Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.BudgetFileNotFound));
        Assert.That(error.Message, Does.Contain("larger than any budget file"));
    }
}
