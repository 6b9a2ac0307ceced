using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Fonts;

/// <summary>The <c>fonts</c> section of budget.json.</summary>
/// <param name="MaxFiles">More font files than this is a warning: each is a request, and most sites need two to four.</param>
/// <param name="MaxTotalBytes">The fonts together; null for no limit (a "font" budget limits the same thing as an error).</param>
public sealed record FontSettings(int MaxFiles = 6, long? MaxTotalBytes = null, Severity Severity = Severity.Warning);
