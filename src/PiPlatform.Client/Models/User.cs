using System;
using System.Collections.Generic;

namespace PiPlatform
{
    /// <summary>A Pi user as <c>/v2/me</c> describes them to this app (the API's UserDTO).</summary>
    public sealed class User
    {
        /// <summary>The app-specific user id.</summary>
        public string Uid { get; init; } = "";

        /// <summary>The Pi username; null unless the user granted the <c>username</c> scope.</summary>
        public string? Username { get; init; }

        /// <summary>The scopes the access token carries.</summary>
        public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();

        /// <summary>When the access token expires, or null if the API did not say.</summary>
        public DateTimeOffset? ValidUntil { get; init; }

        /// <inheritdoc />
        public override string ToString() => Username ?? Uid;
    }

    /// <summary>The status of a rewarded ad (the API's RewardedAdStatusDTO).</summary>
    public sealed class AdStatus
    {
        /// <summary>The ad id.</summary>
        public string Identifier { get; init; } = "";

        /// <summary>"granted", "revoked", "failed", or null while undecided.</summary>
        public string? MediatorAckStatus { get; init; }

        /// <summary>When the reward was granted.</summary>
        public DateTimeOffset? MediatorGrantedAt { get; init; }

        /// <summary>When the reward was revoked.</summary>
        public DateTimeOffset? MediatorRevokedAt { get; init; }

        /// <inheritdoc />
        public override string ToString() => Identifier;
    }
}
