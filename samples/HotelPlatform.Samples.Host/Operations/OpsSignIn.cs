using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Samples.Host.Operations;

/// <summary>One management user from configuration (<c>Ops:Users:{name}</c>); the password only as an ASP.NET Core Identity hash.</summary>
internal sealed class OpsUser
{
    /// <summary>Gets or sets the <see cref="PasswordHasher{TUser}"/> hash (format V3: PBKDF2).</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>Gets or sets the role: <see cref="OpsSignIn.ViewerRole"/> or <see cref="OpsSignIn.AdminRole"/>.</summary>
    public string Role { get; set; } = OpsSignIn.ViewerRole;
}

/// <summary>The management users (<c>Ops:Users</c>).</summary>
internal sealed class OpsUsersOptions
{
    public Dictionary<string, OpsUser> Users { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Cookie sign-in for the management pages: users and password hashes from configuration, roles viewer and admin.
/// Pages redirect an anonymous visitor to the sign-in form; the JSON and live APIs answer 401 instead (a script cannot
/// follow a redirect to a form), and a signed-in user without the role gets 403.
/// </summary>
internal static class OpsSignIn
{
    public const string ViewerRole = "viewer";
    public const string AdminRole = "admin";

    /// <summary>The policy of every management page and API: any signed-in management user.</summary>
    public const string ViewerPolicy = "ops-viewer";

    /// <summary>The policy of every management action that changes something.</summary>
    public const string AdminPolicy = "ops-admin";

    public const string SignInPath = "/ops/signin";

    // A hash of nothing anybody knows, verified when the user name is unknown so that a wrong name takes as long as a wrong password.
    private const string UnknownUserHash = "AQAAAAIAAYagAAAAEEp7cXyEL0myRvO8yzzsa/qsJ2KjW0l/ZWvYx0bi2p+blkQGI0nXQkK1yrOQCMt/xg==";

    public static IServiceCollection AddOpsSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OpsUsersOptions>(configuration.GetSection("Ops"));
        services.AddSingleton<IPasswordHasher<OpsUser>, PasswordHasher<OpsUser>>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.Cookie.Name = "ops-session";
            o.Cookie.HttpOnly = true;
            // Strict: a page on another site cannot make the browser send the cookie with a form post (no cross-site request forgery of admin actions).
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context =>
            {
                if (IsApi(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ViewerPolicy, p => p.RequireRole(ViewerRole, AdminRole))
            .AddPolicy(AdminPolicy, p => p.RequireRole(AdminRole));
        return services;
    }

    public static IEndpointRouteBuilder MapOpsSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, (string? returnUrl) => Form(returnUrl, error: null));
        app.MapPost(SignInPath, SignInAsync);
        app.MapPost("/ops/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect(SignInPath);
        });
        return app;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/ops/api", StringComparison.Ordinal);

    private static async Task<IResult> SignInAsync(HttpContext context, IOptionsMonitor<OpsUsersOptions> users, IPasswordHasher<OpsUser> hasher)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var name = form["user"].ToString();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var known = users.CurrentValue.Users.TryGetValue(name, out var user);
        var verified = hasher.VerifyHashedPassword(user ?? new OpsUser(), known ? user!.PasswordHash : UnknownUserHash, password);
        if (!known || verified == PasswordVerificationResult.Failed || user!.Role is not (ViewerRole or AdminRole))
        {
            return Form(returnUrl, "Wrong user name or password.", StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, user.Role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/ops");
    }

    // Only a path on this host: "//evil.example" and "/\evil.example" are other hosts to a browser.
    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Form(string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var html = string.Concat(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Sign in</title><link rel=\"icon\" href=\"data:,\"></head><body><h1>Sign in</h1>",
            (error is null ? string.Empty : $"<p role=\"alert\" id=\"error\">{WebUtility.HtmlEncode(error)}</p>"),
            $"<form method=\"post\" action=\"{SignInPath}\"><input type=\"hidden\" name=\"returnUrl\" value=\"{WebUtility.HtmlEncode(returnUrl ?? "/ops")}\">",
            "<label>User <input name=\"user\" autocomplete=\"username\" required></label> ",
            "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label> ",
            "<button type=\"submit\">Sign in</button></form></body></html>");
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
