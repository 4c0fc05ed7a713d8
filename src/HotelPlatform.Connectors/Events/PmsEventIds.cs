using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HotelPlatform.Connectors.Events;

/// <summary>
/// The event id rule. An event's <see cref="PmsEvent.EventId"/> is the vendor's own event id wherever the vendor gives
/// one (Apaleo's <c>id</c>, OPERA's <c>businessEventId</c>, SiteMinder's message <c>UniqueID</c>): it is what stays
/// the same when the vendor delivers the event again. Where the vendor gives none (Mews' general webhooks, Cloudbeds),
/// the id is a content hash: <c>sha256:</c> and the lower-case hex SHA-256 of the parts that identify the event — the
/// same parts give the same id on every redelivery, and differing parts never collide. Include every part that tells
/// two real changes apart (the vendor's timestamp where it sends one, the raw event text otherwise); two deliveries
/// with identical content cannot be told apart by anyone, so the webhook framework dedupes content hashes within a
/// window rather than forever.
/// </summary>
public static class PmsEventIds
{
    /// <summary>The prefix of every content-hash event id.</summary>
    public const string ContentHashPrefix = "sha256:";

    /// <summary>Computes the content-hash event id of some bytes, such as one event's raw JSON.</summary>
    /// <param name="content">The content.</param>
    /// <returns><c>sha256:</c> followed by 64 lower-case hex digits.</returns>
    public static string FromContent(ReadOnlySpan<byte> content)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, digest);
        return ContentHashPrefix + Convert.ToHexStringLower(digest);
    }

    /// <summary>
    /// Computes the content-hash event id of an ordered list of parts (for example vendor, property, event type,
    /// entity id, the vendor's timestamp). Each part is length-prefixed, so <c>("ab", "c")</c> and <c>("a", "bc")</c>
    /// differ, and a <see langword="null"/> part differs from an empty one.
    /// </summary>
    /// <param name="parts">The parts, in a fixed order.</param>
    /// <returns><c>sha256:</c> followed by 64 lower-case hex digits.</returns>
    public static string FromContent(params ReadOnlySpan<string?> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[sizeof(int)];
        foreach (var part in parts)
        {
            var bytes = part is null ? [] : Encoding.UTF8.GetBytes(part);
            BinaryPrimitives.WriteInt32BigEndian(length, part is null ? -1 : bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return ContentHashPrefix + Convert.ToHexStringLower(digest);
    }

    /// <summary>Tells whether an event id is a content hash rather than the vendor's own id.</summary>
    /// <param name="eventId">The event id.</param>
    /// <returns><see langword="true"/> for an id made by <see cref="FromContent(ReadOnlySpan{byte})"/>.</returns>
    public static bool IsContentHash(string? eventId) =>
        eventId is { Length: 71 } && eventId.StartsWith(ContentHashPrefix, StringComparison.Ordinal) && eventId.AsSpan(ContentHashPrefix.Length).ContainsAnyExcept("0123456789abcdef") is false;
}
