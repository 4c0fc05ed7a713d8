namespace HotelPlatform.Connectors.Opera;

/// <summary>The limits OHIP states per operation ("The maximum allowable limit for this API is N", "time span of 90 days").</summary>
public static class OperaLimits
{
    /// <summary>The largest <c>limit</c> of a reservation search the connector asks for (rsv <c>reservationInfo</c> holds at most 4000 items).</summary>
    public const int MaxReservationLimit = 4000;

    /// <summary>The largest <c>limit</c> of <c>getRoomTypes</c> (rmcfg: 1000).</summary>
    public const int MaxRoomTypeLimit = 1000;

    /// <summary>The largest <c>limit</c> of <c>getProfiles</c> (crm: 200).</summary>
    public const int MaxProfileLimit = 200;

    /// <summary>The largest <c>limit</c> of <c>getBusinessEvents</c> (int: 20).</summary>
    public const int MaxBusinessEventLimit = 20;

    /// <summary>The longest span, in days, of one availability or inventory request (par, inv: 90 days).</summary>
    public const int MaxAvailabilityDays = 90;

    /// <summary>The longest span, in days, of the pricing schedule of one package search (rtp <c>getPackages</c>: 365 days).</summary>
    public const int MaxPackageScheduleDays = 365;

    /// <summary>The most schedules in one rtp <c>setRatePlanSchedules</c> request (<c>ratePlanScheduleList</c>: 50).</summary>
    public const int MaxSchedulesPerRequest = 50;

    /// <summary>The most room types (or rate plans) one restriction or rate schedule lists (par <c>roomTypes</c>, rtp <c>roomTypeList</c>: 4000).</summary>
    public const int MaxCodesPerItem = 4000;

    /// <summary>The most persons a rate schedule has an amount for (rtp <c>scheduleRateAmountsType</c>: <c>onePersonRate</c> .. <c>fivePersonRate</c>).</summary>
    public const int MaxPersonsPerRate = 5;
}
