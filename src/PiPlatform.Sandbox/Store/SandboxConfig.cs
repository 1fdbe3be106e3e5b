using PiPlatform.Sandbox.Json;

namespace PiPlatform.Sandbox.Store;

/// <summary>Behaviour switches for what the real API leaves undocumented, and added latency; a reset restores the start values.</summary>
internal sealed class SandboxConfig
{
    public const string RepeatApproveError = "error";
    public const string RepeatApproveOk = "ok";
    public const int DefaultNotificationQuota = 48;

    /// <summary>The most latency (or jitter) one answer may be given: a minute, longer than any client's timeout.</summary>
    public const int MaxLatencyMs = PiSandboxDefaults.MaxLatencyMs;

    private readonly object _gate = new();
    private readonly ConfigDto _defaults;
    private ConfigDto _current;

    public SandboxConfig(int latencyMs, int latencyJitterMs)
    {
        _defaults = new ConfigDto(RepeatApproveError, DefaultNotificationQuota, latencyMs, latencyJitterMs);
        _current = _defaults;
    }

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
    public ConfigDto Update(string? repeatApprove, int? notificationQuota, int? latencyMs, int? latencyJitterMs)
    {
        lock (_gate)
        {
            _current = new ConfigDto(
                repeatApprove ?? _current.RepeatApprove,
                notificationQuota ?? _current.NotificationQuota,
                latencyMs ?? _current.LatencyMs,
                latencyJitterMs ?? _current.LatencyJitterMs);
            return _current;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _current = _defaults;
        }
    }
}
