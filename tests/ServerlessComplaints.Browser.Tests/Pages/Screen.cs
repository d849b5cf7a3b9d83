namespace ServerlessComplaints.Browser.Tests.Pages;

/// <summary>The two screens every page is tried on: a desktop and a 390 px phone.</summary>
public sealed record Screen(string Name, int Width, int Height, bool Mobile)
{
    public static readonly Screen Desktop = new("desktop", 1280, 800, Mobile: false);

    public static readonly Screen Phone = new("phone", 390, 844, Mobile: true);

    public static Screen Of(string name) => name switch
    {
        "desktop" => Desktop,
        "phone" => Phone,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "desktop or phone"),
    };

    public override string ToString() => Name;
}
