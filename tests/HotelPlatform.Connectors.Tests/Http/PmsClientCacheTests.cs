using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Tests.Http;

public sealed class PmsClientCacheTests
{
    [Fact]
    public void The_same_clients_are_returned_until_the_lifetime_has_passed_then_new_ones_are_made()
    {
        var clock = new FakeTimeProvider();
        var options = new object();
        var made = 0;
        var cache = new PmsClientCache<object, object>(() => options, _ => new object[] { ++made }, clock, TimeSpan.FromMinutes(2));

        var first = cache.Current;
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Same(first, cache.Current);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotSame(first, cache.Current);
        Assert.Equal(2, made);
    }

    [Fact]
    public void A_new_options_instance_gets_new_clients_made_from_it()
    {
        var clock = new FakeTimeProvider();
        var options = "first";
        var cache = new PmsClientCache<string, string>(() => options, o => o + "-clients", clock);

        Assert.Equal("first-clients", cache.Current);
        options = "second";
        Assert.Equal("second-clients", cache.Current);
    }

    [Fact]
    public void A_lifetime_that_is_not_positive_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PmsClientCache<object, object>(() => new object(), o => o, TimeProvider.System, TimeSpan.Zero));
}
