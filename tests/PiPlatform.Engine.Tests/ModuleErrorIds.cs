namespace PiPlatform.Engine.Tests;

/// <summary>
/// The module's own error ids (not the API's codes) that these tests assert on, in one place: they are being renamed
/// to snake_case (NotConnected to not_connected), and this is the one line to change.
/// </summary>
public static class ModuleErrorIds
{
    public const string NotConnected = "NotConnected";
}
