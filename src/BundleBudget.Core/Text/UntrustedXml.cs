using System.Xml;

namespace BundleBudget.Core.Text;

/// <summary>Reader settings for XML from the output folder (SVG images and fonts), which is untrusted input.</summary>
internal static class UntrustedXml
{
    /// <summary>No DTD is processed (so no entity expands), nothing external is resolved, comments are skipped.</summary>
    public static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
    };
}
