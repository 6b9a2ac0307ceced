using System.Text;
using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Images;
using BundleBudget.Core.Imports;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Content;

/// <summary>
/// The content store on disk: a compact binary file, as git's index is, read and written in one pass with no
/// serializer to start up (a JSON serializer's first use costs more than the whole unchanged check). Every count and
/// value read is checked against what is left of the file and against its type, so a damaged or forged file is
/// rejected as a whole (and the store rebuilt) rather than trusted in part.
/// </summary>
internal static class ContentStoreFile
{
    private static ReadOnlySpan<byte> Magic => "BBCS"u8;

    public static void Write(Stream stream, StoreFile file)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(file.Version);
        WriteNullable(writer, file.SizesProducer);
        WriteNullable(writer, file.FactsProducer);
        writer.Write(file.IndexedAt);
        WriteMap(writer, file.Files, static (w, entry) =>
        {
            w.Write(entry.Length);
            w.Write(entry.Modified);
            w.Write(entry.Hash);
        });
        WriteMap(writer, file.Contents, WriteRecord);
        WriteMap(writer, file.Compositions, static (w, composition) =>
        {
            w.Write(composition.Bytes);
            WriteList(w, composition.Sources, static (w2, share) =>
            {
                w2.Write(share.Source);
                w2.Write(share.Bytes);
            });
            WriteNullable(w, composition.Problem);
        });
        WriteMap(writer, file.Sources, WriteSource);
    }

    /// <exception cref="InvalidDataException">The file is not a store this version wrote, or is damaged.</exception>
    /// <exception cref="EndOfStreamException">The file ends early.</exception>
    public static StoreFile Read(byte[] bytes)
    {
        using var reader = new CheckedReader(bytes);
        if (!bytes.AsSpan().StartsWith(Magic))
        {
            throw new InvalidDataException("not a BundleBudget content store");
        }

        reader.Skip(Magic.Length);
        var version = reader.ReadInt32();
        var sizesProducer = reader.ReadNullableString();
        var factsProducer = reader.ReadNullableString();
        var indexedAt = reader.ReadInt64();
        var files = ReadMap(reader, static r => new IndexEntry(r.ReadInt64(), r.ReadInt64(), r.ReadString()));
        var contents = ReadMap(reader, ReadRecord);
        var compositions = ReadMap(reader, static r => new CompositionFacts(
            r.ReadInt64(),
            r.ReadList(static r2 => new SourceShare(r2.ReadString(), r2.ReadInt64())),
            r.ReadNullableString()));
        var sources = ReadMap(reader, ReadSource);
        if (reader.Remaining != 0)
        {
            throw new InvalidDataException("trailing bytes");
        }

        return new StoreFile(version, sizesProducer, factsProducer, indexedAt, files, contents, compositions) { Sources = sources };
    }

    /// <summary>A record is written as the facts it holds (<see cref="ContentRecord.Known"/>) and this bit, the value of <see cref="ContentRecord.HoldsSvgFont"/>.</summary>
    private const ushort HoldsSvgFontBit = 0x8000;

    private static void WriteRecord(BinaryWriter writer, ContentRecord record)
    {
        writer.Write(record.Length);
        writer.Write((ushort)((ushort)record.Known | (record.HoldsSvgFont is true ? HoldsSvgFontBit : 0)));
        if (record.Gzip is { } gzip)
        {
            writer.Write(gzip);
        }

        if (record.Brotli is { } brotli)
        {
            writer.Write(brotli);
        }

        if (record.Script is { } script)
        {
            WriteScript(writer, script);
        }

        if (record.Stylesheet is { } stylesheet)
        {
            WriteStylesheet(writer, stylesheet);
        }

        if (record.Document is { } document)
        {
            WriteNullable(writer, document.BaseHref);
            WriteList(writer, document.References, static (w, reference) =>
            {
                w.Write(reference.Url);
                w.Write((int)reference.Reason);
                w.Write(reference.Lazy);
                WriteNullable(w, reference.Loading);
            });
            WriteList(writer, document.InlineModules, WriteScript);
            WriteNullable(writer, document.ImportMap);
            WriteList(writer, document.InlineStyles, WriteStylesheet);
            WriteProblem(writer, document);
        }

        if (record.Image is { } image)
        {
            writer.Write(image.Path);
            WriteNullable(writer, image.Format);
            WriteNullable(writer, image.Width);
            WriteNullable(writer, image.Height);
            writer.Write(image.Frames);
            writer.Write(image.Bytes);
            WriteNullable(writer, image.ViewBox);
            writer.Write(image.EmbeddedRasterBytes);
            WriteNullable(writer, image.Problem);
        }

        if (record.Font is { } font)
        {
            writer.Write(font.Path);
            WriteNullable(writer, font.Format);
            writer.Write(font.Bytes);
            WriteNullable(writer, font.Glyphs);
            WriteNullable(writer, font.Family);
            WriteNullable(writer, font.Problem);
        }

        if (record.Decompressed is { } decompressed)
        {
            WriteNullable(writer, decompressed.Hash);
            writer.Write(decompressed.Length);
            WriteNullable(writer, decompressed.Problem);
            WriteNullable(writer, decompressed.Format);
        }
    }

    private static ContentRecord ReadRecord(CheckedReader reader)
    {
        var length = reader.ReadInt64();
        var bits = reader.ReadUInt16();
        if ((bits & ~((ushort)ContentRecord.Kinds | HoldsSvgFontBit)) != 0)
        {
            throw new InvalidDataException("unknown facts");
        }

        var present = (FactKinds)(bits & ~HoldsSvgFontBit);

        return new ContentRecord(length)
        {
            Gzip = present.HasFlag(FactKinds.Gzip) ? reader.ReadInt64() : null,
            Brotli = present.HasFlag(FactKinds.Brotli) ? reader.ReadInt64() : null,
            Script = present.HasFlag(FactKinds.Script) ? ReadScript(reader) : null,
            Stylesheet = present.HasFlag(FactKinds.Stylesheet) ? ReadStylesheet(reader) : null,
            Document = present.HasFlag(FactKinds.Document) ? ReadDocument(reader) : null,
            Image = present.HasFlag(FactKinds.Image) ? new ImageInfo(
                reader.ReadString(),
                reader.ReadNullableString(),
                reader.ReadNullableInt64(),
                reader.ReadNullableInt64(),
                reader.ReadInt32(),
                reader.ReadInt64(),
                reader.ReadNullableString(),
                reader.ReadInt64(),
                reader.ReadNullableString()) : null,
            Font = present.HasFlag(FactKinds.Font) ? new FontInfo(
                reader.ReadString(),
                reader.ReadNullableString(),
                reader.ReadInt64(),
                reader.ReadNullableInt32(),
                reader.ReadNullableString(),
                reader.ReadNullableString()) : null,
            HoldsSvgFont = present.HasFlag(FactKinds.SvgFont) ? (bits & HoldsSvgFontBit) != 0 : null,
            Decompressed = present.HasFlag(FactKinds.Decompressed) ? new DecompressedFacts(reader.ReadNullableString(), reader.ReadInt64(), reader.ReadNullableString()) { Format = reader.ReadNullableString() } : null,
        };
    }

    private static DocumentFacts ReadDocument(CheckedReader reader)
    {
        var baseHref = reader.ReadNullableString();
        var references = reader.ReadList(static r => new HtmlReference(r.ReadString(), r.ReadEnum<LoadReason>(), r.ReadBoolean(), r.ReadNullableString()));
        var modules = reader.ReadList(ReadScript);
        var importMap = reader.ReadNullableString();
        var styles = reader.ReadList(ReadStylesheet);
        var (problem, tooLarge, unread) = ReadProblem(reader);
        return new DocumentFacts(baseHref, references, modules, importMap, styles, problem, tooLarge) { Unread = unread };
    }

    private static void WriteSource(BinaryWriter writer, SourceFacts source)
    {
        WriteList(writer, source.References, static (w, reference) =>
        {
            w.Write(reference.Module);
            w.Write((int)reference.Form);
            w.Write(reference.Line);
            w.Write(reference.Column);
            WriteList(w, reference.Names, static (w2, name) => w2.Write(name));
            WriteNullable(w, reference.Binding);
            w.Write(reference.TypeOnly);
            WriteList(w, reference.UsedMembers, static (w2, member) => w2.Write(member));
        });
        writer.Write(source.Problem is not null);
        if (source.Problem is { } problem)
        {
            writer.Write(problem.Code);
            writer.Write((int)problem.Severity);
            writer.Write(problem.Message);
            writer.Write(problem.Line);
            writer.Write(problem.Column);
        }
    }

    private static SourceFacts ReadSource(CheckedReader reader)
    {
        var references = reader.ReadList(static r => new ModuleReference(
            r.ReadString(),
            r.ReadEnum<ImportForm>(),
            r.ReadInt32(),
            r.ReadInt32(),
            r.ReadList(static r2 => r2.ReadString()),
            r.ReadNullableString(),
            r.ReadBoolean())
        {
            UsedMembers = r.ReadList(static r2 => r2.ReadString()),
        });
        var problem = reader.ReadBoolean()
            ? new Diagnostic(reader.ReadString(), reader.ReadEnum<Severity>(), reader.ReadString(), null, reader.ReadInt32(), reader.ReadInt32())
            : null;
        return new SourceFacts(references, problem);
    }

    private static void WriteScript(BinaryWriter writer, ScriptFacts script)
    {
        WriteList(writer, script.Imports, static (w, import) =>
        {
            w.Write(import.Specifier);
            w.Write(import.Dynamic);
        });
        WriteList(writer, script.Preloads, static (w, preload) => w.Write(preload));
        WriteList(writer, script.Boot, static (w, resource) =>
        {
            w.Write(resource.Name);
            w.Write(resource.Lazy);
        });
        WriteNullable(writer, script.SourceMappingUrl);
        WriteProblem(writer, script);
    }

    private static ScriptFacts ReadScript(CheckedReader reader)
    {
        var imports = reader.ReadList(static r => new ChunkImport(r.ReadString(), r.ReadBoolean()));
        var preloads = reader.ReadList(static r => r.ReadString());
        var boot = reader.ReadList(static r => new Pages.BootResource(r.ReadString(), r.ReadBoolean()));
        var sourceMappingUrl = reader.ReadNullableString();
        var (problem, tooLarge, unread) = ReadProblem(reader);
        return new ScriptFacts(imports, preloads, problem, tooLarge, sourceMappingUrl) { Unread = unread, Boot = boot };
    }

    private static void WriteStylesheet(BinaryWriter writer, StylesheetFacts stylesheet)
    {
        WriteList(writer, stylesheet.Imports, static (w, import) => w.Write(import));
        WriteList(writer, stylesheet.FontFaces, static (w, face) =>
        {
            WriteNullable(w, face.Family);
            w.Write(face.Src);
        });
        WriteList(writer, stylesheet.Urls, static (w, url) => w.Write(url));
        WriteProblem(writer, stylesheet);
    }

    private static StylesheetFacts ReadStylesheet(CheckedReader reader)
    {
        var imports = reader.ReadList(static r => r.ReadString());
        var faces = reader.ReadList(static r => new CssFontFaceRule(r.ReadNullableString(), r.ReadString()));
        var urls = reader.ReadList(static r => r.ReadString());
        var (problem, tooLarge, unread) = ReadProblem(reader);
        return new StylesheetFacts(imports, faces, problem, tooLarge) { Unread = unread, Urls = urls };
    }

    private static void WriteProblem(BinaryWriter writer, ITextFacts facts)
    {
        WriteNullable(writer, facts.Problem);
        writer.Write(facts.TooLarge);
        writer.Write(facts.Unread);
    }

    private static (string? Problem, bool TooLarge, bool Unread) ReadProblem(CheckedReader reader) =>
        (reader.ReadNullableString(), reader.ReadBoolean(), reader.ReadBoolean());

    private static void WriteMap<T>(BinaryWriter writer, IDictionary<string, T>? map, Action<BinaryWriter, T> write)
    {
        writer.Write(map?.Count ?? 0);
        foreach (var (key, value) in map ?? new Dictionary<string, T>())
        {
            writer.Write(key);
            write(writer, value);
        }
    }

    private static Dictionary<string, T> ReadMap<T>(CheckedReader reader, Func<CheckedReader, T> read)
    {
        var count = reader.ReadCount();
        var map = new Dictionary<string, T>(StringComparer.Ordinal); // grown as entries are read, never sized by a count
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            if (!map.TryAdd(key, read(reader)))
            {
                throw new InvalidDataException("a key written twice");
            }
        }

        return map;
    }

    private static void WriteList<T>(BinaryWriter writer, IReadOnlyList<T> list, Action<BinaryWriter, T> write)
    {
        writer.Write(list.Count);
        foreach (var item in list)
        {
            write(writer, item);
        }
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static void WriteNullable(BinaryWriter writer, long? value)
    {
        writer.Write(value is not null);
        if (value is { } present)
        {
            writer.Write(present);
        }
    }

    private static void WriteNullable(BinaryWriter writer, int? value)
    {
        writer.Write(value is not null);
        if (value is { } present)
        {
            writer.Write(present);
        }
    }

    /// <summary>A reader that refuses counts and values the file cannot hold, so a forged count never allocates gigabytes.</summary>
    private sealed class CheckedReader(byte[] bytes) : IDisposable
    {
        private readonly BinaryReader _reader = new(new MemoryStream(bytes, writable: false), Encoding.UTF8);

        public long Remaining => _reader.BaseStream.Length - _reader.BaseStream.Position;

        public void Skip(int count) => _reader.BaseStream.Position += count;

        public int ReadInt32() => _reader.ReadInt32();

        public long ReadInt64() => _reader.ReadInt64();

        public ushort ReadUInt16() => _reader.ReadUInt16();

        public bool ReadBoolean() => _reader.ReadByte() switch
        {
            0 => false,
            1 => true,
            _ => throw new InvalidDataException("not a boolean"),
        };

        public string ReadString()
        {
            var value = _reader.ReadString();
            return value;
        }

        public string? ReadNullableString() => ReadBoolean() ? ReadString() : null;

        public long? ReadNullableInt64() => ReadBoolean() ? ReadInt64() : null;

        public int? ReadNullableInt32() => ReadBoolean() ? ReadInt32() : null;

        public T ReadEnum<T>()
            where T : struct, Enum
        {
            var value = ReadInt32();
            return Enum.IsDefined(typeof(T), value) ? (T)(object)value : throw new InvalidDataException("an unknown value");
        }

        /// <summary>A count of items, each at least one byte: never more than the bytes left.</summary>
        public int ReadCount()
        {
            var count = ReadInt32();
            return count >= 0 && count <= Remaining ? count : throw new InvalidDataException("an impossible count");
        }

        public IReadOnlyList<T> ReadList<T>(Func<CheckedReader, T> read)
        {
            var count = ReadCount();
            if (count == 0)
            {
                return [];
            }

            var list = new List<T>(Math.Min(count, 16));
            for (var i = 0; i < count; i++)
            {
                list.Add(read(this));
            }

            return list;
        }

        public void Dispose() => _reader.Dispose();
    }
}
