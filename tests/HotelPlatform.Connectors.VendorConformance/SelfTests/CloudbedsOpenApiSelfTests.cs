namespace HotelPlatform.Connectors.VendorConformance.SelfTests;

/// <summary>The OpenAPI validator against Cloudbeds' OpenAPI 3 YAML, whose writes are form-encoded.</summary>
public sealed class CloudbedsOpenApiSelfTests
{
    private const string Form = "application/x-www-form-urlencoded";

    private static Task<OpenApiSpec> CloudbedsAsync() => VendorSpecs.LoadOpenApiAsync("cloudbeds/openapi-specs/pms-v1.3-openapi.yaml");

    [Fact]
    public async Task The_yaml_document_loads_and_requests_under_the_server_base_path_are_matched()
    {
        OpenApiSpec spec = await CloudbedsAsync();

        OperationMatch match = spec.FindOperation("GET", "/api/v1.3/getReservations")!;

        Assert.Equal("/getReservations", match.PathTemplate);
        spec.ValidateRequest(SpecRequest.Create("GET", "/api/v1.3/getReservations?propertyID=123&status=confirmed&checkInFrom=2025-03-01&includeGuestsDetails=true")).AssertValid();
    }

    [Fact]
    public async Task Query_enum_and_format_violations_are_reported()
    {
        OpenApiSpec spec = await CloudbedsAsync();

        SpecValidationResult result = spec.ValidateRequest(SpecRequest.Create("GET", "/api/v1.3/getReservations?status=booked&checkInFrom=01.03.2025&includeGuestsDetails=yes"));

        Assert.Equal(["checkInFrom", "includeGuestsDetails", "status"], result.Violations.Select(v => v.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_form_encoded_reservation_with_bracketed_room_arrays_is_valid()
    {
        OpenApiSpec spec = await CloudbedsAsync();
        const string body = "propertyID=123&startDate=2025-03-10&endDate=2025-03-12&guestFirstName=Ada&guestLastName=Lovelace"
            + "&guestCountry=GB&guestEmail=ada%40example.com&paymentMethod=cash&thirdPartyIdentifier=HP-1"
            + "&rooms%5B0%5D%5BroomTypeID%5D=RT1&rooms%5B0%5D%5Bquantity%5D=1"
            + "&adults%5B0%5D%5BroomTypeID%5D=RT1&adults%5B0%5D%5Bquantity%5D=2"
            + "&children%5B0%5D%5BroomTypeID%5D=RT1&children%5B0%5D%5Bquantity%5D=0";

        spec.ValidateRequest(SpecRequest.Create("POST", "/api/v1.3/postReservation", body, Form)).AssertValid();
    }

    [Fact]
    public async Task An_invented_form_field_a_non_integer_quantity_and_an_unknown_payment_method_are_reported()
    {
        OpenApiSpec spec = await CloudbedsAsync();
        const string body = "propertyID=123&startDate=2025-03-10&endDate=2025-03-12&paymentMethod=bitcoin"
            + "&rooms[0][roomTypeID]=RT1&rooms[0][quantity]=many&rooms[0][floor]=3&loyaltyNumber=42";

        SpecValidationResult result = spec.ValidateRequest(SpecRequest.Create("POST", "/api/v1.3/postReservation", body, Form));

        Assert.Equal(
            ["$.loyaltyNumber", "$.paymentMethod", "$.rooms[0].floor", "$.rooms[0].quantity"],
            result.Violations.Select(v => v.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_json_body_where_the_operation_documents_only_a_form_is_refused()
    {
        OpenApiSpec spec = await CloudbedsAsync();

        SpecValidationResult result = spec.ValidateRequest(SpecRequest.Create("POST", "/api/v1.3/postReservation", """{"propertyID":"123"}"""));

        Assert.Equal(new SpecViolation("header", "Content-Type", "'application/json' is not a documented request media type (application/x-www-form-urlencoded)."), Assert.Single(result.Violations));
    }
}
