using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/HotelPlatform.Connectors.Benchmarks -- --job short --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
