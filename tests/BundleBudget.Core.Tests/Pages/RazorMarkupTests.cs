using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Tests.Pages;

/// <summary>What a server-rendered layout loads, read from its Razor source without running it.</summary>
public class RazorMarkupTests
{
    private static IEnumerable<string> Urls(string razor) => HtmlEntryReader.Read(RazorMarkup.ToHtml(razor)).References.Select(r => r.Url);

    [Test]
    public void The_app_root_and_Assets_name_the_file_and_tag_helper_attributes_change_nothing()
    {
        var urls = Urls("""
            <link rel="stylesheet" href="~/css/site.css" asp-append-version="true" />
            <link rel="stylesheet" href="@Assets["lib/bootstrap/dist/css/bootstrap.min.css"]" />
            <script src='~/js/site.js'></script>
            <script src="@Assets["_framework/blazor.web.js"]"></script>
            """);
        Assert.That(urls, Is.EqualTo(new[] { "/css/site.css", "lib/bootstrap/dist/css/bootstrap.min.css", "/js/site.js", "_framework/blazor.web.js" }));
    }

    [Test]
    public void Razor_comments_code_blocks_and_development_only_markup_load_nothing()
    {
        var urls = Urls("""
            @page
            @model IndexModel
            @{ ViewData["Title"] = "Home"; var s = "<script src='x.js'></script>"; }
            @* <script src="~/js/old.js"></script> *@
            <environment include="Development"><script src="~/js/debug.js"></script></environment>
            <environment exclude="Development"><script src="~/js/prod.js"></script></environment>
            <p>Mail us at team@example.com, @@handle</p>
            @code { private string X = "<link rel=stylesheet href=y.css>"; }
            """);
        Assert.That(urls, Is.EqualTo(new[] { "/js/prod.js" }));
    }

    [Test]
    public void Markup_inside_control_flow_stays_and_expressions_between_tags_go()
    {
        var urls = Urls("""
            @if (User.Identity?.IsAuthenticated == true) {
                <script src="~/js/admin.js"></script>
            }
            @await RenderSectionAsync("Scripts", required: false)
            <title>@ViewData["Title"] - App</title>
            """);
        Assert.That(urls, Is.EqualTo(new[] { "/js/admin.js" }));
    }

    [Test]
    public void A_URL_computed_by_Razor_code_is_marked_not_guessed()
    {
        var urls = Urls("""
            <script src="@Url.Content("~/js/x.js")"></script>
            <link rel="stylesheet" href="~/css/@(theme).css" />
            """).ToList();
        Assert.That(urls, Has.Count.EqualTo(2));
        Assert.That(urls, Is.All.Contains(RazorMarkup.DynamicMarker));
    }

    [Test]
    public void Unbalanced_code_ends_the_layout_without_hanging()
    {
        var html = RazorMarkup.ToHtml("<script src=\"~/a.js\"></script> @{ if (x) { " + new string('(', 100_000));
        Assert.That(html, Does.StartWith("<script src=\"/a.js\"></script>"));
    }

    [Test]
    public void Thousands_of_awaits_end_without_a_deep_recursion()
    {
        var html = RazorMarkup.ToHtml("<p>@" + string.Concat(Enumerable.Repeat("await ", 100_000)) + "x</p><script src=\"~/a.js\"></script>");
        Assert.That(HtmlEntryReader.Read(html).References.Select(r => r.Url), Is.EqualTo(new[] { "/a.js" }));
    }

    [Test]
    public void An_at_sign_after_a_letter_is_text_as_Razor_reads_it()
    {
        Assert.That(Urls("""<script src="https://cdn.example/pkg@latest/x.js"></script>"""), Is.EqualTo(new[] { "https://cdn.example/pkg@latest/x.js" }));
    }

    [Test]
    public void An_app_rendered_on_WebAssembly_as_a_whole_loads_the_runtime_with_every_page()
    {
        var page = HtmlEntryReader.Read(RazorMarkup.ToHtml("""<HeadOutlet @rendermode="InteractiveWebAssembly" /><Routes @rendermode="InteractiveWebAssembly" /><script src="@Assets["_framework/blazor.web.js"]"></script>"""));

        Assert.That(page.References.Select(r => r.Url), Is.EqualTo(new[] { "_framework/blazor.web.js" }), "the directive attributes take nothing after them on the line");
        Assert.That(page.InlineModules, Has.Count.EqualTo(1).And.All.Contains(RazorMarkup.WebAssemblyLoader));
    }

    [TestCase("InteractiveAuto")]
    [TestCase("InteractiveServer")]
    public void Other_render_modes_start_no_runtime_with_the_page(string mode)
    {
        var page = HtmlEntryReader.Read(RazorMarkup.ToHtml($"""<Routes @rendermode="{mode}" @key="x" /><script src="a.js"></script>"""));
        Assert.That(page.InlineModules, Is.Empty);
        Assert.That(page.References.Select(r => r.Url), Is.EqualTo(new[] { "a.js" }));
    }
}
