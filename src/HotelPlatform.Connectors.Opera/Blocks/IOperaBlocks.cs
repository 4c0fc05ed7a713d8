namespace HotelPlatform.Connectors.Opera.Blocks;

/// <summary>
/// OPERA business blocks (groups) of one hotel, reached through the connector:
/// <code>
/// var blocks = connector.GetService&lt;IOperaBlocks&gt;()!;
/// var block = await blocks.CreateBlockAsync(new OperaBlockDraft("SMITHWED", "Smith wedding", arrival, departure));
/// var reservation = await blocks.PickUpAsync(block.Id, new ReservationDraft(arrival, departure, "KING", "GRP", guest));
/// </code>
/// </summary>
public interface IOperaBlocks
{
    /// <summary>Creates a block (blk <c>postBlock</c>, <c>POST /blk/v1/hotels/{hotelId}/block</c>; 201 + <c>Location</c>).</summary>
    /// <param name="draft">The block.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The block as OPERA holds it.</returns>
    Task<OperaBlock> CreateBlockAsync(OperaBlockDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Reads a block (blk <c>getBlock</c>; 204 is <see cref="PmsNotFoundException"/>).</summary>
    /// <param name="blockId">The block's OPERA id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The block.</returns>
    Task<OperaBlock> GetBlockAsync(string blockId, CancellationToken cancellationToken = default);

    /// <summary>Picks up a room from a block into a new reservation (rsv <c>postReservationByBlock</c>; 201 + <c>Location</c>).</summary>
    /// <param name="blockId">The block's OPERA id.</param>
    /// <param name="draft">The reservation (its room type and rate plan must be the block's).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new reservation.</returns>
    Task<Reservation> PickUpAsync(string blockId, ReservationDraft draft, CancellationToken cancellationToken = default);
}

/// <summary>A block to create.</summary>
/// <param name="Code">The block code (<c>blockDetails.blockCode</c>).</param>
/// <param name="Name">The block name (<c>blockDetails.blockName</c>).</param>
/// <param name="Start">The first day (<c>timeSpan.startDate</c>).</param>
/// <param name="End">The last day (<c>timeSpan.endDate</c>).</param>
public sealed record OperaBlockDraft(string Code, string Name, DateOnly Start, DateOnly End)
{
    /// <summary>Gets the booking status code (<c>blockStatus.bookingStatus.status.code</c>, a List-of-Values code such as <c>DEF</c>); OPERA's default when not set.</summary>
    public string? StatusCode { get; init; }
}

/// <summary>A block as OPERA holds it.</summary>
/// <param name="Id">The OPERA block id (<c>blockIdList</c> of type <c>Block</c>).</param>
/// <param name="Code">The block code.</param>
/// <param name="Name">The block name.</param>
/// <param name="Start">The first day.</param>
/// <param name="End">The last day.</param>
public sealed record OperaBlock(string Id, string Code, string Name, DateOnly Start, DateOnly End)
{
    /// <summary>Gets the booking status code, when OPERA sends one.</summary>
    public string? StatusCode { get; init; }
}
