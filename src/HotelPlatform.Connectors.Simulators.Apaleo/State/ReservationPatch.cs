using System.Text.Json;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;

namespace HotelPlatform.Connectors.Simulators.Apaleo.State;

/// <summary>
/// The JSON Patch operations booking-v1 allows on <c>PATCH /booking/v1/reservations/{id}</c>: "Add, replace and remove
/// Comment, GuestComment, PaymentAccount, TravelPurpose, AdditionalGuests, Commission; Add a company (using company/Id, and
/// only if not already set); Replace PrimaryGuest; Remove ValidationMessages". Paths are JSON Pointers to the members,
/// matched without regard to case as ASP.NET Core's JSON Patch does. Any other operation or path is a broken business
/// rule (422, chosen: Apaleo documents the list, not the answer); a value that does not fit its member is refused by
/// strict validation (400), like any other malformed body.
/// </summary>
internal static class ReservationPatch
{
    private const string Allowed =
        "Allowed: add, replace and remove /comment, /guestComment, /paymentAccount, /travelPurpose, /additionalGuests and /commission; add /company/id; replace /primaryGuest; remove /validationMessages.";

    /// <summary>Reads one operation; returns the change to apply under the hotel's lock, after every operation of the patch was accepted.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="path">Its JSON path in the body, for violations.</param>
    /// <param name="violations">Where malformed values are reported.</param>
    /// <param name="rules">Where operations Apaleo does not allow are reported.</param>
    /// <returns>The change, or <see langword="null"/> when the operation was refused.</returns>
    public static Action<StoredReservation>? Prepare(PatchOperationModel operation, string path, List<ValidationViolation> violations, List<string> rules)
    {
        if (!operation.Path.StartsWith('/'))
        {
            violations.Add(new($"{path}.path", $"'{operation.Path}' is not a JSON Pointer (RFC 6901); it must start with '/'."));
            return null;
        }

        string member = operation.Path[1..].ToUpperInvariant();
        PatchOperationType op = operation.Op;
        bool write = op is PatchOperationType.Add or PatchOperationType.Replace;
        bool addReplaceRemove = write || op == PatchOperationType.Remove;
        switch (member)
        {
            case "COMMENT" when addReplaceRemove:
                return Text(operation, path, violations, (r, v) => r.Comment = v);
            case "GUESTCOMMENT" when addReplaceRemove:
                return Text(operation, path, violations, (r, v) => r.GuestComment = v);
            case "TRAVELPURPOSE" when addReplaceRemove:
                return Value<TravelPurpose>(operation, path, violations, (r, v) => r.TravelPurpose = v);
            case "ADDITIONALGUESTS" when addReplaceRemove:
                return Object<List<GuestModel>>(operation, path, violations, (r, v) => r.AdditionalGuests = v);
            case "COMMISSION" when addReplaceRemove:
                return Object<CommissionModel>(operation, path, violations, (r, v) => r.Commission = v);
            case "PAYMENTACCOUNT" when addReplaceRemove:
                return Object<CreatePaymentAccountModel>(operation, path, violations, (r, v) => r.PaymentAccount = v);
            case "PRIMARYGUEST" when op == PatchOperationType.Replace:
                return Read(operation.Value, path, violations, out GuestModel? guest) ? r => r.PrimaryGuest = guest! : null;
            case "COMPANY/ID" when op == PatchOperationType.Add:
                // The simulator seeds no companies, so any company id is unknown.
                if (Read(operation.Value, path, violations, out string? companyId))
                {
                    rules.Add($"Company '{companyId}' not found.");
                }

                return null;
            case "VALIDATIONMESSAGES" when op == PatchOperationType.Remove:
                // The simulator never attaches validation messages, so there is nothing to remove.
                return _ => { };
            default:
                rules.Add($"The operation '{JsonNamingPolicy.CamelCase.ConvertName(op.ToString())}' on '{operation.Path}' is not allowed. {Allowed}");
                return null;
        }
    }

    private static Action<StoredReservation>? Text(PatchOperationModel operation, string path, List<ValidationViolation> violations, Action<StoredReservation, string?> set)
    {
        if (operation.Op == PatchOperationType.Remove)
        {
            return r => set(r, null);
        }

        return Read(operation.Value, path, violations, out string? text) ? r => set(r, text) : null;
    }

    private static Action<StoredReservation>? Value<T>(PatchOperationModel operation, string path, List<ValidationViolation> violations, Action<StoredReservation, T?> set)
        where T : struct
    {
        if (operation.Op == PatchOperationType.Remove)
        {
            return r => set(r, null);
        }

        return Read(operation.Value, path, violations, out T value) ? r => set(r, value) : null;
    }

    private static Action<StoredReservation>? Object<T>(PatchOperationModel operation, string path, List<ValidationViolation> violations, Action<StoredReservation, T?> set)
        where T : class
    {
        if (operation.Op == PatchOperationType.Remove)
        {
            return r => set(r, null);
        }

        return Read(operation.Value, path, violations, out T? value) ? r => set(r, value) : null;
    }

    /// <summary>Reads <c>value</c> strictly into the member's wire type, reporting what does not fit at <c>$[i].value…</c>.</summary>
    private static bool Read<T>(JsonElement? value, string path, List<ValidationViolation> violations, out T? result)
    {
        result = default;
        if (value is not { } element)
        {
            violations.Add(new($"{path}.value", "'value' is required for 'add' and 'replace' (RFC 6902); use 'remove' to clear a member."));
            return false;
        }

        try
        {
            result = element.Deserialize(ApaleoJson.Info<T>());
        }
        catch (JsonException ex)
        {
            ValidationViolation described = StrictJson.Describe(ex);
            violations.Add(new($"{path}.value{described.Member.TrimStart('$')}", described.Message));
            return false;
        }

        if (result is null)
        {
            violations.Add(new($"{path}.value", "'value' must not be null; use 'remove' to clear a member."));
            return false;
        }

        return true;
    }
}
