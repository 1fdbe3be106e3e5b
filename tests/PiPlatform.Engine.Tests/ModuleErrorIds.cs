namespace PiPlatform.Engine.Tests;

/// <summary>
/// The module's own error ids (not the API's codes) that these tests assert on, in one place. Their owner is the client's
/// PiErrorCatalog; this project does not reference the client (the module must load as a user loads it), so the tests
/// that use these also read the catalog through the loaded module and check the two agree.
/// </summary>
public static class ModuleErrorIds
{
    public const string NotConnected = "not_connected";
}
