using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace HotelPlatform.Connectors.Bulk;

/// <summary>
/// Writes one hotel's guest export. Personal data: the file is created readable by the current user only (where the OS
/// has Unix modes), written under a temporary name and renamed when complete; nothing of its content is logged or
/// returned. CSV is written here rather than with a CSV library because the runtime depends on Microsoft.Extensions.*
/// only (DESIGN.md §2), and RFC 4180 quoting is a dozen lines.
/// </summary>
internal static class PmsGuestExportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(PmsBulkJobsJson.Default.Options)
    {
        // Names as they are (Müller, not M\u00FCller); the file is data, not HTML.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    private static readonly string[] CsvHeader =
        ["Hotel", "ReservationId", "ConfirmationNumber", "Status", "Arrival", "Departure", "Role", "LastName", "FirstName", "Email", "Phone", "Language", "Nationality", "Country", "PostalCode", "City", "Consents"];

    public static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public static async Task<PmsGuestExportResult> WriteAsync(string directory, string hotelId, PmsGuestExportFormat format, IReadOnlyList<Reservation> reservations, CancellationToken cancellationToken)
    {
        var rows = reservations.SelectMany(r => r.AdditionalGuests.Select(g => Row(hotelId, r, "additional", g)).Prepend(Row(hotelId, r, "primary", r.PrimaryGuest))).ToList();
        var path = Path.Combine(directory, $"{SafeFileName(hotelId)}.guests.{(format == PmsGuestExportFormat.Json ? "json" : "csv")}");
        var partial = path + ".partial";
        File.Delete(partial);
        var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(partial, streamOptions);
        await using (stream.ConfigureAwait(false))
        {
            if (format == PmsGuestExportFormat.Json)
            {
                await JsonSerializer.SerializeAsync(stream, rows, JsonOptions, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                await using (writer.ConfigureAwait(false))
                {
                    await writer.WriteAsync(CsvLine(CsvHeader).AsMemory(), cancellationToken).ConfigureAwait(false);
                    foreach (var row in rows)
                    {
                        await writer.WriteAsync(CsvLine(row.Cells()).AsMemory(), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        File.Move(partial, path, overwrite: true);
        return new PmsGuestExportResult(path, reservations.Count, rows.Count);
    }

    private static PmsGuestExportRow Row(string hotelId, Reservation r, string role, GuestProfile g) => new(
        hotelId, r.VendorId, r.ConfirmationNumber, r.Status.ToString(), r.Arrival, r.Departure, role, g.LastName, g.FirstName, g.Email, g.Phone,
        g.Language, g.NationalityCountryCode, g.Address?.CountryCode, g.Address?.PostalCode, g.Address?.City, g.Consents.ToString());

    /// <summary>A hotel id as a file name: characters a file system refuses (and path separators) become '_'.</summary>
    private static string SafeFileName(string hotelId)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(hotelId.Select(c => invalid.Contains(c) || c is '/' or '\\' ? '_' : c));
    }

    private static string CsvLine(IEnumerable<string?> cells) => string.Join(',', cells.Select(CsvCell)) + "\r\n";

    private static string CsvCell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // A cell starting with = + - @ (or a tab/CR) runs as a formula when a spreadsheet opens the file (CSV injection);
        // the apostrophe makes it text. A phone number (+49 30 1234) is left as it is.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPhoneNumber(value))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] == ' ' || value[^1] == ' '
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static bool IsPhoneNumber(string value) =>
        value[0] == '+' && value.Length > 1 && value.Skip(1).All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')');
}

/// <summary>One guest of one reservation in an export.</summary>
internal sealed record PmsGuestExportRow(
    string Hotel,
    string ReservationId,
    string? ConfirmationNumber,
    string Status,
    DateOnly Arrival,
    DateOnly Departure,
    string Role,
    string LastName,
    string? FirstName,
    string? Email,
    string? Phone,
    string? Language,
    string? Nationality,
    string? Country,
    string? PostalCode,
    string? City,
    string Consents)
{
    /// <summary>The row's cells in <c>CsvHeader</c>'s order.</summary>
    public IEnumerable<string?> Cells() =>
    [
        Hotel, ReservationId, ConfirmationNumber, Status, Arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Departure.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Role, LastName, FirstName, Email, Phone, Language, Nationality, Country, PostalCode, City, Consents,
    ];
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<PmsBulkPush>))]
[JsonSerializable(typeof(List<PmsGuestExportRow>))]
internal sealed partial class PmsBulkJobsJson : JsonSerializerContext;
