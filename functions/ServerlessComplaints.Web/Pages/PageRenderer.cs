using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServerlessComplaints.Web.Pages;

/// <summary>
/// A page as an <see cref="IResult"/>: the component rendered to HTML with <see cref="HtmlRenderer"/> (static
/// rendering, the same in both hosts), in the page's language, written with its status code.
/// </summary>
public sealed class PageResult<TPage>(string language, IDictionary<string, object?> parameters, int statusCode = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult
    where TPage : IComponent
{
    public int? StatusCode => statusCode;

    public string Language => language;

    public IDictionary<string, object?> Parameters => parameters;

    /// <summary>The page's own address for the language switch, when it is not the request's (a page answering a POST elsewhere).</summary>
    public PageLink? Link { get; private init; }

    /// <summary>This page, its language switch linking to <paramref name="link"/>.</summary>
    public PageResult<TPage> At(PageLink link) => new(language, parameters, statusCode) { Link = link };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var html = await RenderAsync(httpContext.RequestServices, Link ?? PageLink.Of(httpContext.Request));
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
    }

    public async Task<string> RenderAsync(IServiceProvider services, PageLink? link = null)
    {
        await using var renderer = new HtmlRenderer(new PageServices(services, link ?? PageLink.Root), services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The localizer reads the UI culture: the page's language for this render only.
            var previous = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = PageText.CultureOf(language);
            try
            {
                var output = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters));
                return output.ToHtmlString();
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = previous;
            }
        });
    }
}

/// <summary>
/// The host's services for rendering, except the HTML encoder: Chinese text stays text (only markup characters are
/// escaped) instead of becoming numeric entities, whatever encoder the host registered; and the page's own address.
/// </summary>
internal sealed class PageServices(IServiceProvider services, PageLink link) : IServiceProvider
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public object? GetService(Type serviceType) =>
        serviceType == typeof(HtmlEncoder) ? Encoder : serviceType == typeof(PageLink) ? link : services.GetService(serviceType);
}

/// <summary>Builds page results.</summary>
public static class Page
{
    public static PageResult<TPage> Of<TPage>(string language, object? parameters = null, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new(language, ToDictionary(parameters), statusCode);

    private static Dictionary<string, object?> ToDictionary(object? parameters) =>
        parameters?.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(parameters)) ?? [];
}
