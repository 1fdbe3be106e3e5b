using System;
using PiPlatform.Stellar;
using Xunit;

namespace PiPlatform.Client.Tests.Stellar
{
    // PiPlatform.PayoutTransaction (the Pi API's record of a payment's txid) would win over a using outside the namespace.

    /// <summary>Every value a payment refuses, and who may sign it.</summary>
    public class PaymentTransactionValidationTests
    {
        private const string Wallet = ReferenceVectors.WalletAccountId;
        private const string User = ReferenceVectors.UserAccountId;
        private const string Memo28 = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4";

        [Fact]
        public void AMemoOfExactly28BytesIsAccepted()
        {
            Assert.Equal(28, new PayoutTransaction(Wallet, 1, 100, 0, 0, Memo28, User, 1).MemoText.Length);
            Assert.NotNull(new PayoutTransaction(Wallet, 1, 100, 0, 0, new string('\u03c0', 14), User, 1)); // 14 x 2 bytes
            Assert.Equal("", new PayoutTransaction(Wallet, 1, 100, 0, 0, "", User, 1).MemoText);
        }

        [Theory]
        [InlineData("a1b2c3d4e5f6g7h8i9j0k1l2m3n4o", "29 bytes")]
        [InlineData("\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0\u03c0", "30 bytes")] // 15 characters, 30 bytes
        [InlineData("a1b2c3d4e5f6g7h8i9j0k1l2m3\u2713", "29 bytes")]                                                    // 27 characters, 29 bytes
        public void AMemoThatIsNotAtMost28BytesOfUtf8IsRefused(string memo, string reason)
        {
            var error = Assert.Throws<ArgumentException>(() => new PayoutTransaction(Wallet, 1, 100, 0, 0, memo, User, 1));
            Assert.Equal("memoText", error.ParamName);
            Assert.Contains(reason, error.Message);
        }

        [Fact]
        public void AMemoWithALoneSurrogateIsRefused()
        {
            string memo = "payment " + (char)0xD800; // built here: xunit would turn a lone surrogate in [InlineData] into U+FFFD
            var error = Assert.Throws<ArgumentException>(() => new PayoutTransaction(Wallet, 1, 100, 0, 0, memo, User, 1));
            Assert.Equal("memoText", error.ParamName);
            Assert.Contains("lone surrogate", error.Message);
        }

        [Fact]
        public void ANullMemoIsRefused() =>
            Assert.Equal("memoText", Assert.Throws<ArgumentNullException>(() => new PayoutTransaction(Wallet, 1, 100, 0, 0, null!, User, 1)).ParamName);

        [Theory]
        [InlineData(0L)]
        [InlineData(-1L)]
        [InlineData(long.MinValue)]
        public void ASequenceOfZeroOrLessIsRefused(long sequence) =>
            Assert.Equal("sequence", Assert.Throws<ArgumentOutOfRangeException>(() => new PayoutTransaction(Wallet, sequence, 100, 0, 0, Memo28, User, 1)).ParamName);

        [Theory]
        [InlineData(0L)]
        [InlineData(-10_000_000L)]
        public void AnAmountOfZeroOrLessIsRefused(long stroops) =>
            Assert.Equal("amountStroops", Assert.Throws<ArgumentOutOfRangeException>(() => new PayoutTransaction(Wallet, 1, 100, 0, 0, Memo28, User, stroops)).ParamName);

        [Theory]
        [InlineData(100UL, 99UL, false)]
        [InlineData(100UL, 100UL, true)]
        [InlineData(100UL, 0UL, true)]   // 0: no upper bound
        [InlineData(0UL, 0UL, true)]
        [InlineData(ulong.MaxValue, 1UL, false)]
        public void TimeBoundsMustNotEndBeforeTheyBegin(ulong minTime, ulong maxTime, bool valid)
        {
            PayoutTransaction Make() => new PayoutTransaction(Wallet, 1, 100, minTime, maxTime, Memo28, User, 1);
            if (valid)
            {
                Assert.Equal(maxTime, Make().MaxTime);
            }
            else
            {
                Assert.Equal("maxTime", Assert.Throws<ArgumentException>(Make).ParamName);
            }
        }

        [Theory]
        [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGA", "checksum")]
        [InlineData("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUQ", "69 characters")] // a muxed account
        [InlineData(ReferenceVectors.WalletSeed, "secret seed")]
        [InlineData("", "0 characters")]
        public void AnAccountThatIsNotAnAccountIdIsRefusedWithoutQuotingIt(string account, string reason)
        {
            var asDestination = Assert.Throws<ArgumentException>(() => new PayoutTransaction(Wallet, 1, 100, 0, 0, Memo28, account, 1));
            Assert.Equal("destination", asDestination.ParamName);
            Assert.Contains(reason, asDestination.Message);
            Assert.IsType<FormatException>(asDestination.InnerException);
            var asSource = Assert.Throws<ArgumentException>(() => new PayoutTransaction(account, 1, 100, 0, 0, Memo28, User, 1));
            Assert.Equal("sourceAccount", asSource.ParamName);
            if (account.Length > 0)
            {
                Assert.DoesNotContain(account, asDestination.ToString());
                Assert.DoesNotContain(account, asSource.ToString());
            }
        }

        [Fact]
        public void NullAccountsAreRefused()
        {
            Assert.Throws<ArgumentNullException>(() => new PayoutTransaction(null!, 1, 100, 0, 0, Memo28, User, 1));
            Assert.Throws<ArgumentNullException>(() => new PayoutTransaction(Wallet, 1, 100, 0, 0, Memo28, null!, 1));
        }

        [Fact]
        public void OnlyTheSourceAccountsWalletCanSign()
        {
            var tx = new PayoutTransaction(User, 1, 100, 0, 0, Memo28, Wallet, 1); // paid by the user, not the wallet
            using StellarWallet wallet = StellarWallet.FromSecretSeed(StellarWalletTests.Secure(PiSandboxDefaults.WalletSeed));
            var error = Assert.Throws<ArgumentException>(() => tx.Sign(wallet, StellarNetwork.PiTestnet));
            Assert.Equal("wallet", error.ParamName);
            Assert.Contains("source account", error.Message);
        }

        [Fact]
        public void ADisposedWalletCannotSign()
        {
            StellarWallet wallet = StellarWallet.FromSecretSeed(StellarWalletTests.Secure(PiSandboxDefaults.WalletSeed));
            wallet.Dispose();
            Assert.Throws<ObjectDisposedException>(() => ReferenceVectors.OnePiOnTestnet.Build().Sign(wallet, StellarNetwork.PiTestnet));
        }
    }
}
