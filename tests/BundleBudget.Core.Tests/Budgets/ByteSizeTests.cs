using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Tests.Budgets;

public class ByteSizeTests
{
    [TestCase("500KB", 500_000)]
    [TestCase("500kB", 500_000)]
    [TestCase("500 kb", 500_000)]
    [TestCase(" 1.5 MB ", 1_500_000)]
    [TestCase("2MB", 2_000_000)]
    [TestCase("1GB", 1_000_000_000)]
    [TestCase("488KiB", 499_712)]
    [TestCase("1MiB", 1_048_576)]
    [TestCase("1 GiB", 1_073_741_824)]
    [TestCase("512", 512)]
    [TestCase("512B", 512)]
    [TestCase("512 bytes", 512)]
    [TestCase("0.5kB", 500)]
    public void Parses_SI_and_IEC_units(string text, long expected)
    {
        Assert.That(ByteSize.TryParse(text, out var size), Is.True);
        Assert.That(size.Bytes, Is.EqualTo(expected));
    }

    [TestCase("500 KBs")]
    [TestCase("-1KB")]
    [TestCase("KB")]
    [TestCase("")]
    [TestCase("5 TB")]
    [TestCase("1,5MB")]
    [TestCase("500K")]
    [TestCase("79228162514264337593543950335GB")]
    [TestCase("2000000000000000000000000")]
    public void Rejects_what_is_not_a_size(string text)
    {
        Assert.That(ByteSize.TryParse(text, out _), Is.False);
    }

    [TestCase(0, "0 B")]
    [TestCase(999, "999 B")]
    [TestCase(1000, "1.0 kB")]
    [TestCase(8494, "8.5 kB")]
    [TestCase(1_500_000, "1.50 MB")]
    [TestCase(2_000_000_000, "2.00 GB")]
    public void Formats_in_SI_units(long bytes, string expected)
    {
        Assert.That(ByteSize.Format(bytes), Is.EqualTo(expected));
    }

    [Test]
    public void Describes_an_IEC_limit_with_its_SI_value_so_the_unit_is_never_ambiguous()
    {
        ByteSize.TryParse("488KiB", out var iec);
        ByteSize.TryParse("500KB", out var si);
        Assert.That(iec.Describe(), Is.EqualTo("488 KiB (499.7 kB)"));
        Assert.That(si.Describe(), Is.EqualTo("500.0 kB"));
    }
}
