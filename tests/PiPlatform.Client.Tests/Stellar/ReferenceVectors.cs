using System;
using System.Collections.Generic;
using PiPlatform.Stellar;

namespace PiPlatform.Client.Tests.Stellar
{
    // PiPlatform.PayoutTransaction (the Pi API's record of a payment's txid) would win over a using outside the namespace.

    /// <summary>
    /// Transactions built, signed and encoded by Stellar's reference library, @stellar/stellar-base, which shares no
    /// code with ours. Everything between the two markers is the output of
    /// <c>tests/vectors/stellar/make-vectors.js</c>, pasted unchanged (see the README there to make it again).
    /// </summary>
    public static class ReferenceVectors
    {
        // ---- begin make-vectors.js output ----
        // @stellar/stellar-base 15.0.0, node v20.20.2
        // SHA-256 of "PiPlatform sandbox app wallet" as a raw ed25519 seed, and its keys in StrKey form:
        public const string WalletSeed = "SAWRZ3TSRLRQ2SLB4RJ7UWFB5JWDQPRQYMSWZO4PUMPQGECHVK23IJSF";
        public const string WalletAccountId = "GCYDLIAVW6DLLPGMUAY3DW4CA7TTKBSM7WCXD4WUHGAIAAXJWJSZR56C";
        public const string UserAccountId = "GCI7RJGDQAT7BGYFPWHZ6GL6YOIAQTTSMMWSLZZIGYA7AVKCLKD5DAOD"; // seed: SHA-256 of "PiPlatform test user"
        public const string Sep23AccountId = "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ";
        public const string PiNetworkId = "add10ed9108840bc4c8ee9db7eda08bf871e6b1f3383153f2f6b765ae83ee4cd";
        public const string PiTestnetId = "6462c787997bb30c05b283b8a65bc15347c88bf80f0683a18670e80d9ca11daf";
        public static readonly Vector OnePiOnTestnet = new Vector(
            Network: "Pi Testnet", Sequence: 1234567890123, Fee: 100000u,
            MinTime: 1750000000, MaxTime: 1750000180,
            Memo: "a1b2c3d4e5f6g7h8i9j0k1l2m3n4",
            Destination: UserAccountId, Amount: "1", Formatted: "1.0000000", Stroops: 10000000,
            TransactionXdr: "AAAAALA1oBW3hrW8zKAxsduCB+c1Bkz9hXHy1DmAgALpsmWYAAGGoAAAAR9x+wTLAAAAAQAAAABoTuGAAAAAAGhO4jQAAAABAAAAHGExYjJjM2Q0ZTVmNmc3aDhpOWowazFsMm0zbjQAAAABAAAAAAAAAAEAAAAAkfikw4An8JsFfY+fGX7DkAhOcmMtJecoNgHwVUJah9EAAAAAAAAAAACYloAAAAAA",
            Hash: "51e4057a8ff9ec2da680d424cb9b3fb8970894cb4ac98bafe3ccd7c8f2e33bf6",
            Signature: "s+4NxhKLeOS31Hbf7ZbCwRvJ7tsss8/4Y7J3oLOQAplTWs7fsiC636JdNjbT+l3XrgzXhSbYxGUvKMWQx6PLBA==",
            EnvelopeXdr: "AAAAAgAAAACwNaAVt4a1vMygMbHbggfnNQZM/YVx8tQ5gIAC6bJlmAABhqAAAAEfcfsEywAAAAEAAAAAaE7hgAAAAABoTuI0AAAAAQAAABxhMWIyYzNkNGU1ZjZnN2g4aTlqMGsxbDJtM240AAAAAQAAAAAAAAABAAAAAJH4pMOAJ/CbBX2Pnxl+w5AITnJjLSXnKDYB8FVCWofRAAAAAAAAAAAAmJaAAAAAAAAAAAHpsmWYAAAAQLPuDcYSi3jkt9R23+2WwsEbye7bLLPP+GOyd6CzkAKZU1rO37Igut+iXTY20/pd164M14Um2MRlLyjFkMejywQ=");
        public static readonly Vector OneStroopOnMainnetNoMaxTime = new Vector(
            Network: "Pi Network", Sequence: 1, Fee: 100000u,
            MinTime: 0, MaxTime: 0,
            Memo: "x",
            Destination: Sep23AccountId, Amount: "0.0000001", Formatted: "0.0000001", Stroops: 1,
            TransactionXdr: "AAAAALA1oBW3hrW8zKAxsduCB+c1Bkz9hXHy1DmAgALpsmWYAAGGoAAAAAAAAAABAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAABAAAAAXgAAAAAAAABAAAAAAAAAAEAAAAAPww0v5OtDZlx0EzMkPcFURyDiq2XNKSi+w16A/x/6JoAAAAAAAAAAAAAAAEAAAAA",
            Hash: "b795991633a46936921f8dbb3c4df7a1af16bf4eb216de0a272da4e4e515a51a",
            Signature: "E49a7yUMRIfExEFRNphl65pGSTbSN/85a5qchR4w9hZZSZvjmP+3QnHH1qYEslmPvcR1SbK0hBPcVngv4DqbDA==",
            EnvelopeXdr: "AAAAAgAAAACwNaAVt4a1vMygMbHbggfnNQZM/YVx8tQ5gIAC6bJlmAABhqAAAAAAAAAAAQAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAF4AAAAAAAAAQAAAAAAAAABAAAAAD8MNL+TrQ2ZcdBMzJD3BVEcg4qtlzSkovsNegP8f+iaAAAAAAAAAAAAAAABAAAAAAAAAAHpsmWYAAAAQBOPWu8lDESHxMRBUTaYZeuaRkk20jf/OWuanIUeMPYWWUmb45j/t0Jxx9amBLJZj73EdUmytIQT3FZ4L+A6mww=");
        public static readonly Vector SevenDecimalsUtf8Memo = new Vector(
            Network: "Pi Testnet", Sequence: 98765432109876, Fee: 100u,
            MinTime: 0, MaxTime: 1750000180,
            Memo: "Pi \u2713 payout",
            Destination: UserAccountId, Amount: "123.4567891", Formatted: "123.4567891", Stroops: 1234567891,
            TransactionXdr: "AAAAALA1oBW3hrW8zKAxsduCB+c1Bkz9hXHy1DmAgALpsmWYAAAAZAAAWdOefzs0AAAAAQAAAAAAAAAAAAAAAGhO4jQAAAABAAAADVBpIOKckyBwYXlvdXQAAAAAAAABAAAAAAAAAAEAAAAAkfikw4An8JsFfY+fGX7DkAhOcmMtJecoNgHwVUJah9EAAAAAAAAAAEmWAtMAAAAA",
            Hash: "8205153a1436e7e746089d16dedec43b1b4fb7e228bf25444bf5dd3c8dda1d64",
            Signature: "oc8wC5XmrMw7eec2BmFxOc+7Lsw8Qugf6auSvlxSp9jIqyeT0O6YBTSIWpjXG52pJGF64IfHVjVJ4XxgxMOwAQ==",
            EnvelopeXdr: "AAAAAgAAAACwNaAVt4a1vMygMbHbggfnNQZM/YVx8tQ5gIAC6bJlmAAAAGQAAFnTnn87NAAAAAEAAAAAAAAAAAAAAABoTuI0AAAAAQAAAA1QaSDinJMgcGF5b3V0AAAAAAAAAQAAAAAAAAABAAAAAJH4pMOAJ/CbBX2Pnxl+w5AITnJjLSXnKDYB8FVCWofRAAAAAAAAAABJlgLTAAAAAAAAAAHpsmWYAAAAQKHPMAuV5qzMO3nnNgZhcTnPuy7MPELoH+mrkr5cUqfYyKsnk9DumAU0iFqY1xudqSRheuCHx1Y1SeF8YMTDsAE=");
        public static readonly Vector LargestValuesNoTimeBounds = new Vector(
            Network: "Pi Network", Sequence: 9223372036854775807, Fee: 4294967295u,
            MinTime: null, MaxTime: null,
            Memo: "\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0",
            Destination: Sep23AccountId, Amount: "922337203685.4775807", Formatted: "922337203685.4775807", Stroops: 9223372036854775807,
            TransactionXdr: "AAAAALA1oBW3hrW8zKAxsduCB+c1Bkz9hXHy1DmAgALpsmWY/////3//////////AAAAAAAAAAEAAAAcz4DPgM+Az4DPgM+Az4DPgM+Az4DPgM+Az4DPgAAAAAEAAAAAAAAAAQAAAAA/DDS/k60NmXHQTMyQ9wVRHIOKrZc0pKL7DXoD/H/omgAAAAB//////////wAAAAA=",
            Hash: "b0975e32fbd8ba1390851edafd9193ca16c66603d94d171d5773963081318fa5",
            Signature: "DIvCKwGcqcX6hlJg3c+7wvCntQW8vstweT/Hbt7c1JrLAs7sQHxQj7MFBBawXi/KdH9RU8IjgkXgsyBk/TcqDA==",
            EnvelopeXdr: "AAAAAgAAAACwNaAVt4a1vMygMbHbggfnNQZM/YVx8tQ5gIAC6bJlmP////9//////////wAAAAAAAAABAAAAHM+Az4DPgM+Az4DPgM+Az4DPgM+Az4DPgM+Az4AAAAABAAAAAAAAAAEAAAAAPww0v5OtDZlx0EzMkPcFURyDiq2XNKSi+w16A/x/6JoAAAAAf/////////8AAAAAAAAAAemyZZgAAABADIvCKwGcqcX6hlJg3c+7wvCntQW8vstweT/Hbt7c1JrLAs7sQHxQj7MFBBawXi/KdH9RU8IjgkXgsyBk/TcqDA==");
        // ---- end make-vectors.js output ----

        /// <summary>Every vector, for [MemberData].</summary>
        public static IEnumerable<object[]> All()
        {
            yield return new object[] { nameof(OnePiOnTestnet) };
            yield return new object[] { nameof(OneStroopOnMainnetNoMaxTime) };
            yield return new object[] { nameof(SevenDecimalsUtf8Memo) };
            yield return new object[] { nameof(LargestValuesNoTimeBounds) };
        }

        /// <summary>A vector by name (xunit shows the name, not the whole vector, in the test list).</summary>
        public static Vector Get(string name) => name switch
        {
            nameof(OnePiOnTestnet) => OnePiOnTestnet,
            nameof(OneStroopOnMainnetNoMaxTime) => OneStroopOnMainnetNoMaxTime,
            nameof(SevenDecimalsUtf8Memo) => SevenDecimalsUtf8Memo,
            nameof(LargestValuesNoTimeBounds) => LargestValuesNoTimeBounds,
            _ => throw new ArgumentException(name),
        };
    }

    /// <summary>One payment as stellar-base made it: its fields, and what it encoded, hashed and signed.</summary>
    public sealed record Vector(
        string Network, long Sequence, uint Fee, ulong? MinTime, ulong? MaxTime, string Memo,
        string Destination, string Amount, string Formatted, long Stroops,
        string TransactionXdr, string Hash, string Signature, string EnvelopeXdr)
    {
        /// <summary>The same payment built by our code (no time bounds: PRECOND_NONE), paid by the sandbox wallet.</summary>
        public PayoutTransaction Build() => MinTime is ulong min && MaxTime is ulong max
            ? new PayoutTransaction(ReferenceVectors.WalletAccountId, Sequence, Fee, min, max, Memo, Destination, Stroops)
            : new PayoutTransaction(ReferenceVectors.WalletAccountId, Sequence, Fee, Memo, Destination, Stroops);

        /// <summary>The envelope's bytes, for tests that change one field.</summary>
        public byte[] EnvelopeBytes() => Convert.FromBase64String(EnvelopeXdr);
    }
}
