using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Tests.Reports;

public class GitHubActionsTests
{
    [Test]
    public void An_annotation_has_the_file_relative_to_the_workspace_line_column_and_code()
    {
        var diagnostic = Diagnostic.Warning("BB2001", "Whole-library import of 'lodash'.", "/repo/ClientApp/src/main.ts", 5, 15);
        Assert.That(GitHubActions.Annotation(diagnostic, "/repo"), Is.EqualTo("::warning file=ClientApp/src/main.ts,line=5,col=15,title=BB2001::BB2001: Whole-library import of 'lodash'."));
    }

    [Test]
    public void Data_and_properties_are_escaped_as_the_runner_requires()
    {
        var diagnostic = Diagnostic.Error("BB1001", "100% over\nlimit: yes, really\r", "/x/a,b:c.js");
        Assert.That(GitHubActions.Annotation(diagnostic, null), Is.EqualTo("::error file=/x/a%2Cb%3Ac.js,title=BB1001::BB1001: 100%25 over\\nlimit: yes, really\\r"));
    }

    [Test]
    public void A_diagnostic_without_a_file_is_an_annotation_without_one()
    {
        Assert.That(GitHubActions.Annotation(Diagnostic.Warning("BB9008", "not evaluated"), "/repo"), Is.EqualTo("::warning title=BB9008::BB9008: not evaluated"));
    }

    [Test]
    public void It_runs_only_when_GitHub_says_so()
    {
        Assert.That(GitHubActions.IsRunning(name => name == "GITHUB_ACTIONS" ? "true" : null), Is.True);
        Assert.That(GitHubActions.IsRunning(_ => null), Is.False);
    }
}
