namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>
/// A write-only, forward-only buffer between a synchronous writer (the OpenXML package, PDFsharp) and an asynchronous
/// destination (an HTTP response refuses synchronous writes): the writer fills it, the export drains it to the
/// destination every few rows, so it never holds more than what was written since the last drain. Not seekable, so the
/// ZIP writer streams entries with data descriptors instead of seeking back.
/// </summary>
internal sealed class SpoolStream : Stream
{
    private readonly MemoryStream _buffer = new();
    private long _position;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Gets the bytes waiting to be drained.</summary>
    public long Pending => _buffer.Length;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _buffer.Write(buffer);
        _position += buffer.Length;
    }

    public override void Flush()
    {
        // Draining is the export's job (asynchronously); the writers' flushes only hand their bytes over.
    }

    /// <summary>Moves what was written so far to the destination and empties the buffer.</summary>
    public async Task DrainToAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        await destination.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken).ConfigureAwait(false);
        _buffer.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }

        base.Dispose(disposing);
    }
}
