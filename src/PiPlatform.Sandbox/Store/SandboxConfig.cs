using PiPlatform.Sandbox.Json;

namespace PiPlatform.Sandbox.Store;

/// <summary>Behaviour switches for what the real API leaves undocumented; cleared by a reset.</summary>
internal sealed class SandboxConfig
{
    public const string RepeatApproveError = "error";
    public const string RepeatApproveOk = "ok";
    public const int DefaultNotificationQuota = 48;

    private readonly object _gate = new();
    private ConfigDto _current = Defaults;

    private static ConfigDto Defaults => new(RepeatApproveError, DefaultNotificationQuota);

    public ConfigDto Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Applies the keys given (others unchanged) and returns the result.</summary>
    public ConfigDto Update(string? repeatApprove, int? notificationQuota)
    {
        lock (_gate)
        {
            _current = new ConfigDto(repeatApprove ?? _current.RepeatApprove, notificationQuota ?? _current.NotificationQuota);
            return _current;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _current = Defaults;
        }
    }
}
