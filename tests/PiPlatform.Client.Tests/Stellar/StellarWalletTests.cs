using System;
using System.Reflection;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using PiPlatform.Stellar;
using Xunit;

namespace PiPlatform.Client.Tests.Stellar
{
    /// <summary>The app wallet from its secret seed: what is accepted, what is refused, and that the seed never shows.</summary>
    public class StellarWalletTests
    {
        private const string Seed = PiSandboxDefaults.WalletSeed;

        [Fact]
        public void TheSandboxSeedIsStellarBasesSeedOfItsDocumentedPhraseAndYieldsTheSandboxAddress()
        {
            Assert.Equal(ReferenceVectors.WalletSeed, PiSandboxDefaults.WalletSeed);
            Assert.Equal(ReferenceVectors.WalletAccountId, PiSandboxDefaults.WalletAddress);
            using StellarWallet wallet = StellarWallet.FromSecretSeed(Secure(Seed));
            Assert.Equal(PiSandboxDefaults.WalletAddress, wallet.AccountId);
            using StellarWallet raw = StellarWallet.FromRawSeed(SHA256.HashData(Encoding.UTF8.GetBytes("PiPlatform sandbox app wallet")));
            Assert.Equal(PiSandboxDefaults.WalletAddress, raw.AccountId);
        }

        [Fact]
        public void SurroundingWhiteSpaceIsIgnored()
        {
            using StellarWallet wallet = StellarWallet.FromSecretSeed(Secure($" \t{Seed}\r\n"));
            Assert.Equal(PiSandboxDefaults.WalletAddress, wallet.AccountId);
        }

        [Fact]
        public void ToStringIsTheAccountIdAndThePublicKeyIsACopy()
        {
            using StellarWallet wallet = StellarWallet.FromSecretSeed(Secure(Seed));
            Assert.Equal(PiSandboxDefaults.WalletAddress, wallet.ToString());
            byte[] key = wallet.PublicKey;
            key[0] ^= 0xff;
            Assert.Equal(StrKey.DecodeAccountId(PiSandboxDefaults.WalletAddress), wallet.PublicKey);
        }

        public static TheoryData<string, string, string> BadSeeds => new()
        {
            { "bad checksum", Seed.Substring(0, 55) + (Seed[55] == 'A' ? "B" : "A"), "checksum" },
            { "two characters swapped", Seed.Substring(0, 10) + Seed[11] + Seed[10] + Seed.Substring(12), "checksum" },
            { "too short", Seed.Substring(0, 55), "55 characters" },
            { "too long", Seed + "A", "57 characters" },
            { "padded", Seed + "====", "60 characters" },
            { "lower case", Seed.ToLowerInvariant(), "position 1 " },
            { "white space inside", Seed.Substring(0, 20) + " " + Seed.Substring(21), "position 21 " },
            { "a digit 1 for an I", Seed.Replace('I', '1'), "not base-32" },
            { "an account id", PiSandboxDefaults.WalletAddress, "version byte" },
            { "empty", "", "0 characters" },
            { "white space only", " \r\n", "0 characters" },
        };

        [Theory]
        [MemberData(nameof(BadSeeds))]
        public void ABadSeedIsRefusedSayingWhyWithoutShowingIt(string why, string seed, string expected)
        {
            var error = Assert.Throws<FormatException>(() => StellarWallet.FromSecretSeed(Secure(seed)));
            Assert.True(error.Message.Contains(expected), $"{why}: {error.Message}");
            AssertShowsNoPartOf(Seed, error.ToString());
            AssertShowsNoPartOf(seed, error.ToString());
            Assert.Empty(error.Data);
        }

        [Fact]
        public void ANullSeedIsAnArgumentError() => Assert.Throws<ArgumentNullException>(() => StellarWallet.FromSecretSeed(null!));

        [Fact]
        public void DisposeZeroesThePrivateKeyAndStopsSigning()
        {
            StellarWallet wallet = StellarWallet.FromSecretSeed(Secure(Seed));
            byte[] key = (byte[])typeof(StellarWallet).GetField("_seed", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(wallet)!;
            Assert.Contains(key, b => b != 0);
            Assert.Equal(64, wallet.Sign(new byte[] { 1, 2, 3 }).Length);

            wallet.Dispose();

            Assert.All(key, b => Assert.Equal(0, b));
            var error = Assert.Throws<ObjectDisposedException>(() => wallet.Sign(new byte[] { 1, 2, 3 }));
            Assert.DoesNotContain(Seed, error.ToString());
            Assert.Equal(PiSandboxDefaults.WalletAddress, wallet.AccountId);
            wallet.Dispose(); // twice is harmless
        }

        [Fact]
        public void TheSecureStringIsLeftAsItWas()
        {
            using SecureString secure = Secure($" {Seed} ");
            using (StellarWallet.FromSecretSeed(secure)) { }
            Assert.Equal(Seed.Length + 2, secure.Length);
            using StellarWallet again = StellarWallet.FromSecretSeed(secure);
            Assert.Equal(PiSandboxDefaults.WalletAddress, again.AccountId);
        }

        internal static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        // No run of 8 characters of the seed may appear: not the seed, and not a telling piece of it either.
        private static void AssertShowsNoPartOf(string secret, string shown)
        {
            for (int i = 0; i + 8 <= secret.Length; i++)
            {
                Assert.DoesNotContain(secret.Substring(i, 8), shown);
            }
        }
    }
}
