namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// A thread-safe, seeded source of pseudo-random values for demo data, identifiers and tokens. The same seed gives the
/// same sequence on every run and platform. Not for security.
/// </summary>
/// <remarks>
/// Give each independent consumer its own stream with <see cref="Fork"/> (for example <c>Random.Fork("tokens")</c>), so
/// that issuing one more token does not shift every reservation identifier generated after it.
/// </remarks>
public sealed class DeterministicRandom
{
    /// <summary>Upper-case letters and digits, the alphabet of most vendor identifiers.</summary>
    public const string UpperAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>Letters, digits, <c>-</c> and <c>_</c>: the base64url alphabet, safe in headers and URLs.</summary>
    public const string UrlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private readonly Lock _gate = new();

    // System.Random with an explicit seed uses the legacy algorithm whose sequence .NET keeps stable across versions.
#pragma warning disable CA5394 // Deterministic demo data, not security.
    private readonly Random _random;

    /// <summary>Initializes a new instance of the <see cref="DeterministicRandom"/> class.</summary>
    /// <param name="seed">The seed.</param>
    public DeterministicRandom(int seed)
    {
        Seed = seed;
        _random = new Random(seed);
    }

    /// <summary>Gets the seed this stream started from.</summary>
    public int Seed { get; }

    /// <summary>Creates an independent stream for one purpose; the same seed and purpose always give the same stream.</summary>
    /// <param name="purpose">A stable name for the consumer, such as <c>"tokens"</c> or <c>"reservations"</c>.</param>
    /// <returns>The forked stream.</returns>
    public DeterministicRandom Fork(string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);

        // FNV-1a over the seed and the purpose: string.GetHashCode is randomised per process, this is not.
        uint hash = 2_166_136_261;
        foreach (byte b in BitConverter.GetBytes(Seed))
        {
            hash = (hash ^ b) * 16_777_619;
        }

        foreach (char c in purpose)
        {
            hash = (hash ^ (uint)(c & 0xFF)) * 16_777_619;
            hash = (hash ^ (uint)(c >> 8)) * 16_777_619;
        }

        return new DeterministicRandom(unchecked((int)hash));
    }

    /// <summary>Returns a non-negative integer below <paramref name="maxExclusive"/>.</summary>
    /// <param name="maxExclusive">The exclusive upper bound; positive.</param>
    /// <returns>The value.</returns>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        lock (_gate)
        {
            return _random.Next(maxExclusive);
        }
    }

    /// <summary>Returns an integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    /// <param name="minInclusive">The inclusive lower bound.</param>
    /// <param name="maxExclusive">The exclusive upper bound; greater than <paramref name="minInclusive"/>.</param>
    /// <returns>The value.</returns>
    public int Next(int minInclusive, int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxExclusive, minInclusive);
        lock (_gate)
        {
            return _random.Next(minInclusive, maxExclusive);
        }
    }

    /// <summary>Returns a value in [0, 1).</summary>
    /// <returns>The value.</returns>
    public double NextDouble()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }

    /// <summary>Returns a string of <paramref name="length"/> characters drawn from <paramref name="alphabet"/>.</summary>
    /// <param name="length">The length; positive.</param>
    /// <param name="alphabet">The characters to draw from; <see cref="UpperAlphanumeric"/> when omitted.</param>
    /// <returns>The string.</returns>
    public string NextString(int length, string alphabet = UpperAlphanumeric)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentException.ThrowIfNullOrEmpty(alphabet);
        return string.Create(length, (this, alphabet), static (span, state) =>
        {
            lock (state.Item1._gate)
            {
                for (int i = 0; i < span.Length; i++)
                {
                    span[i] = state.alphabet[state.Item1._random.Next(state.alphabet.Length)];
                }
            }
        });
    }

    /// <summary>Returns a GUID made from the stream (version 4 layout), for vendors whose identifiers are GUIDs.</summary>
    /// <returns>The GUID.</returns>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_gate)
        {
            _random.NextBytes(bytes);
        }

        // Version 4 and the RFC 4122 variant, so the value looks like any other random GUID on the wire.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Returns one item of a list.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items; not empty.</param>
    /// <returns>The chosen item.</returns>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfZero(items.Count, nameof(items));
        return items[Next(items.Count)];
    }
#pragma warning restore CA5394
}
