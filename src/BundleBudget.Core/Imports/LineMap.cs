namespace BundleBudget.Core.Imports;

/// <summary>Turns offsets in a text into 1-based lines and columns (UTF-16 code units, as editors and TypeScript count).</summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = [0];

    public LineMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')) || c is '\u2028' or '\u2029')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) Locate(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }
}
