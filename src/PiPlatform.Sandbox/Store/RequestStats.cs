using System;
using System.Collections.Generic;

namespace PiPlatform.Sandbox.Store;

/// <summary>Counts every /v2 request by "METHOD route-template", failed and faulted ones included.</summary>
internal sealed class RequestStats
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _byRoute = new(StringComparer.Ordinal);
    private long _total;

    public void Count(string route)
    {
        lock (_gate)
        {
            _total++;
            _byRoute[route] = _byRoute.TryGetValue(route, out long n) ? n + 1 : 1;
        }
    }

    public (long Total, Dictionary<string, long> ByRoute) Snapshot()
    {
        lock (_gate)
        {
            return (_total, new Dictionary<string, long>(_byRoute, StringComparer.Ordinal));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _total = 0;
            _byRoute.Clear();
        }
    }
}
