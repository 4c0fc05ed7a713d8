using BenchmarkDotNet.Running;
using HotelPlatform.Connectors.Apaleo.Wire;
using HotelPlatform.Connectors.Benchmarks;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project benchmarks/HotelPlatform.Connectors.Benchmarks -- --job short --filter '*'
// dotnet run -c Release --project benchmarks/HotelPlatform.Connectors.Benchmarks -- alloc   (bytes per call, layer by layer)
if (args is ["alloc"])
{
    await AllocationsByLayerAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// Where a connector call's allocations go: the same GetReservation through each added layer (bare HttpClient + STJ,
// the PMS pipeline, Refit on it, the whole connector), averaged over 3,000 calls after 2,000 warm-up calls.
static async Task AllocationsByLayerAsync()
{
    var benchmarks = new ConnectorBenchmarks();
    await benchmarks.SetupAsync();
    var client = benchmarks.Services.GetRequiredService<IHttpClientFactory>().CreateClient("apaleo:bench");
    var api = ApaleoRefit.For<IApaleoBookingApi>(client);

    async Task Pipeline()
    {
        using var response = await client.GetAsync("booking/v1/reservations/MUCBENCH-1?expand=timeSlices,services");
        await using var body = await response.Content.ReadAsStreamAsync();
        await System.Text.Json.JsonSerializer.DeserializeAsync(body, ApaleoJsonContext.Default.ReservationModel);
    }

    async Task Refit()
    {
        using var response = await api.GetReservationAsync("MUCBENCH-1", ApaleoQueryValues.ReservationExpand.Default, default);
    }

    static long Measure(Func<Task> call, int count)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < count; i++)
        {
            call().GetAwaiter().GetResult();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / count;
    }

    Measure(benchmarks.BareGetReservation, 2000);
    Measure(Pipeline, 2000);
    Measure(Refit, 2000);
    Measure(benchmarks.ConnectorGetReservation, 2000);
    Console.WriteLine($"bytes per GetReservation: bare {Measure(benchmarks.BareGetReservation, 3000)}, pipeline {Measure(Pipeline, 3000)}, + Refit {Measure(Refit, 3000)}, connector {Measure(benchmarks.ConnectorGetReservation, 3000)}");
    static async Task<double> TimeAsync(Func<Task> call, int count)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await call();
        }

        return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMicroseconds / count;
    }

    // Rough: the best of five rounds of 2,000 calls each (BenchmarkDotNet gives the real figures).
    var best = new double[4];
    Array.Fill(best, double.MaxValue);
    Func<Task>[] layers = [benchmarks.BareGetReservation, Pipeline, Refit, benchmarks.ConnectorGetReservation];
    for (var round = 0; round < 5; round++)
    {
        for (var layer = 0; layer < layers.Length; layer++)
        {
            best[layer] = Math.Min(best[layer], await TimeAsync(layers[layer], 2000));
        }
    }

    Console.WriteLine($"µs per GetReservation (best of 5): bare {best[0]:F1}, pipeline {best[1]:F1}, + Refit {best[2]:F1}, connector {best[3]:F1}");
    await benchmarks.CleanupAsync();
}
