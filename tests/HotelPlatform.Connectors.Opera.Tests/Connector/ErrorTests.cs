using HotelPlatform.Connectors.Opera.Blocks;

namespace HotelPlatform.Connectors.Opera.Tests.Connector;

/// <summary>How OHIP's answers become exceptions: 204 for an unknown id, the problem body kept on the exception.</summary>
public sealed class ErrorTests
{
    private static readonly DateOnly Arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);

    [Fact]
    public async Task A_reservation_OHIP_answers_with_204_is_not_found()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);

        var error = await Assert.ThrowsAsync<PmsNotFoundException>(() => host["LDN01"].GetReservationAsync("987654", TestContext.Current.CancellationToken));

        Assert.Equal("987654", error.EntityId);
        Assert.Contains(host.Simulator.Requests, r => r.Path == "/rsv/v1/hotels/LDN01/reservations/987654" && r.Response?.StatusCode == 204);
    }

    [Fact]
    public async Task A_refused_write_keeps_OHIPs_error_code_title_and_detail_on_the_exception()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        var ct = TestContext.Current.CancellationToken;
        var connector = host["LDN01"];
        var booked = await connector.CreateReservationAsync(new ReservationDraft(Arrival, Arrival.AddDays(2), "KING", "BAR", new GuestProfile("Hopper")) { ClientReference = "err-1" }, ct);
        host.Simulator.CheckIn("LDN01", booked.VendorId);

        var error = await Assert.ThrowsAsync<PmsConflictException>(() => connector.CancelReservationAsync(booked.VendorId, cancellationToken: ct));

        Assert.Equal("INVALID_RESERVATION_STATUS", error.VendorErrorCode);
        Assert.Equal(PmsConflictReason.InvalidState, error.Reason);
        Assert.Contains("Bad Request", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be cancelled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_body_is_read_with_its_OHIP_members()
    {
        var problem = OperaResponseClassifier.Parse("""
            {"type":"https://example/400","title":"Bad Request","status":400,"detail":"Invalid arrival","o:errorCode":"RSV-1001","o:errorPath":"reservations.roomStay.arrivalDate",
             "o:errorDetails":[{"type":"error","title":"Arrival is in the past","o:errorCode":"RSV-1002"}]}
            """);

        Assert.NotNull(problem);
        Assert.Equal(("Bad Request", 400, "Invalid arrival", "RSV-1001", "reservations.roomStay.arrivalDate"), (problem.Title, problem.Status, problem.Detail, problem.ErrorCode, problem.ErrorPath));
        Assert.Equal("RSV-1002", Assert.Single(problem.ErrorDetails!).ErrorCode);
        Assert.Null(OperaResponseClassifier.Parse("<html>gateway</html>"));
        Assert.Null(OperaResponseClassifier.Parse(""));
    }

    [Fact]
    public async Task A_block_picks_up_a_room_into_a_reservation()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        var ct = TestContext.Current.CancellationToken;
        var blocks = host["LDN01"].GetService<IOperaBlocks>()!;

        var block = await blocks.CreateBlockAsync(new OperaBlockDraft("WED26", "Wedding", Arrival, Arrival.AddDays(2)) { StatusCode = "DEF" }, ct);
        var picked = await blocks.PickUpAsync(block.Id, new ReservationDraft(Arrival, Arrival.AddDays(2), "KING", "BAR", new GuestProfile("Guest")) { ClientReference = "blk-1" }, ct);

        Assert.Equal(("WED26", "Wedding", Arrival, Arrival.AddDays(2), "DEF"), (block.Code, block.Name, block.Start, block.End, block.StatusCode));
        Assert.Equal(block, await blocks.GetBlockAsync(block.Id, ct));
        Assert.Equal("blk-1", picked.ClientReference);
        Assert.Contains(host.Simulator.Requests, r => r.Method == "POST" && r.Path == $"/rsv/v1/hotels/LDN01/blocks/{block.Id}/reservations" && r.Response?.StatusCode == 201);
        await Assert.ThrowsAsync<PmsNotFoundException>(() => blocks.GetBlockAsync("404404", ct));
    }
}
