using System;
using PiPlatform.Stellar;
using Xunit;

namespace PiPlatform.Client.Tests.Stellar
{
    // PiPlatform.PayoutTransaction (the Pi API's record of a payment's txid) would win over a using outside the namespace.

    /// <summary>Our encoding, hash and signature of a payout against @stellar/stellar-base's, byte for byte.</summary>
    public class PaymentTransactionTests
    {
        private const string Wallet = ReferenceVectors.WalletAccountId;
        private const string User = ReferenceVectors.UserAccountId;
        private const string Memo28 = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4";

        [Theory]
        [MemberData(nameof(ReferenceVectors.All), MemberType = typeof(ReferenceVectors))]
        public void TheTransactionXdrIsStellarBases(string name)
        {
            Vector v = ReferenceVectors.Get(name);
            Assert.Equal(v.TransactionXdr, Convert.ToBase64String(v.Build().ToXdr()));
        }

        [Theory]
        [MemberData(nameof(ReferenceVectors.All), MemberType = typeof(ReferenceVectors))]
        public void TheHashIsStellarBases(string name)
        {
            Vector v = ReferenceVectors.Get(name);
            Assert.Equal(v.Hash, Convert.ToHexString(v.Build().Hash(v.Network)).ToLowerInvariant());
        }

        [Theory]
        [MemberData(nameof(ReferenceVectors.All), MemberType = typeof(ReferenceVectors))]
        public void SigningWithTheSandboxWalletGivesStellarBasesEnvelope(string name)
        {
            Vector v = ReferenceVectors.Get(name);
            using StellarWallet wallet = StellarWallet.FromSecretSeed(StellarWalletTests.Secure(PiSandboxDefaults.WalletSeed));
            SignedTransaction signed = v.Build().Sign(wallet, v.Network);
            Assert.Equal(v.Signature, Convert.ToBase64String(signed.Signature));
            Assert.Equal(v.EnvelopeXdr, signed.EnvelopeXdr);
            Assert.Equal(v.Hash, signed.Hash);
            Assert.Equal(v.Network, signed.NetworkPassphrase);
            Assert.True(signed.IsSignedBy(wallet.PublicKey, v.Network));
        }

        [Fact]
        public void NetworkIdsMatchStellarBase()
        {
            Assert.Equal(ReferenceVectors.PiNetworkId, Convert.ToHexString(StellarNetwork.NetworkId(StellarNetwork.PiMainnet)).ToLowerInvariant());
            Assert.Equal(ReferenceVectors.PiTestnetId, Convert.ToHexString(StellarNetwork.NetworkId(StellarNetwork.PiTestnet)).ToLowerInvariant());
            Assert.Throws<ArgumentException>(() => StellarNetwork.NetworkId(""));
            Assert.Throws<ArgumentException>(() => StellarNetwork.NetworkId(null!));
        }

        [Fact]
        public void TheHashDependsOnTheNetwork()
        {
            PayoutTransaction tx = ReferenceVectors.OnePiOnTestnet.Build();
            Assert.NotEqual(tx.Hash(StellarNetwork.PiTestnet), tx.Hash(StellarNetwork.PiMainnet));
        }

        [Fact]
        public void ThePropertiesAreWhatWasGiven()
        {
            var tx = new PayoutTransaction(Wallet, 42, 100_000, 10, 190, Memo28, User, 15_000_000);
            Assert.Equal((Wallet, 42L, 100_000u, true, 10UL, 190UL, Memo28, User, 15_000_000L, 1.5m),
                (tx.SourceAccount, tx.Sequence, tx.Fee, tx.HasTimeBounds, tx.MinTime, tx.MaxTime, tx.MemoText, tx.Destination, tx.AmountStroops, tx.Amount));
            var none = new PayoutTransaction(Wallet, 42, 100_000, Memo28, User, 1);
            Assert.Equal((false, 0UL, 0UL), (none.HasTimeBounds, none.MinTime, none.MaxTime));
        }

        [Fact]
        public void ToXdrReturnsACopy()
        {
            PayoutTransaction tx = ReferenceVectors.OnePiOnTestnet.Build();
            byte[] first = tx.ToXdr();
            first[0] ^= 0xff;
            Assert.Equal(ReferenceVectors.OnePiOnTestnet.TransactionXdr, Convert.ToBase64String(tx.ToXdr()));
        }

        [Fact]
        public void ToStringShowsThePaymentInPi()
        {
            string text = new PayoutTransaction(Wallet, 7, 100, 0, 0, Memo28, User, 15_000_000).ToString();
            Assert.Contains("1.5000000 Pi", text);
            Assert.Contains(User, text);
            Assert.Contains(Memo28, text);
        }
    }
}
