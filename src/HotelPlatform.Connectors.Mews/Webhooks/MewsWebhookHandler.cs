using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Mews.Webhooks;

/// <summary>
/// The events seam for one Mews hotel (<see cref="IPmsWebhookHandler"/>, keyed by the hotel id). Mews signs nothing; it
/// appends the shared secret agreed with its support to the webhook address as <c>?Token=</c> (events/wh-faq.md), which
/// is compared in constant time with <see cref="MewsOptions.WebhookToken"/>. Until a token is configured every delivery
/// is refused. Verified deliveries are parsed by <see cref="MewsWebhookParser"/>. Follows changes of the hotel's options.
/// </summary>
internal sealed partial class MewsWebhookHandler : PmsWebhookHandler
{
    /// <summary>The query parameter carrying the secret.</summary>
    public const string TokenParameter = "Token";

    private readonly string _hotelId;
    private readonly IOptionsMonitor<MewsOptions> _options;
    private readonly ILogger _logger;
    private volatile SecretForOptions? _secret;

    public MewsWebhookHandler(string hotelId, IOptionsMonitor<MewsOptions> options, ILogger<MewsWebhookHandler> logger)
    {
        _hotelId = hotelId;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public override string Vendor => PmsVendors.Mews;

    /// <inheritdoc />
    protected override bool Verify(PmsWebhookRequest request)
    {
        var secret = CurrentSecret();
        if (secret is null)
        {
            LogRejected(_hotelId, "no WebhookToken is configured; Mews signs nothing, so every delivery is refused");
            return false;
        }

        if (!secret.Matches(request.GetSingleQueryValue(TokenParameter)))
        {
            LogRejected(_hotelId, "the Token query parameter is missing or wrong");
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    protected override ValueTask<PmsWebhookResult> ParseAsync(PmsWebhookRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("Mews delivers webhooks with POST.");
        }

        return ValueTask.FromResult(MewsWebhookParser.Parse(request, _options.Get(_hotelId).PropertyId));
    }

    private PmsWebhookSecret? CurrentSecret()
    {
        var options = _options.Get(_hotelId);
        var cached = _secret;
        if (cached is not null && ReferenceEquals(cached.Options, options))
        {
            return cached.Secret;
        }

        var secret = string.IsNullOrEmpty(options.WebhookToken) ? null : new PmsWebhookSecret(options.WebhookToken);
        _secret = new SecretForOptions(options, secret);
        return secret;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Mews webhook delivery for hotel {HotelId} refused: {Reason}")]
    private partial void LogRejected(string hotelId, string reason);

    private sealed record SecretForOptions(MewsOptions Options, PmsWebhookSecret? Secret);
}
