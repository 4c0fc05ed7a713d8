namespace HotelPlatform.Connectors.Tests;

public sealed class PmsNightRunsTests
{
    private static readonly DateOnly March1 = new(2027, 3, 1);

    private static (DateOnly Night, int Value) At(int day, int value) => (March1.AddDays(day), value);

    private static string Describe(IEnumerable<IReadOnlyList<(DateOnly Night, int Value)>> runs) =>
        string.Join(" ", runs.Select(r => $"{r[0].Night.Day}-{r[^1].Night.Day}:{r[0].Value}"));

    [Fact]
    public void Consecutive_nights_that_belong_together_are_one_run_and_a_gap_or_another_value_starts_the_next()
    {
        var nights = new[] { At(0, 5), At(1, 5), At(2, 5), At(3, 7), At(5, 7), At(6, 7) };

        var runs = PmsNightRuns.Split(nights, n => n.Night, (a, b) => a.Value == b.Value);

        Assert.Equal("1-3:5 4-4:7 6-7:7", Describe(runs));
    }

    [Fact]
    public void A_run_is_cut_at_the_most_nights_a_vendor_takes()
    {
        var nights = Enumerable.Range(0, 7).Select(d => At(d, 1));

        var runs = PmsNightRuns.Split(nights, n => n.Night, (_, _) => true, maxNights: 3);

        Assert.Equal("1-3:1 4-6:1 7-7:1", Describe(runs));
    }

    [Fact]
    public void The_same_night_twice_and_nights_out_of_order_are_never_joined()
    {
        var nights = new[] { At(0, 1), At(0, 1), At(2, 1), At(1, 1) };

        var runs = PmsNightRuns.Split(nights, n => n.Night, (_, _) => true);

        Assert.Equal("1-1:1 1-1:1 3-3:1 2-2:1", Describe(runs));
    }

    [Fact]
    public void No_values_are_no_runs_and_a_limit_below_one_night_is_refused()
    {
        Assert.Empty(PmsNightRuns.Split(Array.Empty<(DateOnly Night, int Value)>(), n => n.Night, (_, _) => true));
        Assert.Throws<ArgumentOutOfRangeException>(() => PmsNightRuns.Split([At(0, 1)], n => n.Night, (_, _) => true, maxNights: 0));
    }
}
