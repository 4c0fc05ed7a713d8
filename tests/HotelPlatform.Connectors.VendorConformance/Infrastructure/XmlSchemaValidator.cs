using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace HotelPlatform.Connectors.VendorConformance;

/// <summary>
/// Validates XML messages (SiteMinder's OTA messages) against a set of XML schemas, reporting every error with its
/// element path and line. Schemas and their includes are read from local files only.
/// </summary>
public sealed class XmlSchemaValidator
{
    private static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";

    private XmlSchemaValidator(XmlSchemaSet schemas, string source)
    {
        Schemas = schemas;
        Source = source;
    }

    /// <summary>Gets the compiled schemas.</summary>
    public XmlSchemaSet Schemas { get; }

    /// <summary>Gets where the schemas came from, for messages.</summary>
    public string Source { get; }

    /// <summary>Loads the root schemas of a folder (their <c>xs:include</c>/<c>xs:import</c> are followed within the folder).</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="searchPattern">Which files are root schemas, such as <c>OTA_*R?.xsd</c> for the OTA message schemas.</param>
    /// <returns>The validator.</returns>
    /// <exception cref="XmlSchemaException">A schema does not compile.</exception>
    public static XmlSchemaValidator Load(string directory, string searchPattern = "*.xsd")
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string[] files = Directory.GetFiles(directory, searchPattern);
        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"No schema matches '{searchPattern}' in {directory}.");
        }

        return Load(files, $"{Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar))}/{searchPattern}");
    }

    /// <summary>Loads root schema files.</summary>
    /// <param name="schemaFiles">The files.</param>
    /// <param name="source">A name for messages; the first file's name when omitted.</param>
    /// <returns>The validator.</returns>
    /// <exception cref="XmlSchemaException">A schema does not compile.</exception>
    public static XmlSchemaValidator Load(IEnumerable<string> schemaFiles, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(schemaFiles);
        var files = schemaFiles.Select(Path.GetFullPath).ToList();
        var resolver = new LocalFileResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var errors = new List<string>();
        set.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                errors.Add($"{e.Exception?.SourceUri}({e.Exception?.LineNumber}): {e.Message}");
            }
        };

        foreach (string file in files)
        {
            using XmlReader reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = resolver });
            set.Add(null, reader);
        }

        set.Compile();
        return errors.Count == 0
            ? new XmlSchemaValidator(set, source ?? Path.GetFileName(files.FirstOrDefault() ?? "schemas"))
            : throw new XmlSchemaException("The schemas do not compile:\n" + string.Join("\n", errors));
    }

    /// <summary>Validates an XML document.</summary>
    /// <param name="xml">The XML text.</param>
    /// <param name="subject">What is validated, for messages; the root element's name when omitted.</param>
    /// <returns>Every violation found; an element no schema declares is a violation.</returns>
    public SpecValidationResult Validate(string xml, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return ValidateReader(settings => XmlReader.Create(new StringReader(xml), settings), subject);
    }

    /// <summary>Validates an XML file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Every violation found.</returns>
    public SpecValidationResult ValidateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ValidateReader(settings => XmlReader.Create(path, settings), Path.GetFileName(path));
    }

    /// <summary>Validates each element inside the <c>Body</c> of a SOAP 1.1 or 1.2 envelope, as a SOAP connector sends OTA messages.</summary>
    /// <param name="envelope">The SOAP envelope.</param>
    /// <returns>Every violation found.</returns>
    public SpecValidationResult ValidateSoapBody(string envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        XDocument document;
        try
        {
            document = XDocument.Parse(envelope);
        }
        catch (XmlException ex)
        {
            return new SpecValidationResult("SOAP envelope", Source, [new SpecViolation("xml", "/", ex.Message)]);
        }

        XElement? body = document.Root?.Element(Soap11 + "Body") ?? document.Root?.Element(Soap12 + "Body");
        if (body is null || !body.Elements().Any())
        {
            return new SpecValidationResult("SOAP envelope", Source, [new SpecViolation("xml", "/Envelope/Body", "The envelope has no Body element with content.")]);
        }

        var violations = new List<SpecViolation>();
        foreach (XElement message in body.Elements())
        {
            violations.AddRange(Validate(message.ToString(SaveOptions.DisableFormatting)).Violations);
        }

        return new SpecValidationResult($"SOAP body {string.Join(", ", body.Elements().Select(e => e.Name.LocalName))}", Source, violations);
    }

    private XmlReaderSettings Settings(ValidationEventHandler handler)
    {
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };

        // Without this, an element no schema declares is silently skipped instead of reported.
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += handler;
        return settings;
    }

    private SpecValidationResult ValidateReader(Func<XmlReaderSettings, XmlReader> open, string? subject)
    {
        var violations = new List<SpecViolation>();
        var path = new List<string>();
        var pendingAttributes = new List<(int Index, string Attribute)>();
        string? root = null;
        ValidationEventHandler handler = (sender, e) =>
        {
            // Events fire inside Read(), before the loop below has seen the node: name it from the reader itself.
            string where = "/" + string.Join("/", path);
            if (sender is XmlReader { NodeType: XmlNodeType.Element or XmlNodeType.EndElement } node)
            {
                where = "/" + string.Join("/", path.Take(node.Depth).Append(node.LocalName));
            }
            else if (sender is XmlReader { NodeType: XmlNodeType.Attribute } attribute)
            {
                // The owning element is the one Read() is about to return; its path is filled in below.
                pendingAttributes.Add((violations.Count, attribute.LocalName));
            }

            string line = e.Exception is { LineNumber: > 0 } x ? $" (line {x.LineNumber}, position {x.LinePosition})" : string.Empty;
            violations.Add(new SpecViolation("xml", where, e.Message + line));
        };

        try
        {
            using XmlReader reader = open(Settings(handler));
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    path.RemoveRange(reader.Depth, path.Count - reader.Depth);
                    path.Add(reader.LocalName);
                    root ??= reader.LocalName;
                    foreach (var (index, attribute) in pendingAttributes)
                    {
                        violations[index] = violations[index] with { Path = "/" + string.Join("/", path) + "/@" + attribute };
                    }

                    pendingAttributes.Clear();
                }
            }
        }
        catch (XmlException ex)
        {
            violations.Add(new SpecViolation("xml", "/" + string.Join("/", path), ex.Message));
        }

        return new SpecValidationResult(subject ?? root ?? "XML document", Source, violations);
    }

    /// <summary>Resolves schema locations from local files only: the network is not a place schemas come from here.</summary>
    private sealed class LocalFileResolver : XmlUrlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            ArgumentNullException.ThrowIfNull(absoluteUri);
            return absoluteUri.IsFile
                ? base.GetEntity(absoluteUri, role, ofObjectToReturn)
                : throw new XmlSchemaException($"Refusing to load '{absoluteUri}': only local schema files are read.");
        }
    }
}
