using System.Text;
using System.Text.RegularExpressions;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// A queued fault: which requests it applies to (method and path pattern) and how many times. Rules are matched in the
/// order they were enqueued; each match uses up one of <see cref="Times"/>.
/// </summary>
/// <remarks>
/// Path patterns are matched against the unescaped request path, case-sensitively: <c>*</c> matches within one segment,
/// <c>**</c> matches any number of segments, and a route parameter such as <c>{id}</c> matches one non-empty segment,
/// so a vendor's route template can be used as is (<c>/booking/v1/bookings/{id}</c>).
/// </remarks>
public sealed class FaultRule
{
    private readonly Regex _pattern;
    private int? _remaining;

    /// <summary>Initializes a new instance of the <see cref="FaultRule"/> class.</summary>
    /// <param name="fault">The failure to inject.</param>
    /// <param name="method">The HTTP method to match, or <see langword="null"/> for any.</param>
    /// <param name="pathPattern">The path pattern; must start with <c>/</c>. <c>/**</c> matches every path.</param>
    /// <param name="times">How many requests the rule applies to; <see langword="null"/> for every matching request until removed.</param>
    public FaultRule(SimulatedFault fault, string? method = null, string pathPattern = "/**", int? times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentException.ThrowIfNullOrEmpty(pathPattern);
        if (pathPattern[0] != '/')
        {
            throw new ArgumentException($"The path pattern '{pathPattern}' must start with '/'.", nameof(pathPattern));
        }

        if (times is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t, nameof(times));
        }

        if (method is not null && (method.Length == 0 || method.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException($"'{method}' is not an HTTP method.", nameof(method));
        }

        Fault = fault;
        Method = method?.ToUpperInvariant();
        PathPattern = pathPattern;
        Times = times;
        _remaining = times;
        _pattern = Compile(pathPattern);
    }

    /// <summary>Gets the rule's identifier, used by <c>DELETE /_simulator/faults/{id}</c>.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Gets the failure to inject.</summary>
    public SimulatedFault Fault { get; }

    /// <summary>Gets the HTTP method matched (upper case), or <see langword="null"/> for any.</summary>
    public string? Method { get; }

    /// <summary>Gets the path pattern.</summary>
    public string PathPattern { get; }

    /// <summary>Gets how many requests the rule was created for; <see langword="null"/> for unlimited.</summary>
    public int? Times { get; }

    /// <summary>Gets how many more requests the rule will apply to; <see langword="null"/> for unlimited.</summary>
    public int? Remaining
    {
        get
        {
            lock (_pattern)
            {
                return _remaining;
            }
        }
    }

    /// <summary>Tells whether the rule matches a request.</summary>
    /// <param name="method">The request method.</param>
    /// <param name="path">The unescaped request path.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) && _pattern.IsMatch(path);

    /// <inheritdoc />
    public override string ToString() => $"{Fault} on {Method ?? "*"} {PathPattern} ({(Remaining is { } r ? r + " left" : "unlimited")})";

    /// <summary>Uses up one application; false when the rule is exhausted.</summary>
    internal bool TryConsume()
    {
        lock (_pattern)
        {
            if (_remaining is null)
            {
                return true;
            }

            if (_remaining <= 0)
            {
                return false;
            }

            _remaining--;
            return true;
        }
    }

    internal bool IsExhausted
    {
        get
        {
            lock (_pattern)
            {
                return _remaining is <= 0;
            }
        }
    }

    private static Regex Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "/**" also matches the bare prefix ("/a/**" matches "/a"), as in most glob dialects.
                if (regex.Length > 1 && regex[^1] == '/')
                {
                    regex.Length--;
                    regex.Append("(?:/.*)?");
                }
                else
                {
                    regex.Append(".*");
                }

                i++;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '{')
            {
                int close = pattern.IndexOf('}', i);
                if (close < 0)
                {
                    throw new ArgumentException($"The path pattern '{pattern}' has an unclosed '{{'.", nameof(pattern));
                }

                regex.Append("[^/]+");
                i = close;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}

/// <summary>A fault that was applied to a request.</summary>
/// <param name="RuleId">The <see cref="FaultRule.Id"/> of the rule that matched.</param>
/// <param name="Fault">The fault.</param>
/// <param name="RequestSequence">The <see cref="RecordedRequest.Sequence"/> of the request it was applied to.</param>
/// <param name="Method">The request method.</param>
/// <param name="Path">The request path.</param>
/// <param name="AppliedAt">When it was applied, on the simulator's clock. For latency, the delay runs from here.</param>
public sealed record AppliedFault(string RuleId, SimulatedFault Fault, long RequestSequence, string Method, string Path, DateTimeOffset AppliedAt);
