using System.Text.Json;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Cloudbeds;
using HotelPlatform.Samples.Host.Operations.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Samples.Host.Tests;

/// <summary>
/// Configuration management's store (/ops/configuration, ADR 0035): the runtime's start-up validation per setting,
/// secrets write-only, the audit, the atomic file, concurrent edits and the reload that applies a change.
/// </summary>
public sealed class ManagedHotelSettingsTests : IDisposable
{
    private const string Hotel = "lisbon";
    private const string Secret = "cbat_simulator_key_0000000000000000";
    private const string NewSecret = "cbat_replaced_key_9f3c1a7e5b2d4c60";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ops-configuration-");
    private readonly IConfigurationRoot _configuration;
    private readonly ServiceProvider _services;
    private readonly FakeLogger<ManagedHotelSettings> _logger = new();
    private readonly ConfigurationAudit _audit;
    private readonly OpsConfigurationFile _file;
    private readonly ManagedHotelSettings _settings;

    public ManagedHotelSettingsTests()
    {
        var path = Path.Combine(_folder.FullName, OpsConfiguration.FileName);
        _configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"Hotels:{Hotel}:Vendor"] = "cloudbeds",
                [$"Hotels:{Hotel}:PropertyId"] = "172982",
                [$"Hotels:{Hotel}:BaseAddress"] = "http://127.0.0.1:9/api/v1.2/",
                [$"Hotels:{Hotel}:ApiKey"] = Secret,
                [$"Hotels:{Hotel}:Name"] = "Lisbon",
            })
            .AddJsonFile(s =>
            {
                s.Path = path;
                s.Optional = true;
                s.ResolveFileProvider();
            })
            .Build();
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddCloudbedsVendor().AllowConfigurationKeys("Name").AddFromConfiguration(_configuration.GetSection("Hotels"));
        _services = services.BuildServiceProvider();
        _audit = new ConfigurationAudit(Path.Combine(_folder.FullName, OpsConfiguration.AuditFileName));
        _file = new OpsConfigurationFile(path);
        _settings = new ManagedHotelSettings(_configuration, _services, _audit, _file, new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.Zero)), _logger);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Version => _settings.Find(Hotel)!.Version;

    private Task<HotelEditResult> EditAsync(Dictionary<string, string?>? settings = null, Dictionary<string, string?>? secrets = null, string? version = null) =>
        _settings.EditAsync(Hotel, new HotelEdit(version ?? Version, settings, secrets), "alice", Ct);

    [Fact]
    public async Task An_invalid_edit_is_refused_per_setting_with_the_runtimes_start_up_messages_and_nothing_is_written()
    {
        var result = await EditAsync(new() { ["PropertyId"] = "", ["BaseAddress"] = "ftp://files.example/", ["RequestBurst"] = "0", ["ApiKee"] = "x" });

        var errors = Assert.IsType<HotelEditResult.Invalid>(result).Errors;
        Assert.Equal(["ApiKee", "BaseAddress", "PropertyId", "RequestBurst"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Hotel 'lisbon' (cloudbeds): PropertyId is required (Hotels:lisbon:PropertyId).", Assert.Single(errors["PropertyId"]));
        Assert.Equal("Hotel 'lisbon' (cloudbeds): BaseAddress must be an absolute http or https address (Hotels:lisbon:BaseAddress).", Assert.Single(errors["BaseAddress"]));
        Assert.Equal("Hotel 'lisbon' (cloudbeds): RequestBurst must be between 1 and 100 (Hotels:lisbon:RequestBurst).", Assert.Single(errors["RequestBurst"]));
        Assert.Contains("did you mean ApiKey?", Assert.Single(errors["ApiKee"]), StringComparison.Ordinal);
        Assert.False(File.Exists(_file.Path));
        Assert.Empty(_audit.Newest(10));
        Assert.Equal("172982", _configuration[$"Hotels:{Hotel}:PropertyId"]);
    }

    [Fact]
    public async Task An_empty_replace_field_keeps_the_secret_and_a_second_credential_is_refused_by_the_vendors_own_rule()
    {
        var result = await EditAsync(secrets: new() { ["ApiKey"] = "" }, settings: new() { ["ApiKey"] = "" });

        // An empty replace field keeps the secret: nothing changes, nothing is refused.
        Assert.Empty(Assert.IsType<HotelEditResult.Saved>(result).Changed);
        var refused = await _settings.EditAsync(Hotel, new HotelEdit(Version, new Dictionary<string, string?> { ["RefreshToken"] = "rt-1" }, null), "alice", Ct);
        Assert.Contains("ApiKey or RefreshToken or AuthorizationCode must be set, only one", Assert.Single(Assert.IsType<HotelEditResult.Invalid>(refused).Errors["ApiKey"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_vendor_cannot_be_changed_while_the_host_runs()
    {
        var result = await EditAsync(new() { ["Vendor"] = "apaleo", ["PropertyId"] = "OTHER" });

        var errors = Assert.IsType<HotelEditResult.Invalid>(result).Errors;
        Assert.Contains("cannot be changed while the host runs", Assert.Single(errors["Vendor"]), StringComparison.Ordinal);
        Assert.Equal("172982", _configuration[$"Hotels:{Hotel}:PropertyId"]);
    }

    [Fact]
    public async Task A_replaced_secret_is_saved_but_never_in_the_list_the_answer_the_audit_or_the_log()
    {
        var result = await EditAsync(secrets: new() { ["ApiKey"] = NewSecret });

        var saved = Assert.IsType<HotelEditResult.Saved>(result);
        var listed = JsonSerializer.Serialize(_settings.List());
        var audited = await File.ReadAllTextAsync(_audit.Path, Ct);
        var logged = string.Join('\n', _logger.Collector.GetSnapshot().Select(r => r.Message + " " + string.Join(',', r.StructuredState?.Select(s => s.Value) ?? [])));
        Assert.Equal(["ApiKey"], saved.Changed);
        Assert.Equal(NewSecret, _configuration[$"Hotels:{Hotel}:ApiKey"]); // stored where configuration is
        Assert.Contains(NewSecret, await File.ReadAllTextAsync(_file.Path, Ct), StringComparison.Ordinal);
        Assert.True(_settings.Find(Hotel)!.Secrets["ApiKey"]);
        Assert.False(_settings.Find(Hotel)!.Settings.ContainsKey("ApiKey"));
        foreach (var text in new[] { listed, JsonSerializer.Serialize(saved), audited, logged })
        {
            Assert.DoesNotContain(NewSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }

        var entry = Assert.Single(_audit.Newest(10));
        Assert.Equal(("alice", Hotel, new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.Zero)), (entry.User, entry.HotelId, entry.At));
        Assert.Equal(new ConfigurationChange("ApiKey", "secret replaced"), Assert.Single(entry.Changes));
        Assert.Contains("ApiKey", logged, StringComparison.Ordinal);
        Assert.Contains("alice", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_change_is_audited_with_its_old_and_new_value_and_the_reload_gives_the_hotel_its_new_options_and_connector()
    {
        var registry = _services.GetRequiredService<IPmsConnectorRegistry>();
        var before = registry.Get(Hotel);

        var result = await EditAsync(new() { ["PropertyId"] = "172983", ["TotalTimeout"] = "00:00:45" });

        Assert.Equal(["PropertyId", "TotalTimeout"], Assert.IsType<HotelEditResult.Saved>(result).Changed);
        Assert.Equal(("172983", TimeSpan.FromSeconds(45)), (_services.GetRequiredService<IOptionsMonitor<CloudbedsOptions>>().Get(Hotel).PropertyId, _services.GetRequiredService<IOptionsMonitor<CloudbedsOptions>>().Get(Hotel).TotalTimeout));
        Assert.Equal(("172982", "172983"), (before.PropertyId, registry.Get(Hotel).PropertyId));
        Assert.Equal(
            [new ConfigurationChange("PropertyId", "\"172982\" → \"172983\""), new ConfigurationChange("TotalTimeout", "added: \"00:00:45\"")],
            Assert.Single(_audit.Newest(10)).Changes);
    }

    [Fact]
    public async Task Changes_accumulate_in_the_file_nested_as_appsettings_and_a_reader_of_the_old_file_sees_it_whole()
    {
        await EditAsync(new() { ["PropertyId"] = "172983" });
        await using var reader = new FileStream(_file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        var refused = await EditAsync(new() { ["Webhook:Path"] = "x" }); // no such setting: the file stays as it was
        var second = await EditAsync(new() { ["TotalTimeout"] = "00:00:45" });
        using var old = new StreamReader(reader);
        var oldText = await old.ReadToEndAsync(Ct);

        Assert.IsType<HotelEditResult.Invalid>(refused);
        Assert.IsType<HotelEditResult.Saved>(second);
        Assert.Equal("{\"Hotels\":{\"lisbon\":{\"PropertyId\":\"172983\"}}}", JsonNode.Parse(oldText)!.ToJsonString());
        Assert.Equal("{\"Hotels\":{\"lisbon\":{\"PropertyId\":\"172983\",\"TotalTimeout\":\"00:00:45\"}}}", JsonNode.Parse(await File.ReadAllTextAsync(_file.Path, Ct))!.ToJsonString());
        Assert.Equal([OpsConfiguration.AuditFileName, OpsConfiguration.FileName], _folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, _audit.Newest(10).Count);
    }

    [Fact]
    public async Task Of_two_edits_from_the_same_version_one_is_saved_and_the_other_is_a_conflict()
    {
        var version = Version;

        var results = await Task.WhenAll(
            EditAsync(new() { ["PropertyId"] = "A-1" }, version: version),
            EditAsync(new() { ["PropertyId"] = "B-2" }, version: version));
        var stale = await EditAsync(new() { ["PropertyId"] = "C-3" }, version: version);

        Assert.Single(results.OfType<HotelEditResult.Saved>());
        var conflict = Assert.Single(results.OfType<HotelEditResult.Conflict>());
        Assert.Equal(Version, conflict.CurrentVersion);
        Assert.IsType<HotelEditResult.Conflict>(stale);
        Assert.NotEqual(version, Version);
        Assert.Single(_audit.Newest(10));
    }

    [Fact]
    public async Task A_change_of_a_secret_alone_changes_the_version_and_an_unknown_hotel_is_not_found()
    {
        var version = Version;

        await EditAsync(secrets: new() { ["ApiKey"] = NewSecret });
        var unknown = await _settings.EditAsync("nowhere", new HotelEdit(version, null, null), "alice", Ct);

        Assert.NotEqual(version, Version);
        Assert.IsType<HotelEditResult.NotFound>(unknown);
    }

    [Theory]
    [InlineData("ClientSecret", true)]
    [InlineData("ApiKey", true)]
    [InlineData("AppKey", true)]
    [InlineData("Password", true)]
    [InlineData("Webhook:UrlSecret", true)]
    [InlineData("AccessToken", true)]
    [InlineData("AuthorizationCode", true)]
    [InlineData("TokenEndpoint", false)]
    [InlineData("AccessTokenLifetime", false)]
    [InlineData("Webhook:UrlSecretLocation", false)]
    [InlineData("PropertyId", false)]
    [InlineData("ClientId", false)]
    public void Settings_named_as_secrets_are_secrets(string key, bool secret) => Assert.Equal(secret, ManagedHotelSettings.IsSecret(key));

    public void Dispose()
    {
        _services.Dispose();
        _folder.Delete(recursive: true);
    }
}
