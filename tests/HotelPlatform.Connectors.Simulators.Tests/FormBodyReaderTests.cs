using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Tests;

/// <summary>
/// The form reader: <c>application/x-www-form-urlencoded</c> with PHP-style brackets, as Cloudbeds' POST operations take
/// it, read into a nested structure and held to a strict wire model; malformed keys are refused naming the key.
/// </summary>
public sealed class FormBodyReaderTests : SimulatorTestBase
{
    private static JsonObject? Read(string form, out List<ValidationViolation> violations, FormBodyReader? reader = null)
    {
        violations = [];
        return (reader ?? FormBodyReader.Default).Read(Encoding.UTF8.GetBytes(form), violations);
    }

    private Task<HttpResponseMessage> PostFormAsync(string path, string form, string contentType = "application/x-www-form-urlencoded")
    {
        var content = new StringContent(form, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return Client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
    }

    [Fact]
    public void Bracketed_keys_become_nested_objects_and_indexed_groups_become_arrays()
    {
        JsonObject form = Read("propertyID=123&rooms%5B0%5D%5BroomTypeID%5D=DBL&rooms[0][quantity]=1&rooms[1][roomTypeID]=SGL&rooms[1][quantity]=2&guest[name]=Ada+Lovelace&tags[]=vip&tags[]=late", out var violations)!;

        Assert.Empty(violations);
        Assert.Equal("123", form["propertyID"]!.GetValue<string>());
        JsonArray rooms = form["rooms"]!.AsArray();
        Assert.Equal(["DBL", "SGL"], rooms.Select(r => r!["roomTypeID"]!.GetValue<string>()));
        Assert.Equal("2", rooms[1]!["quantity"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", form["guest"]!["name"]!.GetValue<string>());
        Assert.Equal(["vip", "late"], form["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public void Indices_sent_out_of_order_are_put_in_order()
    {
        JsonObject form = Read("rooms[1]=b&rooms[0]=a", out var violations)!;

        Assert.Empty(violations);
        Assert.Equal(["a", "b"], form["rooms"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Theory]
    [InlineData("rooms[0=DBL", "form:rooms[0")]
    [InlineData("rooms]0[=DBL", "form:rooms]0[")]
    [InlineData("rooms[0]x=DBL", "form:rooms[0]x")]
    [InlineData("[0]=DBL", "form:[0]")]
    [InlineData("rooms[][roomTypeID]=DBL", "form:rooms[][roomTypeID]")]
    [InlineData("name=a&name=b", "form:name")]
    [InlineData("guest=Ada&guest[name]=Ada", "form:guest")]
    [InlineData("guest[name]=Ada&guest=Ada", "form:guest")]
    [InlineData("rooms[0]=a&rooms[2]=c", "form:rooms")]
    [InlineData("a[b][c][d][e][f][g][h][i][j]=deep", "form:a[b][c][d][e][f][g][h][i][j]")]
    [InlineData("", "form:$")]
    public void A_malformed_form_is_refused_naming_the_key(string form, string member)
    {
        JsonObject? value = Read(form, out var violations);

        Assert.Null(value);
        ValidationViolation violation = Assert.Single(violations);
        Assert.Equal(member, violation.Member);
        Assert.False(string.IsNullOrWhiteSpace(violation.Message));
    }

    [Fact]
    public void Leading_zero_indices_are_not_mistaken_for_an_array()
    {
        // "00" is not a canonical index, so the group is an object; a strict model then refuses the member it does not know.
        JsonObject form = Read("rooms[00]=a", out var violations)!;

        Assert.Empty(violations);
        Assert.Equal("a", form["rooms"]!["00"]!.GetValue<string>());
    }

    [Fact]
    public void More_fields_than_the_limit_are_refused()
    {
        JsonObject? form = Read("a=1&b=2&c=3", out var violations, new FormBodyReader { MaxFields = 2 });

        Assert.Null(form);
        Assert.Equal("form:$", Assert.Single(violations).Member);
    }

    [Fact]
    public async Task A_form_is_read_into_a_strict_model_with_numbers_booleans_and_dates_from_strings()
    {
        using HttpResponseMessage response = await PostFormAsync("/form/reservations", "propertyID=123&startDate=2025-03-10&sendEmailConfirmation=true&rooms[0][roomTypeID]=DBL&rooms[0][quantity]=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode echoed = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal("123", echoed["propertyID"]!.GetValue<string>());
        Assert.Equal(2, echoed["rooms"]![0]!["quantity"]!.GetValue<int>());
        Assert.True(echoed["sendEmailConfirmation"]!.GetValue<bool>());
        Assert.Empty(Simulator.ValidationFailures);
    }

    [Theory]
    [InlineData("propertyID=123&startDate=2025-03-10&rooms[0][roomTypeID]=DBL&rooms[0][quantity]=two", "form:rooms[0][quantity]")]
    [InlineData("propertyID=123&startDate=2025-03-10&rooms[0][roomTypeID]=DBL", "form:rooms[0][quantity]")]
    [InlineData("propertyID=123&startDate=2025-03-10&rooms[0][roomTypeID]=DBL&rooms[0][quantity]=1&rooms[0][rate]=9", "form:rooms[0][rate]")]
    [InlineData("propertyID=123&startDate=2025-03-10&sendEmailConfirmation=yes&rooms[0][roomTypeID]=DBL&rooms[0][quantity]=1", "form:sendEmailConfirmation")]
    [InlineData("propertyID=123&startDate=10.03.2025&rooms[0][roomTypeID]=DBL&rooms[0][quantity]=1", "form:startDate")]
    [InlineData("propertyID=123&startDate=2025-03-10&rooms=", "form:rooms")]
    [InlineData("propertyID=123&startDate=2025-03-10&rooms[0][roomTypeID]=DBL&rooms[0][quantity]=1&rooms[0=x", "form:rooms[0")]
    public async Task A_form_that_does_not_match_the_model_is_refused_naming_the_form_key(string form, string member)
    {
        using HttpResponseMessage response = await PostFormAsync("/form/reservations", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Simulator.ValidationFailures, f => f.Member == member);
    }

    [Fact]
    public async Task A_json_body_sent_to_a_form_endpoint_is_refused_on_its_content_type()
    {
        using HttpResponseMessage response = await PostFormAsync("/form/raw", """{"propertyID":"123"}""", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(StrictRequestValidator.ContentTypeMember, Assert.Single(Simulator.ValidationFailures).Member);
    }

    [Fact]
    public async Task A_form_in_another_charset_is_refused()
    {
        using HttpResponseMessage response = await PostFormAsync("/form/raw", "a=1", "application/x-www-form-urlencoded; charset=iso-8859-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(StrictRequestValidator.ContentTypeMember, Assert.Single(Simulator.ValidationFailures).Member);
    }

    [Fact]
    public void A_json_path_is_named_as_the_form_key()
    {
        Assert.Equal("form:rooms[0][roomTypeID]", FormBodyReader.ToFormMember("$.rooms[0].roomTypeID"));
        Assert.Equal("form:odd name[1]", FormBodyReader.ToFormMember("$['odd name'][1]"));
        Assert.Equal("form:$", FormBodyReader.ToFormMember("$"));
    }
}
