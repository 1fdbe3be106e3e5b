using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Json;

namespace PiPlatform.Http
{
    /// <summary>
    /// Sends in-app notifications in batches and turns each batch's answer into one outcome per notification.
    /// Pi refuses a whole request when some users are over quota (403 naming them): those users' notifications
    /// fail, and the rest of the batch is sent again so one user's quota never costs the others theirs. A batch that
    /// got no clear answer is never sent again (Pi gives no way to ask what was delivered): each of its notifications
    /// is reported as <c>notification_delivery_unknown</c>, so no user is ever notified twice.
    /// </summary>
    internal sealed class NotificationSender
    {
        /// <summary>The API's limit on notifications per request.</summary>
        public const int MaxPerRequest = PiApiLimits.MaxNotificationsPerRequest;

        private const string QuotaMarker = "users:";
        private readonly PiTransport _transport;
        private readonly IPiLog _log;
        private readonly RetryPolicy _retry;

        public NotificationSender(PiTransport transport, IPiLog log, RetryPolicy retry)
        {
            _transport = transport;
            _log = log;
            _retry = retry;
        }

        public async Task<IReadOnlyList<NotificationOutcome>> SendAsync(IReadOnlyList<Notification> notifications, CancellationToken cancel)
        {
            var outcomes = new NotificationOutcome[notifications.Count];
            var valid = new List<int>();
            for (int i = 0; i < notifications.Count; i++)
            {
                string problem = Check(notifications[i]);
                if (problem.Length == 0) valid.Add(i);
                else outcomes[i] = new NotificationOutcome(notifications[i], null, PiException.Input(PiErrorCatalog.InvalidNotification, problem));
            }
            for (int start = 0; start < valid.Count; start += MaxPerRequest)
            {
                List<int> batch = valid.GetRange(start, Math.Min(MaxPerRequest, valid.Count - start));
                await SendBatchAsync(notifications, batch, outcomes, cancel).ConfigureAwait(false);
            }
            return outcomes;
        }

        private async Task SendBatchAsync(IReadOnlyList<Notification> all, List<int> pending, NotificationOutcome[] outcomes, CancellationToken cancel)
        {
            while (pending.Count > 0)
            {
                try
                {
                    var batch = pending.Select(i => all[i]).ToList();
                    var delivered = await _transport.SendAsync(
                        new PiRequest(HttpMethod.Post, "v2/in_app_notifications/notify", "v2/in_app_notifications/notify") { Body = WireWriter.NotifyBody(batch) },
                        WireReader.ReadDelivered, _log, _retry, cancel).ConfigureAwait(false);
                    Match(all, pending, delivered, outcomes);
                    return;
                }
                catch (PiApiException refused) when (refused.StatusCode == 403 && OverQuota(refused.ApiMessage) is { Count: > 0 } users)
                {
                    List<int> blocked = pending.Where(i => users.Contains(all[i].UserUid)).ToList();
                    if (blocked.Count == 0)
                    {
                        Fail(all, pending, outcomes, refused);
                        return;
                    }
                    foreach (int i in blocked)
                    {
                        outcomes[i] = new NotificationOutcome(all[i], null, Recode(refused, PiErrorCatalog.NotificationQuotaExceeded));
                    }
                    pending = pending.Except(blocked).ToList();
                    _log.Verbose($"{blocked.Count} notification(s) over quota; sending the other {pending.Count} again.");
                }
                catch (PiApiException refused) when (refused.StatusCode == 422 || refused.StatusCode == 400)
                {
                    string code = refused.StatusCode == 422 ? PiErrorCatalog.InvalidNotification : PiErrorCatalog.TooManyNotifications;
                    Fail(all, pending, outcomes, Recode(refused, code));
                    return;
                }
                catch (PiException unclear) when (Outcome.IsUnclear(unclear))
                {
                    _log.Verbose($"The notify request got no clear answer ({unclear.ErrorCode}): its {pending.Count} notification(s) are not sent again.");
                    Fail(all, pending, outcomes, PiException.Unknown(PiErrorCatalog.DeliveryUnknown,
                        $"{PiErrorCatalog.Get(PiErrorCatalog.DeliveryUnknown).Meaning} ({unclear.Message})", unclear));
                    return;
                }
                catch (PiException failed)
                {
                    Fail(all, pending, outcomes, failed);
                    return;
                }
            }
        }

        // Delivered items come back in request order, but only for some users: match each to the first
        // pending notification with the same fields; what is left was not delivered.
        private static void Match(IReadOnlyList<Notification> all, List<int> pending,
            List<(string UserUid, string Title, string Body, string Subroute, string? Id)> delivered, NotificationOutcome[] outcomes)
        {
            var open = new List<int>(pending);
            foreach (var d in delivered)
            {
                int at = open.FindIndex(i => all[i].UserUid == d.UserUid && all[i].Title == d.Title && all[i].Body == d.Body && all[i].Subroute == d.Subroute);
                if (at < 0) at = open.FindIndex(i => all[i].UserUid == d.UserUid);
                if (at < 0) continue;
                int index = open[at];
                open.RemoveAt(at);
                outcomes[index] = new NotificationOutcome(all[index], Result(all[index], true, d.Id), null);
            }
            foreach (int i in open)
            {
                outcomes[i] = new NotificationOutcome(all[i], Result(all[i], false, null), null);
            }
        }

        // The notify endpoint's errors carry a sentence but no code: give them ours, keeping what Pi said.
        private static PiApiException Recode(PiApiException refused, string code) => PiApiException.Create(new PiApiError
        {
            Method = refused.Error.Method,
            Path = refused.Error.Path,
            StatusCode = refused.StatusCode,
            Code = code,
            ApiMessage = refused.ApiMessage,
        });

        private static void Fail(IReadOnlyList<Notification> all, List<int> pending, NotificationOutcome[] outcomes, PiException error)
        {
            foreach (int i in pending) outcomes[i] = new NotificationOutcome(all[i], null, error);
        }

        private static NotificationResult Result(Notification n, bool delivered, string? id) => new NotificationResult
        {
            UserUid = n.UserUid,
            Title = n.Title,
            Body = n.Body,
            Subroute = n.Subroute,
            Delivered = delivered,
            NotificationId = id,
        };

        // "Notification quota exceeded for users: uid1, uid2" -> {uid1, uid2}
        private static HashSet<string> OverQuota(string? message)
        {
            var users = new HashSet<string>(StringComparer.Ordinal);
            int at = message?.IndexOf(QuotaMarker, StringComparison.OrdinalIgnoreCase) ?? -1;
            if (at < 0) return users;
            foreach (string uid in message!.Substring(at + QuotaMarker.Length).Split(','))
            {
                string trimmed = uid.Trim().TrimEnd('.');
                if (trimmed.Length > 0) users.Add(trimmed);
            }
            return users;
        }

        private static string Check(Notification n)
        {
            if (string.IsNullOrWhiteSpace(n.UserUid)) return "The notification has no UserUid.";
            if (string.IsNullOrWhiteSpace(n.Title)) return $"The notification for {n.UserUid} has no Title.";
            if (string.IsNullOrWhiteSpace(n.Body)) return $"The notification for {n.UserUid} has no Body.";
            if (string.IsNullOrEmpty(n.Subroute) || n.Subroute[0] != '/') return $"The notification for {n.UserUid} needs a Subroute starting with '/'.";
            return "";
        }
    }
}
