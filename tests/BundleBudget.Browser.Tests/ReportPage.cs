using PuppeteerSharp;

namespace BundleBudget.Browser.Tests;

/// <summary>A report opened in the browser, recording every request other than its own file (each one refused), every console error and every uncaught exception.</summary>
internal sealed class ReportPage(IPage page, string url) : IAsyncDisposable
{
    private readonly List<string> _requests = [];
    private readonly List<string> _errors = [];

    public IPage Page { get; } = page;

    public async Task LoadAsync()
    {
        await Page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 1000 });
        await Page.SetRequestInterceptionAsync(true);
        Page.Request += async (_, e) =>
        {
            if (e.Request.Url == url)
            {
                await e.Request.ContinueAsync();
                return;
            }

            lock (_requests)
            {
                _requests.Add(e.Request.Url);
            }

            await e.Request.AbortAsync();
        };
        Page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning)
            {
                lock (_errors)
                {
                    _errors.Add($"console {e.Message.Type}: {e.Message.Text}");
                }
            }
        };
        Page.PageError += (_, e) =>
        {
            lock (_errors)
            {
                _errors.Add("uncaught: " + e.Message);
            }
        };
        await Page.GoToAsync(url, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 30_000 });
        await Page.WaitForSelectorAsync("html[data-bb-ready]", new WaitForSelectorOptions { Timeout = 10_000 });
    }

    /// <summary>Nothing was loaded from anywhere, and nothing went wrong in the page.</summary>
    public void AssertClean()
    {
        lock (_requests)
        {
            Assert.That(_requests, Is.Empty, "the report loads nothing");
        }

        lock (_errors)
        {
            Assert.That(_errors, Is.Empty, "no console error and no uncaught exception");
        }
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
