using HotelPlatform.Samples.Host.Operations;
using HotelPlatform.Samples.Host.Operations.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Samples.Host.Tests.Operations;

/// <summary>The alert rules as a pure function of one evaluation's input, and the configuration they come from.</summary>
public sealed class OpsAlertRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_unhealthy_hotel_fires_only_once_it_has_been_unhealthy_for_the_configured_time()
    {
        var rules = new OpsAlertRulesOptions();
        rules.Unhealthy.For = TimeSpan.FromMinutes(5);

        var early = OpsAlertRules.Evaluate(rules, Input([Hotel("berlin", "Unhealthy", since: Now.AddMinutes(-4))]));
        var late = OpsAlertRules.Evaluate(rules, Input([Hotel("berlin", "Unhealthy", since: Now.AddMinutes(-5))]));
        var degraded = OpsAlertRules.Evaluate(rules, Input([Hotel("berlin", "Degraded", since: Now.AddHours(-1))]));

        Assert.Empty(early);
        Assert.Equal((OpsAlertRuleNames.Unhealthy, "berlin"), Assert.Single(late) is var c ? (c.Rule, c.Subject) : default);
        Assert.Contains("5 min", late[0].Message, StringComparison.Ordinal);
        Assert.Empty(degraded);
    }

    [Fact]
    public void An_open_unhealthy_alert_holds_while_the_hotel_is_unhealthy_or_unchecked_after_a_restart_and_not_once_it_is_healthy()
    {
        var rules = new OpsAlertRulesOptions();
        var open = new HashSet<(string, string)> { (OpsAlertRuleNames.Unhealthy, "berlin") };

        var justRestarted = OpsAlertRules.Evaluate(rules, Input([Hotel("berlin", "Unknown", since: null) with { HealthSince = null }], open: open));
        var unhealthyAgainSinceRestart = OpsAlertRules.Evaluate(rules, Input([Hotel("berlin", "Unhealthy", since: Now)], open: open));
        var healthy = OpsAlertRules.Evaluate(rules, Input([Hotel("berlin")], open: open));

        Assert.Equal("Not checked since the host started", Assert.Single(justRestarted).Message);
        Assert.Single(unhealthyAgainSinceRestart);
        Assert.Empty(healthy);
    }

    [Fact]
    public void The_error_rate_rule_fires_above_the_threshold_only_with_enough_operations_in_the_window()
    {
        var rules = new OpsAlertRulesOptions();
        rules.ErrorRate.Above = 0.2;
        rules.ErrorRate.MinOperations = 10;

        var few = OpsAlertRules.Evaluate(rules, Input([Hotel("berlin")], errors: new() { ["berlin"] = new OpsWindowStats(9, 9, 10) }));
        var atThreshold = OpsAlertRules.Evaluate(rules, Input([Hotel("berlin")], errors: new() { ["berlin"] = new OpsWindowStats(10, 2, 10) }));
        var above = OpsAlertRules.Evaluate(rules, Input([Hotel("berlin")], errors: new() { ["berlin"] = new OpsWindowStats(10, 3, 10) }));

        Assert.Empty(few);
        Assert.Empty(atThreshold);
        var fired = Assert.Single(above);
        Assert.Equal((OpsAlertRuleNames.ErrorRate, "berlin"), (fired.Rule, fired.Subject));
        Assert.Contains("30.0 %", fired.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quota_in_use_above_ninety_percent_fires_for_the_vendor_account_not_the_hotel()
    {
        var rules = new OpsAlertRulesOptions();

        var fired = OpsAlertRules.Evaluate(rules, Input([Hotel("berlin")], quotas: [new OpsQuotaStatus("apaleo", "apaleo:client-1", 0, 10), new OpsQuotaStatus("mews", "mews:abc", 1, 10)]));

        var alert = Assert.Single(fired);
        Assert.Equal((OpsAlertRuleNames.QuotaInUse, "apaleo:client-1"), (alert.Rule, alert.Subject));
        Assert.Contains("10 of 10 permits", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dead_letters_fire_and_webhook_silence_fires_only_while_reconciliation_finds_changes()
    {
        var rules = new OpsAlertRulesOptions();
        var hotels = new[] { Hotel("berlin", deadLetters: 2), Hotel("paris"), Hotel("rome"), Hotel("oslo") };
        var deliveries = new Dictionary<string, OpsDeliveryCounts>
        {
            ["paris"] = new(Webhooks: 0, Reconciled: 3), // silent webhooks, changes found: fires
            ["rome"] = new(Webhooks: 4, Reconciled: 3),  // webhooks arrive as well: reconciliation only caught stragglers
            ["oslo"] = new(Webhooks: 0, Reconciled: 0),  // a quiet hotel: nothing changed, nothing missed
        };

        var fired = OpsAlertRules.Evaluate(rules, Input(hotels, deliveries: deliveries));

        Assert.Equal(
            [(OpsAlertRuleNames.DeadLetters, "berlin"), (OpsAlertRuleNames.WebhookSilence, "paris")],
            fired.Select(c => (c.Rule, c.Subject)));
    }

    [Fact]
    public void A_disabled_rule_never_fires()
    {
        var rules = new OpsAlertRulesOptions();
        rules.DeadLetters.Enabled = false;
        rules.Unhealthy.Enabled = false;
        rules.QuotaInUse.Enabled = false;

        var fired = OpsAlertRules.Evaluate(rules, Input([Hotel("berlin", "Unhealthy", Now.AddDays(-1), deadLetters: 5)], quotas: [new OpsQuotaStatus("apaleo", "a", 0, 10)]));

        Assert.Empty(fired);
    }

    [Fact]
    public void The_rules_bind_from_configuration_and_a_bad_configuration_is_refused_with_every_key_named()
    {
        var good = Bind(new() { ["Ops:Alerts:Rules:Unhealthy:For"] = "00:02:00", ["Ops:Alerts:Notify:Urls:0"] = "https://alerts.example.com/hook", ["Ops:Alerts:Rules:DeadLetters:Enabled"] = "false" });
        var bad = Bind(new()
        {
            ["Ops:Alerts:EvaluationInterval"] = "00:00:00",
            ["Ops:Alerts:Rules:QuotaInUse:Above"] = "90",
            ["Ops:Alerts:Rules:ErrorRate:Window"] = "2.00:00:00",
            ["Ops:Alerts:Rules:ErrorRate:MinOperations"] = "0",
            ["Ops:Alerts:Notify:Urls:0"] = "alerts.example.com/hook",
            ["Ops:Alerts:Notify:MaxAttempts"] = "0",
        });
        var validator = new OpsAlertOptionsValidator();

        var accepted = validator.Validate(null, good);
        var refused = validator.Validate(null, bad);

        Assert.True(accepted.Succeeded);
        Assert.Equal((TimeSpan.FromMinutes(2), false, "https://alerts.example.com/hook"), (good.Rules.Unhealthy.For, good.Rules.DeadLetters.Enabled, good.Notify.Urls.Single().ToString()));
        Assert.True(refused.Failed);
        Assert.Equal(6, refused.Failures!.Count());
        Assert.Contains(refused.Failures!, f => f.Contains("Ops:Alerts:Rules:QuotaInUse:Above", StringComparison.Ordinal) && f.Contains("write 0.9 for 90 %", StringComparison.Ordinal));
        Assert.Contains(refused.Failures!, f => f.StartsWith("Ops:Alerts:Notify:Urls:0 must be an absolute http", StringComparison.Ordinal));
        Assert.Contains(refused.Failures!, f => f.StartsWith("Ops:Alerts:EvaluationInterval", StringComparison.Ordinal));
        Assert.Contains(refused.Failures!, f => f.StartsWith("Ops:Alerts:Rules:ErrorRate:Window", StringComparison.Ordinal));
    }

    [Fact]
    public void Sla_targets_outside_their_range_are_refused()
    {
        var validator = new OpsAlertOptionsValidator();

        var refused = validator.Validate(null, new OpsSlaOptions { Window = TimeSpan.FromDays(2), MinAvailability = 99.5, MaxErrorRate = -1, MaxLatencyP95 = TimeSpan.Zero });

        Assert.Equal(4, refused.Failures!.Count());
        Assert.True(validator.Validate(null, new OpsSlaOptions()).Succeeded);
    }

    [Fact]
    public void The_host_refuses_bad_alert_and_sla_settings_when_their_options_are_first_read()
    {
        using var folder = new TemporaryFolder();
        using var provider = OpsTestServices.Build(folder.Path, TimeProvider.System, ["berlin"], new()
        {
            ["Ops:Alerts:Rules:QuotaInUse:Above"] = "90",
            ["Ops:Sla:MaxErrorRate"] = "5",
        });

        var alerts = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OpsAlertOptions>>().Value);
        var sla = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OpsSlaOptions>>().Value);

        Assert.Contains("Ops:Alerts:Rules:QuotaInUse:Above is a share between 0 and 1 (it is 90)", alerts.Message, StringComparison.Ordinal);
        Assert.Contains("Ops:Sla:MaxErrorRate is a share between 0 and 1 (it is 5)", sla.Message, StringComparison.Ordinal);
    }

    private static OpsAlertOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new OpsAlertOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Ops:Alerts").Bind(options);
        return options;
    }

    private static OpsHotelStatus Hotel(string hotel, string health = "Healthy", DateTimeOffset? since = null, int deadLetters = 0) =>
        new(hotel, "apaleo", health, health == "Healthy" ? null : "connection refused", since ?? Now.AddHours(-1), null, 0, deadLetters);

    private static OpsAlertInput Input(
        IReadOnlyList<OpsHotelStatus> hotels,
        Dictionary<string, OpsWindowStats>? errors = null,
        IReadOnlyList<OpsQuotaStatus>? quotas = null,
        Dictionary<string, OpsDeliveryCounts>? deliveries = null,
        HashSet<(string, string)>? open = null) =>
        new(Now, open ?? new HashSet<(string, string)>(), hotels, errors ?? [], quotas ?? [], deliveries ?? []);
}

/// <summary>A temporary folder deleted with its SQLite files when the test ends.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ops-");

    public string Path => _folder.FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
