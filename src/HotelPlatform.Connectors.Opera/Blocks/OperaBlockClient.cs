using HotelPlatform.Connectors.Opera.Mapping;
using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera.Blocks;

/// <summary>The <see cref="IOperaBlocks"/> of one hotel.</summary>
internal sealed class OperaBlockClient(OperaClients clients, Func<OperaOptions> options, Func<string, string, CancellationToken, Task<Reservation>> readReservation) : IOperaBlocks
{
    private const string BlockIdType = "Block";
    private readonly OperaResponses _responses = OperaResponses.Instance;

    private string HotelCode => options().PropertyId;

    public async Task<OperaBlock> CreateBlockAsync(OperaBlockDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Code);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Name);
        if (draft.End < draft.Start)
        {
            throw new ArgumentException("A block ends on or after its first day.", nameof(draft));
        }

        const string operation = "CreateBlock";
        var body = new BlockEnvelope(new BlocksModel([new BlockInfo(new BlockModel
        {
            BlockDetails = new BlockDetails
            {
                BlockCode = draft.Code,
                BlockName = draft.Name,
                TimeSpan = new TimeSpanModel(draft.Start, draft.End),
                BlockStatus = draft.StatusCode is null ? null : new BookingStatusDetail(new BookingStatus(new CodeDescription(draft.StatusCode, null))),
            },
        })]));
        var id = await _responses.CreateAsync(clients.Api.CreateBlockAsync(HotelCode, body, cancellationToken), new OperaCall(operation), cancellationToken).ConfigureAwait(false)
                 ?? throw new PmsUnavailableException($"{PmsVendors.Opera} {operation}: OHIP created the block but sent no Location (outcome unknown).") { Vendor = PmsVendors.Opera, Operation = operation, OutcomeUnknown = true };
        return await GetBlockAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OperaBlock> GetBlockAsync(string blockId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blockId);
        const string operation = "GetBlock";
        var envelope = await _responses.ReadAsync(clients.Api.GetBlockAsync(HotelCode, blockId, cancellationToken), new OperaCall(operation) { EntityType = BlockIdType, EntityId = blockId }, cancellationToken).ConfigureAwait(false);
        var block = envelope?.Blocks?.BlockInfo?.FirstOrDefault()?.Block
                    ?? throw new PmsNotFoundException($"{PmsVendors.Opera} {operation}: hotel {HotelCode} has no block '{blockId}' (OHIP answered 204).") { Vendor = PmsVendors.Opera, Operation = operation, EntityType = BlockIdType, EntityId = blockId };
        var details = block.BlockDetails ?? new BlockDetails();
        return new OperaBlock(
            OperaReservationMapper.IdOf(block.BlockIdList, BlockIdType) ?? blockId,
            details.BlockCode ?? string.Empty,
            details.BlockName ?? string.Empty,
            details.TimeSpan?.StartDate ?? default,
            details.TimeSpan?.EndDate ?? default)
        {
            StatusCode = details.BlockStatus?.BookingStatus?.Status?.Code,
        };
    }

    public async Task<Reservation> PickUpAsync(string blockId, ReservationDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blockId);
        ArgumentNullException.ThrowIfNull(draft);
        const string operation = "PickUpFromBlock";
        var body = new CreateReservationRequest(new HotelReservations { Reservation = [OperaReservationMapper.ToNewReservation(draft, options())] });
        var id = await _responses.CreateAsync(
                     clients.Api.CreateReservationInBlockAsync(HotelCode, blockId, body, cancellationToken),
                     new OperaCall(operation) { EntityType = BlockIdType, EntityId = blockId, RefusalMayMeanNoAvailability = true },
                     cancellationToken).ConfigureAwait(false)
                 ?? throw new PmsUnavailableException($"{PmsVendors.Opera} {operation}: OHIP created the reservation but sent no Location (outcome unknown).") { Vendor = PmsVendors.Opera, Operation = operation, OutcomeUnknown = true };
        return await readReservation(id, operation, cancellationToken).ConfigureAwait(false);
    }
}
