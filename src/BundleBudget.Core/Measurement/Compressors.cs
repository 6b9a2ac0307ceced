using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;

namespace BundleBudget.Core.Measurement;

/// <summary>
/// Streams a file through a compressor and counts the bytes that come out, never holding the file or its output.
/// gzip at level 9 (<see cref="CompressionLevel.SmallestSize"/>) and brotli at quality 11, as <c>gzip -9</c> and
/// <c>brotli -q 11</c> and the precompression of production servers produce.
/// </summary>
public static class Compressors
{
    public const int BrotliQuality = 11;

    /// <summary>22 is the window of the brotli library's default and of Node's zlib; larger only matters above 4 MB.</summary>
    public const int BrotliWindow = 22;

    private const int BufferSize = 64 * 1024;

    public static long GzipLength(Stream source)
    {
        var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            source.CopyTo(gzip, BufferSize);
        }

        return counter.Length;
    }

    public static long GzipLength(ReadOnlySpan<byte> content)
    {
        var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return counter.Length;
    }

    public static long BrotliLength(ReadOnlySpan<byte> content)
    {
        var output = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(BufferSize));
        using var encoder = new BrotliEncoder(BrotliQuality, BrotliWindow);
        try
        {
            return Compress(encoder, content, output, isFinalBlock: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    public static long BrotliLength(Stream source)
    {
        var input = ArrayPool<byte>.Shared.Rent(BufferSize);
        var output = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(BufferSize));
        using var encoder = new BrotliEncoder(BrotliQuality, BrotliWindow);
        long total = 0;
        try
        {
            int read;
            while ((read = source.Read(input, 0, BufferSize)) > 0)
            {
                total += Compress(encoder, input.AsSpan(0, read), output, isFinalBlock: false);
            }

            total += Compress(encoder, ReadOnlySpan<byte>.Empty, output, isFinalBlock: true);
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    /// <summary>SHA-256 of the content, hex: the key under which what is learned of it is cached.</summary>
    public static string ContentHash(ReadOnlySpan<byte> content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

    /// <summary>SHA-256 of the content, hex: the key under which what is learned of it is cached.</summary>
    public static string ContentHash(Stream source)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = source.Read(buffer, 0, BufferSize)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    private static long Compress(BrotliEncoder encoder, ReadOnlySpan<byte> input, byte[] output, bool isFinalBlock)
    {
        long written = 0;
        while (true)
        {
            var status = encoder.Compress(input, output, out var consumed, out var produced, isFinalBlock);
            written += produced;
            input = input[consumed..];
            switch (status)
            {
                case System.Buffers.OperationStatus.Done when input.IsEmpty:
                    return written;
                case System.Buffers.OperationStatus.Done:
                case System.Buffers.OperationStatus.DestinationTooSmall:
                    continue;
                default:
                    throw new InvalidDataException($"Brotli compression failed: {status}.");
            }
        }
    }

    /// <summary>A write-only stream that counts and discards.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override void WriteByte(byte value) => _length++;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
