using HotelPlatform.Connectors.Testing;

namespace HotelPlatform.Connectors.Tests.Infrastructure;

/// <summary>Reads a vendor's own example document from ../shared/vendor-specs; skips the test, with the reason, where the folder is absent.</summary>
public static class VendorExamples
{
    private static readonly VendorSpecsLocation Location = VendorSpecsLocator.LocateForThisProcess();

    public static string Read(string relativePath)
    {
        if (!Location.Found)
        {
            Assert.Skip(Location.Description);
        }

        var path = Path.Combine(Location.Root!, relativePath);
        Assert.True(File.Exists(path), $"The vendor document {path} is missing from the vendor-specs folder.");
        return File.ReadAllText(path);
    }
}
