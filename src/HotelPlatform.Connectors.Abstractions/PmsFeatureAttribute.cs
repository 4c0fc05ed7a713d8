using System.Reflection;

namespace HotelPlatform.Connectors;

/// <summary>
/// Names the feature a sub-client interface gives access to (<c>[PmsFeature("folios")] public interface IPmsFolios</c>).
/// Operations added after the first release of <see cref="IPmsConnector"/> (folios, group blocks, ARI push, ...) are
/// such sub-clients, obtained with <see cref="IPmsConnector.GetService"/>; a connector without the feature returns
/// <see langword="null"/>, and <see cref="PmsConnectorExtensions.GetRequiredService{TService}(IPmsConnector, object?)"/>
/// throws <see cref="PmsNotSupportedException"/> with this name in <see cref="PmsNotSupportedException.Feature"/>.
/// </summary>
/// <param name="name">The feature's name, lower case, as it reads in a sentence ("does not support group blocks").</param>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class, Inherited = false)]
public sealed class PmsFeatureAttribute(string name) : Attribute
{
    /// <summary>Gets the feature's name.</summary>
    public string Name { get; } = name;

    /// <summary>Returns the feature name of a sub-client type: its <see cref="PmsFeatureAttribute"/>'s name, or the type's name.</summary>
    /// <param name="serviceType">The sub-client type.</param>
    /// <returns>The feature's name.</returns>
    public static string NameOf(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceType.GetCustomAttribute<PmsFeatureAttribute>(inherit: false)?.Name is { Length: > 0 } name ? name : serviceType.Name;
    }
}
