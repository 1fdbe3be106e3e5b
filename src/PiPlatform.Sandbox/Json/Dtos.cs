using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PiPlatform.Sandbox.Json;

// The wire shapes, as pi-platform-api.md describes them. Property names become snake_case through
// SandboxJson.Options; JsonPropertyName is used only where that policy would not give the real name.
// Payments are immutable records: the store swaps a whole record on every change, so a payment
// handed out for serialisation can never be half-updated by a concurrent request.

internal static class Directions
{
    public const string UserToApp = "user_to_app";
    public const string AppToUser = "app_to_user";
}

internal sealed record PaymentDto(
    string Identifier,
    string UserUid,
    decimal Amount,
    string Memo,
    JsonElement Metadata,
    string FromAddress,
    string ToAddress,
    string Direction,
    string CreatedAt,
    string Network,
    PaymentStatusDto Status,
    TransactionDto? Transaction)
{
    [JsonIgnore]
    public bool IsAppToUser => Direction == Directions.AppToUser;

    [JsonIgnore]
    public bool IsCancelled => Status.Cancelled || Status.UserCancelled;

    /// <summary>Neither completed nor cancelled: what blocks a second A2U payment to the same user.</summary>
    [JsonIgnore]
    public bool IsOpen => !Status.DeveloperCompleted && !IsCancelled;
}

internal sealed record PaymentStatusDto(
    bool DeveloperApproved,
    bool TransactionVerified,
    bool DeveloperCompleted,
    bool Cancelled,
    bool UserCancelled);

internal sealed record TransactionDto(
    string Txid,
    bool Verified,
    [property: JsonPropertyName("_link")] string Link);

internal sealed record UserDto(string Uid, string? Username, CredentialsDto Credentials);

internal sealed record CredentialsDto(IReadOnlyList<string> Scopes, ValidUntilDto ValidUntil);

internal sealed record ValidUntilDto(long Timestamp, [property: JsonPropertyName("iso8601")] string Iso8601);

internal sealed record AdStatusDto(string Identifier, string? MediatorAckStatus, string? MediatorGrantedAt, string? MediatorRevokedAt);

internal sealed record DeliveredNotificationDto(
    string Id, string Title, string Body, string UserUid, string Subroute, string? SeenAt, string? DismissedAt);

internal sealed record NotifyResponseDto(bool Success, IReadOnlyList<DeliveredNotificationDto> DeliveredNotifications);

internal sealed record IncompletePaymentsDto(IReadOnlyList<PaymentDto> IncompleteServerPayments);

internal sealed record PaymentListDto(IReadOnlyList<PaymentDto> Payments);

internal sealed record SandboxUserDto(
    string Uid, string Username, string AccessToken, IReadOnlyList<string> Scopes, bool HasWallet, bool TokenExpired, string? WalletAddress);

internal sealed record ConfigDto(string RepeatApprove, int NotificationQuota, int LatencyMs, int LatencyJitterMs);

internal sealed record ChangeCountsDto(int Approve, int Complete, int Cancel, int UserCancel, int Transaction, int Verify, int Create);

internal sealed record StatsDto(
    RequestStatsDto Requests, ChangeStatsDto Changes, ConnectionStatsDto Connections, InFlightDto InFlight, FaultStatsDto Faults);

internal sealed record ConnectionStatsDto(long Accepted, long Open);

internal sealed record InFlightDto(int Current, int Peak);

internal sealed record RequestStatsDto(long Total, IReadOnlyDictionary<string, long> ByRoute, IReadOnlyDictionary<string, long> ByApi);

internal sealed record ChangeStatsDto(long Total, IReadOnlyDictionary<string, ChangeCountsDto> ByPayment);

internal sealed record FaultStatsDto(long Injected, FaultActionCountsDto ByAction);

internal sealed record FaultActionCountsDto(long Answer, long Reset, long Delay, long Truncate);

/// <summary>The API's error body; <c>payment</c> and <c>verification_error</c> appear only when set.</summary>
internal sealed record ErrorBody(
    string Error,
    string ErrorMessage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PaymentDto? Payment,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VerificationError);

/// <summary>The notify endpoint's error body: a sentence in <c>error</c>, nothing else (like the real API).</summary>
internal sealed record NotifyErrorBody(string Error);
