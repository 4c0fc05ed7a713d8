using System.Text;
using HotelPlatform.Connectors.Events;

namespace HotelPlatform.Connectors.Tests.Events;

/// <summary>The event id rule: the vendor's id where it gives one, a content hash where it does not.</summary>
public sealed class EventIdTests
{
    [Fact]
    public void A_content_hash_is_sha256_of_the_bytes_in_lower_case_hex()
    {
        // FIPS 180-2's test vector: SHA-256("abc").
        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PmsEventIds.FromContent("abc"u8));
    }

    [Fact]
    public void The_same_parts_give_the_same_id_on_every_call()
    {
        var first = PmsEventIds.FromContent("cloudbeds", "P-1", "reservation/created", "R-1", "1741600800.123");
        var again = PmsEventIds.FromContent("cloudbeds", "P-1", "reservation/created", "R-1", "1741600800.123");

        Assert.Equal(first, again);
        Assert.True(PmsEventIds.IsContentHash(first));
    }

    [Fact]
    public void Parts_are_length_prefixed_so_moving_a_boundary_or_a_null_changes_the_id()
    {
        string[] ids =
        [
            PmsEventIds.FromContent("ab", "c"),
            PmsEventIds.FromContent("a", "bc"),
            PmsEventIds.FromContent("abc"),
            PmsEventIds.FromContent("abc", null),
            PmsEventIds.FromContent("abc", string.Empty),
            PmsEventIds.FromContent(Encoding.UTF8.GetBytes("abc")),
        ];

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_part_that_tells_two_changes_apart_changes_the_id()
    {
        var baseline = PmsEventIds.FromContent("cloudbeds", "P-1", "reservation/status_changed", "R-1", "1741600800.1");

        Assert.NotEqual(baseline, PmsEventIds.FromContent("cloudbeds", "P-2", "reservation/status_changed", "R-1", "1741600800.1"));
        Assert.NotEqual(baseline, PmsEventIds.FromContent("cloudbeds", "P-1", "reservation/dates_changed", "R-1", "1741600800.1"));
        Assert.NotEqual(baseline, PmsEventIds.FromContent("cloudbeds", "P-1", "reservation/status_changed", "R-2", "1741600800.1"));
        Assert.NotEqual(baseline, PmsEventIds.FromContent("cloudbeds", "P-1", "reservation/status_changed", "R-1", "1741600800.2"));
    }

    [Theory]
    [InlineData("ec5a1fe4-331c-450a-915c-5caa231cc825")] // Apaleo's own id
    [InlineData("sha256:BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData("sha256:ba7816bf")]
    [InlineData("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015zz")]
    [InlineData("")]
    [InlineData(null)]
    public void A_vendor_id_or_anything_else_is_not_taken_for_a_content_hash(string? eventId)
    {
        Assert.False(PmsEventIds.IsContentHash(eventId));
    }
}
