namespace HotelPlatform.Connectors.Tests.Infrastructure;

/// <summary>
/// Waits for a condition that other threads make true (requests reaching a handler, a queue filling up). It asserts
/// nothing about time: the limit only stops a broken test from hanging the run.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string because)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"Gave up waiting: {because}");
            }

            await Task.Delay(2);
        }
    }
}
