using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Tests.Budgets;

/// <summary>One limit type for every metric: bytes, times and counts are maximums, a score is a minimum.</summary>
public class LimitTests
{
    [TestCase(LimitUnit.Bytes, 500_000, 500_001, true)]
    [TestCase(LimitUnit.Bytes, 500_000, 500_000, false)]
    [TestCase(LimitUnit.Milliseconds, 3_000, 3_001, true)]
    [TestCase(LimitUnit.Count, 10, 9, false)]
    [TestCase(LimitUnit.Score, 90, 89, true)]
    [TestCase(LimitUnit.Score, 90, 90, false)]
    [TestCase(LimitUnit.Score, 90, 100, false)]
    public void A_limit_is_exceeded_above_it_or_for_a_score_below_it(LimitUnit unit, long limit, long actual, bool exceeded)
    {
        Assert.That(new Limit(limit, unit, "x").IsExceededBy(actual), Is.EqualTo(exceeded));
    }

    [TestCase(LimitUnit.Bytes, 512_000, "512.0 kB")]
    [TestCase(LimitUnit.Milliseconds, 2_500, "2.5 s")]
    [TestCase(LimitUnit.Milliseconds, 800, "800 ms")]
    [TestCase(LimitUnit.Count, 12_345, "12,345")]
    public void Values_read_in_their_unit(LimitUnit unit, long value, string expected)
    {
        Assert.That(Limit.Format(value, unit), Is.EqualTo(expected));
    }

    [Test]
    public void A_size_limit_reads_as_written_with_its_SI_value()
    {
        Assert.That(ByteSize.TryParse("488 KiB", out var size), Is.True);
        var limit = Limit.Bytes(size);
        Assert.That((limit.Value, limit.Unit, limit.Text), Is.EqualTo((499_712L, LimitUnit.Bytes, "488 KiB (499.7 kB)")));
    }
}
