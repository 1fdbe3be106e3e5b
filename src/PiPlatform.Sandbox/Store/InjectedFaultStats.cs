using PiPlatform.Sandbox.Json;

namespace PiPlatform.Sandbox.Store;

/// <summary>
/// Faults actually applied to requests since start or the last reset, by action: how a test proves its client met
/// the failure it meant to test (a queued fault nothing matched, or a rate fault never drawn, counts nothing).
/// </summary>
internal sealed class InjectedFaultStats
{
    private readonly object _gate = new();
    private long _answer, _reset, _delay, _truncate;

    public void Count(string action)
    {
        lock (_gate)
        {
            switch (action)
            {
                case FaultActions.Reset: _reset++; break;
                case FaultActions.Delay: _delay++; break;
                case FaultActions.Truncate: _truncate++; break;
                default: _answer++; break;
            }
        }
    }

    public FaultStatsDto Snapshot()
    {
        lock (_gate)
        {
            return new FaultStatsDto(_answer + _reset + _delay + _truncate, new FaultActionCountsDto(_answer, _reset, _delay, _truncate));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _answer = _reset = _delay = _truncate = 0;
        }
    }
}
