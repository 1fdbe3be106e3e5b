using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using PiPlatform.Stellar;
using Xunit;

namespace PiPlatform.Client.Tests.Stellar
{
    // PiPlatform.PayoutTransaction (the Pi API's record of a payment's txid) would win over a using outside the namespace.

    /// <summary>
    /// Reading @stellar/stellar-base's envelopes back, checking their signatures, and refusing every envelope that is
    /// not exactly a payout's shape. The changed envelopes start from <see cref="ReferenceVectors.OneStroopOnMainnetNoMaxTime"/>,
    /// whose layout <see cref="TheOffsetsTheseTestsChangeHoldTheFieldsTheyName"/> pins down.
    /// </summary>
    public class SignedTransactionTests
    {
        private static readonly Vector Mainnet = ReferenceVectors.OneStroopOnMainnetNoMaxTime;
        private static readonly byte[] WalletKey = StrKey.DecodeAccountId(ReferenceVectors.WalletAccountId);

        // Byte offsets in that envelope (every field is 4-byte aligned; see TransactionXdr for the order).
        private const int EnvelopeType = 0, SourceType = 4, Fee = 40, Sequence = 44, Precondition = 52, MinTime = 56, MaxTime = 64;
        private const int MemoType = 72, MemoLength = 76, MemoBytes = 80, OperationCount = 84, OperationSource = 88, OperationType = 92;
        private const int DestinationType = 96, Asset = 132, Amount = 136, Extension = 144, SignatureCount = 148, Hint = 152;
        private const int SignatureLength = 156, Signature = 160, End = 224;

        [Fact]
        public void TheOffsetsTheseTestsChangeHoldTheFieldsTheyName()
        {
            byte[] e = Mainnet.EnvelopeBytes();
            Assert.Equal(End, e.Length);
            Assert.Equal(new[] { 2, 0, 100_000, 1 }, new[] { I32(e, EnvelopeType), I32(e, SourceType), I32(e, Fee), I32(e, Precondition) });
            Assert.Equal(new[] { 1L, 0L, 0L, 1L }, new[] { I64(e, Sequence), I64(e, MinTime), I64(e, MaxTime), I64(e, Amount) });
            Assert.Equal(new[] { 1, 1, 1, 0, 1, 0, 0, 0, 1, 64 },
                new[] { I32(e, MemoType), I32(e, MemoLength), I32(e, OperationCount), I32(e, OperationSource), I32(e, OperationType),
                        I32(e, DestinationType), I32(e, Asset), I32(e, Extension), I32(e, SignatureCount), I32(e, SignatureLength) });
            Assert.Equal((byte)'x', e[MemoBytes]);
            Assert.Equal(WalletKey.Skip(28), e.Skip(Hint).Take(4));
            Assert.Equal(Convert.FromBase64String(Mainnet.Signature), e.Skip(Signature).Take(64));
        }

        [Theory]
        [MemberData(nameof(ReferenceVectors.All), MemberType = typeof(ReferenceVectors))]
        public void StellarBasesEnvelopesParseBackToTheirFields(string name)
        {
            Vector v = ReferenceVectors.Get(name);
            SignedTransaction parsed = SignedTransaction.Parse(v.EnvelopeXdr, v.Network);
            PayoutTransaction tx = parsed.Transaction;
            Assert.Equal((ReferenceVectors.WalletAccountId, v.Sequence, v.Fee, v.MinTime.HasValue, v.MinTime ?? 0, v.MaxTime ?? 0, v.Memo, v.Destination, v.Stroops),
                (tx.SourceAccount, tx.Sequence, tx.Fee, tx.HasTimeBounds, tx.MinTime, tx.MaxTime, tx.MemoText, tx.Destination, tx.AmountStroops));
            Assert.Equal(v.TransactionXdr, Convert.ToBase64String(tx.ToXdr()));
            Assert.Equal(v.EnvelopeXdr, parsed.EnvelopeXdr);
            Assert.Equal(v.Hash, parsed.Hash);
            Assert.Equal(v.Hash, parsed.ToString());
            Assert.Equal(v.Signature, Convert.ToBase64String(parsed.Signature));
            Assert.Equal(v.Network, parsed.NetworkPassphrase);
        }

        [Theory]
        [MemberData(nameof(ReferenceVectors.All), MemberType = typeof(ReferenceVectors))]
        public void StellarBasesSignatureIsTheWalletsOnItsNetworkOnly(string name)
        {
            Vector v = ReferenceVectors.Get(name);
            SignedTransaction parsed = SignedTransaction.Parse(v.EnvelopeXdr, v.Network);
            string otherNetwork = v.Network == StellarNetwork.PiMainnet ? StellarNetwork.PiTestnet : StellarNetwork.PiMainnet;
            Assert.True(parsed.IsSignedBy(WalletKey, v.Network));
            Assert.False(parsed.IsSignedBy(WalletKey, otherNetwork));
            Assert.False(parsed.IsSignedBy(StrKey.DecodeAccountId(ReferenceVectors.UserAccountId), v.Network));
        }

        [Fact]
        public void ParsingForAnotherNetworkGivesThatNetworksHash()
        {
            SignedTransaction parsed = SignedTransaction.Parse(Mainnet.EnvelopeXdr, StellarNetwork.PiTestnet);
            Assert.NotEqual(Mainnet.Hash, parsed.Hash);
            Assert.Equal(Convert.ToHexString(Mainnet.Build().Hash(StellarNetwork.PiTestnet)).ToLowerInvariant(), parsed.Hash);
            Assert.False(parsed.IsSignedBy(WalletKey, parsed.NetworkPassphrase));
        }

        public static TheoryData<string> Tamperings => new() { "amount", "memo", "destination", "fee", "sequence", "signature", "hint" };

        [Theory]
        [MemberData(nameof(Tamperings))]
        public void AChangedEnvelopeStillParsesButIsNoLongerSignedByTheWallet(string field)
        {
            byte[] e = Mainnet.EnvelopeBytes();
            int offset = field switch
            {
                "amount" => Amount + 7, "memo" => MemoBytes, "destination" => DestinationType + 4 + 31, "fee" => Fee + 3,
                "sequence" => Sequence + 7, "signature" => Signature + 10, "hint" => Hint, _ => throw new ArgumentException(field),
            };
            e[offset] ^= 0x02; // keeps the memo valid text ('x' -> 'z') and the amount positive (1 -> 3)
            SignedTransaction parsed = SignedTransaction.Parse(Convert.ToBase64String(e), Mainnet.Network);
            Assert.False(parsed.IsSignedBy(WalletKey, Mainnet.Network));
            Assert.Equal(field is "signature" or "hint", parsed.Hash == Mainnet.Hash);
        }

        public static readonly Dictionary<string, (Func<byte[], byte[]> Change, string Expected)> Malformations = new()
        {
            ["trailing bytes"] = (e => e.Concat(new byte[4]).ToArray(), "4 bytes after its end"),
            ["truncated"] = (e => e.Take(End - 4).ToArray(), "ends early"),
            ["empty"] = (e => Array.Empty<byte>(), "ends early"),
            ["memo padding not zero"] = (e => Set(e, MemoBytes + 1, 1), "padding is not zero"),
            ["memo of 29 bytes"] = (e => SetInt32(e, MemoLength, 29), "over the limit of 28"),
            ["memo not UTF-8"] = (e => Set(e, MemoBytes, 0xff), "not valid UTF-8"),
            ["v0 envelope"] = (e => SetInt32(e, EnvelopeType, 0), "v0 envelopes"),
            ["fee-bump envelope"] = (e => SetInt32(e, EnvelopeType, 5), "fee-bump"),
            ["unknown envelope type"] = (e => SetInt32(e, EnvelopeType, 3), "not ENVELOPE_TYPE_TX"),
            ["muxed source"] = (e => SetInt32(e, SourceType, 0x100), "muxed accounts"),
            ["other key type"] = (e => SetInt32(e, SourceType, 1), "key type 1"),
            ["muxed destination"] = (e => SetInt32(e, DestinationType, 0x100), "destination is malformed: muxed"),
            ["PRECOND_V2"] = (e => SetInt32(e, Precondition, 2), "PRECOND_V2"),
            ["unknown precondition"] = (e => SetInt32(e, Precondition, 3), "not a precondition type"),
            ["MEMO_NONE"] = (e => SetInt32(e, MemoType, 0), "has none"),
            ["MEMO_ID"] = (e => SetInt32(e, MemoType, 2), "not MEMO_TEXT"),
            ["no operation"] = (e => SetInt32(e, OperationCount, 0), "this has 0"),
            ["two operations"] = (e => SetInt32(e, OperationCount, 2), "this has 2"),
            ["operation source account"] = (e => SetInt32(e, OperationSource, 1), "own source account"),
            ["boolean of 2"] = (e => SetInt32(e, OperationSource, 2), "must be 0 or 1"),
            ["CREATE_ACCOUNT"] = (e => SetInt32(e, OperationType, 0), "not PAYMENT"),
            ["credit asset"] = (e => SetInt32(e, Asset, 1), "not the native asset"),
            ["Soroban extension"] = (e => SetInt32(e, Extension, 1), "Soroban"),
            ["no signature"] = (e => SetInt32(e, SignatureCount, 0), "exactly one signature, this has 0"),
            ["two signatures"] = (e => SetInt32(e, SignatureCount, 2), "exactly one signature, this has 2"),
            ["21 signatures"] = (e => SetInt32(e, SignatureCount, 21), "over the limit of 20"),
            ["32-byte signature"] = (e => SetInt32(e, SignatureLength, 32), "this has 32"),
            ["65-byte signature"] = (e => SetInt32(e, SignatureLength, 65), "over the limit of 64"),
            ["sequence 0"] = (e => SetInt64(e, Sequence, 0), "sequence number must be more than 0"),
            ["negative sequence"] = (e => SetInt64(e, Sequence, -5), "sequence number must be more than 0"),
            ["amount 0"] = (e => SetInt64(e, Amount, 0), "amount must be more than 0"),
            ["negative amount"] = (e => SetInt64(e, Amount, -1), "amount must be more than 0"),
            ["time bounds backwards"] = (e => SetInt64(SetInt64(e, MinTime, 100), MaxTime, 50), "end (50) before they begin (100)"),
        };

        public static TheoryData<string> MalformationNames => new(Malformations.Keys);

        [Theory]
        [MemberData(nameof(MalformationNames))]
        public void AnEnvelopeThatIsNotExactlyAPayoutIsRefusedSayingWhere(string name)
        {
            var (change, expected) = Malformations[name];
            string envelope = Convert.ToBase64String(change(Mainnet.EnvelopeBytes()));
            var error = Assert.Throws<FormatException>(() => SignedTransaction.Parse(envelope, Mainnet.Network));
            Assert.Contains(expected, error.Message);
        }

        [Theory]
        [InlineData("not base64!", "not base64")]
        [InlineData("AAAA", "ends early")]
        public void TextThatIsNotAnEnvelopeIsRefused(string text, string expected) =>
            Assert.Contains(expected, Assert.Throws<FormatException>(() => SignedTransaction.Parse(text, Mainnet.Network)).Message);

        [Fact]
        public void AHugeTextIsRefusedBeforeItIsDecoded() =>
            Assert.Contains("4097 characters", Assert.Throws<FormatException>(() => SignedTransaction.Parse(new string('A', 4097), Mainnet.Network)).Message);

        [Fact]
        public void SurroundingWhiteSpaceIsIgnored() =>
            Assert.Equal(Mainnet.Hash, SignedTransaction.Parse($"  {Mainnet.EnvelopeXdr}\r\n", Mainnet.Network).Hash);

        [Fact]
        public void MissingArgumentsAreArgumentErrors()
        {
            Assert.Throws<ArgumentNullException>(() => SignedTransaction.Parse(null!, Mainnet.Network));
            Assert.Throws<ArgumentException>(() => SignedTransaction.Parse(Mainnet.EnvelopeXdr, ""));
            SignedTransaction parsed = SignedTransaction.Parse(Mainnet.EnvelopeXdr, Mainnet.Network);
            Assert.Throws<ArgumentNullException>(() => parsed.IsSignedBy(null!, Mainnet.Network));
            Assert.Throws<ArgumentException>(() => parsed.IsSignedBy(new byte[31], Mainnet.Network));
        }

        private static int I32(byte[] e, int offset) => BinaryPrimitives.ReadInt32BigEndian(e.AsSpan(offset));

        private static long I64(byte[] e, int offset) => BinaryPrimitives.ReadInt64BigEndian(e.AsSpan(offset));

        private static byte[] Set(byte[] e, int offset, byte value)
        {
            e[offset] = value;
            return e;
        }

        private static byte[] SetInt32(byte[] e, int offset, int value)
        {
            BinaryPrimitives.WriteInt32BigEndian(e.AsSpan(offset), value);
            return e;
        }

        private static byte[] SetInt64(byte[] e, int offset, long value)
        {
            BinaryPrimitives.WriteInt64BigEndian(e.AsSpan(offset), value);
            return e;
        }
    }
}
