using HotelPlatform.Connectors.Apaleo;
using HotelPlatform.Connectors.Catalog;
using HotelPlatform.Connectors.ContractTests.Live;
using Xunit.Sdk;
using Xunit.v3;

namespace HotelPlatform.Connectors.LiveSandbox.Tests.Apaleo;

/// <summary>
/// The read-only kit run against the Apaleo simulator, as one collection: its five area classes run one after another
/// and <see cref="ReadOnlyApaleoCertificationInTheCatalog"/> last, so that it reads the certification the run really
/// wrote (each fixture out rewrites the file with every result so far; after the last area it holds them all).
/// </summary>
[CollectionDefinition(Name)]
[TestClassOrderer(typeof(ReadOnlyApaleoRun.CatalogCheckLast))]
public sealed class ReadOnlyApaleoRun
{
    /// <summary>The collection's name.</summary>
    public const string Name = "read-only Apaleo kit run";

    /// <summary>Runs the kit's area classes by name and the catalog check after all of them.</summary>
    public sealed class CatalogCheckLast : ITestClassOrderer
    {
        /// <inheritdoc />
        public IReadOnlyCollection<TTestClass?> OrderTestClasses<TTestClass>(IReadOnlyCollection<TTestClass?> testClasses)
            where TTestClass : notnull, ITestClass =>
            [.. testClasses
                .OrderBy(c => c?.TestClassName == typeof(ReadOnlyApaleoCertificationInTheCatalog).FullName)
                .ThenBy(c => c?.TestClassName, StringComparer.Ordinal)];
    }
}

/// <summary>
/// The connector catalog reads the certification a real kit run produced (the read-only run of this collection,
/// written by the live kit's own <see cref="ContractKitCertification"/>), not a file written for the test.
/// </summary>
[Collection(ReadOnlyApaleoRun.Name)]
public sealed class ReadOnlyApaleoCertificationInTheCatalog
{
    [Fact]
    public void The_catalog_shows_the_certification_the_read_only_kit_run_wrote_for_apaleo_area_by_area()
    {
        if (!File.Exists(ReadOnlyApaleoFixture.ResultsPath))
        {
            Assert.Skip("The read-only Apaleo kit run did not run in this process (a filter left it out), so it wrote no certification to read.");
        }

        var written = ContractKitCertification.Load(ReadOnlyApaleoFixture.ResultsPath);
        var catalog = PmsConnectorCatalog.FromAssemblies([typeof(ApaleoOptions).Assembly], Path.GetDirectoryName(ReadOnlyApaleoFixture.ResultsPath));

        var entry = catalog.Find(PmsVendors.Apaleo);
        Assert.NotNull(entry);
        var read = Assert.IsType<PmsCatalogCertification>(entry.Certification);

        // The kit's five areas all ran before this class, and the run booked nothing.
        Assert.Equal(["Availability", "Inventory", "Quote", "Reservation", "Service"], written.Areas.Select(a => a.Area));
        Assert.Equal((LiveSandboxMode.ReadOnly, 0, 0), (written.Mode, written.ReservationsCreated, written.LeftoverReservations));
        Assert.All(written.Areas, a => Assert.Equal(0, a.Failed));
        Assert.True(written.Areas.Sum(a => a.Skipped) > 0, "a read-only run skips the tests that would book");

        Assert.Equal(
            (written.Vendor, written.KitVersion, written.ConnectorVersion, written.Mode.ToString(), written.CompletedAt, written.LeftoverReservations, written.Certified),
            (read.Vendor, read.KitVersion, read.ConnectorVersion, read.Mode, read.CompletedAt, read.LeftoverReservations, read.Certified));
        Assert.Equal(
            written.Areas.Select(a => new PmsCatalogCertificationArea(a.Area, a.Status.ToString(), a.Passed, a.Failed, a.Skipped)),
            read.Areas);
        Assert.True(read.Certified);
        Assert.Equal(entry.Version, written.ConnectorVersion);
        Assert.True(entry.Certified);
    }
}
