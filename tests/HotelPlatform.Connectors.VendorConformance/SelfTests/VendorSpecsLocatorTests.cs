namespace HotelPlatform.Connectors.VendorConformance.SelfTests;

/// <summary>The locator itself; these run everywhere, with or without the vendor documents.</summary>
public sealed class VendorSpecsLocatorTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("vendor-specs-locator-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void The_environment_variable_wins_when_it_names_an_existing_folder()
    {
        DirectoryInfo specs = _root.CreateSubdirectory("elsewhere/specs");
        DirectoryInfo sibling = _root.CreateSubdirectory("shared/vendor-specs");

        VendorSpecsLocation location = VendorSpecsLocator.Locate(specs.FullName, [sibling.Parent!.FullName]);

        Assert.Equal(specs.FullName, location.Root);
    }

    [Fact]
    public void An_environment_variable_naming_a_missing_folder_is_reported_not_replaced_by_the_search()
    {
        _root.CreateSubdirectory("shared/vendor-specs");
        string missing = Path.Combine(_root.FullName, "nope");

        VendorSpecsLocation location = VendorSpecsLocator.Locate(missing, [_root.FullName]);

        Assert.False(location.Found);
        Assert.Contains(VendorSpecs.EnvironmentVariable, location.Description, StringComparison.Ordinal);
        Assert.Contains(missing, location.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_search_finds_shared_vendor_specs_beside_the_repository_from_deep_inside_the_build_output()
    {
        DirectoryInfo specs = _root.CreateSubdirectory("shared/vendor-specs");
        DirectoryInfo output = _root.CreateSubdirectory("main/tests/Some.Conformance/bin/Debug/net10.0");

        VendorSpecsLocation location = VendorSpecsLocator.Locate(null, [output.FullName]);

        Assert.Equal(specs.FullName, location.Root);
    }

    [Fact]
    public void Later_start_directories_are_searched_when_the_first_leads_nowhere()
    {
        DirectoryInfo outside = _root.CreateSubdirectory("artifacts/bin/x");
        DirectoryInfo checkout = _root.CreateSubdirectory("ws/main/tests/Some.Conformance");
        DirectoryInfo specs = _root.CreateSubdirectory("ws/shared/vendor-specs");

        VendorSpecsLocation location = VendorSpecsLocator.Locate("  ", [outside.FullName, checkout.FullName]);

        Assert.Equal(specs.FullName, location.Root);
    }

    [Fact]
    public void When_nothing_is_found_the_reason_names_the_variable_and_the_expected_path()
    {
        DirectoryInfo start = _root.CreateSubdirectory("main/tests");
        string expected = Path.Combine(_root.FullName, "shared", "vendor-specs");

        VendorSpecsLocation location = VendorSpecsLocator.Locate(null, [start.FullName], expected);

        Assert.False(location.Found);
        Assert.Contains(VendorSpecs.EnvironmentVariable, location.Description, StringComparison.Ordinal);
        Assert.Contains(expected, location.Description, StringComparison.Ordinal);
    }
}
