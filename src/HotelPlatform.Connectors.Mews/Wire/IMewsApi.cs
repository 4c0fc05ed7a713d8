using Refit;

namespace HotelPlatform.Connectors.Mews.Wire;

/// <summary>
/// The Mews Connector API operations the connector uses: every one <c>POST /api/connector/v1/{resource}/{action}</c>
/// (case-sensitive, no trailing slash), versioned where Mews requires it. The pipeline adds the credentials to each body.
/// </summary>
internal interface IMewsApi
{
    [Post("/api/connector/v1/configuration/get")]
    Task<IApiResponse<ConfigurationResult>> GetConfigurationAsync([Body] EmptyRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/services/getAll")]
    Task<IApiResponse<ServicesResult>> GetServicesAsync([Body] ServicesRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/resourceCategories/getAll")]
    Task<IApiResponse<ResourceCategoriesResult>> GetResourceCategoriesAsync([Body] ByServicesRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/rates/getAll")]
    Task<IApiResponse<RatesResult>> GetRatesAsync([Body] ByServicesRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/ageCategories/getAll")]
    Task<IApiResponse<AgeCategoriesResult>> GetAgeCategoriesAsync([Body] ByServicesRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/products/getAll")]
    Task<IApiResponse<ProductsResult>> GetProductsAsync([Body] ProductsRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/services/getAvailability/2024-01-22")]
    Task<IApiResponse<AvailabilityResult>> GetAvailabilityAsync([Body] AvailabilityRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/rates/getPricing")]
    Task<IApiResponse<RatePricingResult>> GetRatePricingAsync([Body] RatePricingRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/reservations/price")]
    Task<IApiResponse<PriceReservationsResult>> PriceReservationsAsync([Body] PriceReservationsRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/restrictions/getAll")]
    Task<IApiResponse<RestrictionsResult>> GetRestrictionsAsync([Body] RestrictionFilter request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/restrictions/set")]
    Task<IApiResponse> SetRestrictionsAsync([Body] RestrictionsWriteRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/restrictions/clear")]
    Task<IApiResponse> ClearRestrictionsAsync([Body] RestrictionsWriteRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/rates/updatePrice")]
    Task<IApiResponse> UpdateRatePriceAsync([Body] UpdateRatePriceRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/services/updateAvailability")]
    Task<IApiResponse> UpdateAvailabilityAsync([Body] UpdateAvailabilityRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/reservations/getAll/2023-06-06")]
    Task<IApiResponse<ReservationsResult>> GetReservationsAsync([Body] ReservationFilter request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/reservations/add")]
    Task<IApiResponse<AddReservationsResult>> AddReservationsAsync([Body] AddReservationsRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/reservations/update")]
    Task<IApiResponse> UpdateReservationsAsync([Body] UpdateReservationsRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/reservations/cancel")]
    Task<IApiResponse> CancelReservationsAsync([Body] CancelReservationsRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/reservations/addProduct")]
    Task<IApiResponse> AddReservationProductAsync([Body] AddReservationProductRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/orderItems/getAll")]
    Task<IApiResponse<OrderItemsResult>> GetOrderItemsAsync([Body] OrderItemFilter request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/customers/getAll")]
    Task<IApiResponse<CustomersResult>> GetCustomersAsync([Body] CustomerFilter request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/customers/add")]
    Task<IApiResponse<CustomerModel>> AddCustomerAsync([Body] AddCustomerRequest request, CancellationToken cancellationToken);

    [Post("/api/connector/v1/customers/update")]
    Task<IApiResponse<CustomerModel>> UpdateCustomerAsync([Body] UpdateCustomerRequest request, CancellationToken cancellationToken);
}
