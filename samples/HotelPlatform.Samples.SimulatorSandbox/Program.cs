using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HotelPlatform.Samples.SimulatorSandbox;
using HotelPlatform.Connectors.Simulators;
using Microsoft.Extensions.Configuration;

// Usage: SimulatorSandbox --vendor <vendor> --env-file <path>   |   SimulatorSandbox --list
// Starts the vendor's simulator on a loopback port, writes the HOTELPLATFORM_LIVE_<VENDOR>_* variables that point the
// live contract kit at it (address, credentials, property, the stay to book, full mode) to the env file, and runs until
// it is stopped (Ctrl+C or SIGTERM). The simulator enforces the vendor's rate limits, as a sandbox does.
if (args is ["--list"])
{
    // The vendors it can run, one per line (CI starts one sandbox each).
    foreach (var name in SandboxVendors.All.Keys.Order(StringComparer.Ordinal))
    {
        Console.WriteLine(name);
    }

    return 0;
}

var options = SandboxArguments.Parse(args);
if (options.Error is { } error)
{
    await Console.Error.WriteLineAsync(error);
    await Console.Error.WriteLineAsync($"Usage: SimulatorSandbox --vendor <{string.Join('|', SandboxVendors.All.Keys.Order(StringComparer.Ordinal))}> --env-file <path>");
    return 2;
}

var vendor = SandboxVendors.All[options.Vendor!];
var context = new SimulatorBindingContext("sandbox-" + options.Vendor, new ConfigurationBuilder().Build()) { Options = new SimulatorOptions() };
await using var bound = await vendor.Binding.StartAsync(context);
var stay = vendor.KitStay?.Invoke(bound.Simulator);

var variables = SandboxArguments.Variables(options.Vendor!, bound.Settings.Concat(vendor.ConnectorSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).ToDictionary(), stay);
var temporary = options.EnvFile! + ".tmp";
await File.WriteAllLinesAsync(temporary, variables.Select(v => $"{v.Key}={v.Value}"), new UTF8Encoding(false));
File.Move(temporary, options.EnvFile!, overwrite: true);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{options.Vendor} sandbox on {bound.Simulator.BaseAddress}; variables in {options.EnvFile}"));

var stopped = new TaskCompletionSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopped.TrySetResult(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stopped.TrySetResult(); });
await stopped.Task;
Console.WriteLine($"{options.Vendor} sandbox stopped after {bound.Simulator.Requests.Count} requests, {bound.Simulator.ValidationFailures.Count} refused by the wire model.");
return 0;
