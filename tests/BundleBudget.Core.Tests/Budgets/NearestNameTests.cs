using BundleBudget.Core.Text;

namespace BundleBudget.Core.Tests.Budgets;

public class NearestNameTests
{
    [TestCase("maximumEror", "maximumError")]
    [TestCase("maxiumumWarning", "maximumWarning")]
    [TestCase("MaximumError", "maximumError")]
    [TestCase("tpye", "type")]
    [TestCase("budgetz", "budgets")]
    public void Suggests_the_intended_key(string typed, string expected)
    {
        Assert.That(NearestName.Find(typed, ["type", "files", "scope", "compression", "maximumWarning", "maximumError", "budgets"]), Is.EqualTo(expected));
    }

    [Test]
    public void Suggests_nothing_for_an_unrelated_word()
    {
        Assert.That(NearestName.Find("colour", ["type", "files", "maximumError"]), Is.Null);
    }
}
