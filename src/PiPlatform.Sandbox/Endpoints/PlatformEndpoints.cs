using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PiPlatform.Sandbox.Json;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox.Endpoints;

/// <summary>/v2/me (Bearer), rewarded ads and in-app notifications (API key).</summary>
internal static class PlatformEndpoints
{

    public static void MapMe(IEndpointRouteBuilder app) =>
        app.MapGet("/v2/me", (HttpRequest request, SandboxState state) =>
        {
            if (Auth.BearerUser(request) is not { } user)
            {
                return ApiErrors.InvalidToken().ToResult();
            }

            var validUntil = user.ValidUntil(state.StartedAt);
            // The username is only shared with apps the user granted the "username" scope.
            string? username = user.HasScope(Scopes.Username) ? user.Username : null;
            return SandboxJson.Ok(new UserDto(user.Uid, username, new CredentialsDto(user.Scopes,
                new ValidUntilDto(validUntil.ToUnixTimeSeconds(), DemoData.FormatTimestamp(validUntil)))));
        });

    public static void MapKeyed(IEndpointRouteBuilder keyed)
    {
        keyed.MapGet("/v2/ads_network/status/{adId}", (string adId) =>
            DemoData.Ads.TryGetValue(adId, out var ad) ? SandboxJson.Ok(ad) : ApiErrors.AdNotFound(adId).ToResult());

        keyed.MapPost("/v2/in_app_notifications/notify", NotifyAsync);
    }

    /// <summary>All-or-nothing validation (400, 422, then 403 quota), then best-effort delivery.</summary>
    private static async Task<IResult> NotifyAsync(HttpRequest request, SandboxState state)
    {
        var body = await RequestJson.ReadAsync(request);
        if (body.Kind != BodyKind.Object
            || !body.Root.TryGetProperty("notifications", out var list)
            || list.ValueKind != JsonValueKind.Array)
        {
            return ApiErrors.Notify(StatusCodes.Status400BadRequest,
                "The body must be a JSON object with a \"notifications\" array.");
        }

        if (list.GetArrayLength() > PiApiLimits.MaxNotificationsPerRequest)
        {
            return ApiErrors.Notify(StatusCodes.Status400BadRequest,
                $"Too many notifications: at most {PiApiLimits.MaxNotificationsPerRequest} per request, got {list.GetArrayLength()}.");
        }

        var items = new List<NotificationInput>(list.GetArrayLength());
        int index = 0;
        foreach (var element in list.EnumerateArray())
        {
            if (ReadNotification(element) is not { } item)
            {
                return ApiErrors.Notify(StatusCodes.Status422UnprocessableEntity,
                    $"Notification {index} is invalid: \"title\", \"body\", \"user_uid\" and \"subroute\" are required, "
                    + "and \"subroute\" must start with \"/\".");
            }

            items.Add(item);
            index++;
        }

        var outcome = state.Notifications.Deliver(items, state.Config.Current.NotificationQuota);
        if (outcome.OverQuota.Count > 0)
        {
            return ApiErrors.Notify(StatusCodes.Status403Forbidden,
                "Notification quota exceeded for users: " + string.Join(", ", outcome.OverQuota));
        }

        return SandboxJson.Ok(new NotifyResponseDto(true, outcome.Delivered), StatusCodes.Status201Created);
    }

    private static NotificationInput? ReadNotification(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? title = RequestJson.GetString(element, "title");
        string? text = RequestJson.GetString(element, "body");
        string? uid = RequestJson.GetString(element, "user_uid");
        string? subroute = RequestJson.GetString(element, "subroute");
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(uid)
            || string.IsNullOrEmpty(subroute) || !subroute.StartsWith('/'))
        {
            return null;
        }

        return new NotificationInput(title, text, uid, subroute);
    }
}
