using System;
using System.Collections.Generic;

namespace PiPlatform.Sandbox.Store;

/// <summary>
/// Counts every API request (Pi's /v2 and Horizon's) by "METHOD route-template", failed and faulted ones included, and
/// by API ("pi", "horizon").
/// </summary>
internal sealed class RequestStats
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _byRoute = new(StringComparer.Ordinal);
    private long _total, _pi, _horizon;

    public void Count(string api, string route)
    {
        lock (_gate)
        {
            _total++;
            _byRoute[route] = _byRoute.TryGetValue(route, out long n) ? n + 1 : 1;
            if (api == SandboxApis.Horizon)
            {
                _horizon++;
            }
            else
            {
                _pi++;
            }
        }
    }

    public (long Total, Dictionary<string, long> ByRoute, Dictionary<string, long> ByApi) Snapshot()
    {
        lock (_gate)
        {
            var byApi = new Dictionary<string, long>(StringComparer.Ordinal) { [SandboxApis.Pi] = _pi, [SandboxApis.Horizon] = _horizon };
            return (_total, new Dictionary<string, long>(_byRoute, StringComparer.Ordinal), byApi);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _total = _pi = _horizon = 0;
            _byRoute.Clear();
        }
    }
}
