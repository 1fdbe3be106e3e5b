using System;
using System.Collections.Generic;
using PiPlatform.Sandbox.Json;

namespace PiPlatform.Sandbox.Store;

internal sealed record NotificationInput(string Title, string Body, string UserUid, string Subroute);

/// <summary>Either what was delivered, or the users whose quota this request would exceed (nothing delivered).</summary>
internal sealed record NotifyOutcome(IReadOnlyList<DeliveredNotificationDto> Delivered, IReadOnlyList<string> OverQuota);

/// <summary>
/// Delivered notifications and the per-user quota over a rolling 24 hours. Only delivered notifications count:
/// a user without the in_app_notifications scope (or unknown) is skipped, never charged.
/// </summary>
internal sealed class NotificationStore
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recentByUser = new(StringComparer.Ordinal);
    private readonly List<DeliveredNotificationDto> _delivered = new();

    public NotificationStore(TimeProvider time) => _time = time;

    public NotifyOutcome Deliver(IReadOnlyList<NotificationInput> items, int quota)
    {
        // Who would receive what, in request order; users in order of first appearance.
        var deliverable = new List<NotificationInput>(items.Count);
        var perUser = new Dictionary<string, int>(StringComparer.Ordinal);
        var userOrder = new List<string>();
        foreach (var item in items)
        {
            if (DemoData.UsersByUid.TryGetValue(item.UserUid, out var user) && user.HasScope(Scopes.InAppNotifications))
            {
                deliverable.Add(item);
                if (perUser.TryGetValue(item.UserUid, out int n))
                {
                    perUser[item.UserUid] = n + 1;
                }
                else
                {
                    perUser[item.UserUid] = 1;
                    userOrder.Add(item.UserUid);
                }
            }
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var overQuota = new List<string>();
            foreach (string uid in userOrder)
            {
                if (Recent(uid, now).Count + perUser[uid] > quota)
                {
                    overQuota.Add(uid);
                }
            }

            if (overQuota.Count > 0)
            {
                return new NotifyOutcome(Array.Empty<DeliveredNotificationDto>(), overQuota);
            }

            var delivered = new List<DeliveredNotificationDto>(deliverable.Count);
            foreach (var item in deliverable)
            {
                Recent(item.UserUid, now).Enqueue(now);
                delivered.Add(new DeliveredNotificationDto(
                    Guid.NewGuid().ToString("N"), item.Title, item.Body, item.UserUid, item.Subroute, null, null));
            }

            _delivered.AddRange(delivered);
            return new NotifyOutcome(delivered, Array.Empty<string>());
        }
    }

    public List<DeliveredNotificationDto> All()
    {
        lock (_gate)
        {
            return new List<DeliveredNotificationDto>(_delivered);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _recentByUser.Clear();
            _delivered.Clear();
        }
    }

    /// <summary>The user's deliveries inside the window (older ones dropped). Call under the lock.</summary>
    private Queue<DateTimeOffset> Recent(string uid, DateTimeOffset now)
    {
        if (!_recentByUser.TryGetValue(uid, out var recent))
        {
            recent = new Queue<DateTimeOffset>();
            _recentByUser.Add(uid, recent);
        }

        while (recent.Count > 0 && now - recent.Peek() >= Window)
        {
            recent.Dequeue();
        }

        return recent;
    }
}
