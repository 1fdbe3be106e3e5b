using System;
using PiPlatform.Stellar;
using Xunit;

namespace PiPlatform.Client.Tests.Stellar
{
    /// <summary>
    /// StrKey against SEP-23's own test cases
    /// (https://github.com/stellar/stellar-protocol/blob/master/ecosystem/sep-0023.md#tests) and the keys
    /// @stellar/stellar-base made (<see cref="ReferenceVectors"/>).
    /// </summary>
    public class StrKeyTests
    {
        // SEP-23, "Valid test cases" 1: the account id and the ed25519 key inside its binary MuxedAccount.
        private const string Sep23Key = "3f0c34bf93ad0d9971d04ccc90f705511c838aad9734a4a2fb0d7a03fc7fe89a";

        [Fact]
        public void Sep23sValidAccountIdDecodesToItsKeyAndBack()
        {
            Assert.Equal(Sep23Key, Convert.ToHexString(StrKey.DecodeAccountId(ReferenceVectors.Sep23AccountId)).ToLowerInvariant());
            Assert.Equal(ReferenceVectors.Sep23AccountId, StrKey.EncodeAccountId(Convert.FromHexString(Sep23Key)));
            Assert.True(StrKey.IsAccountId(ReferenceVectors.Sep23AccountId));
        }

        // SEP-23's "Invalid test cases" array, in its order. Those that are not G... are refused by an account id
        // decoder for their length or version byte before anything else; all of them must be refused.
        [Theory]
        [InlineData("GAAAAAAAACGC6", "13 characters")]
        [InlineData("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUR", "69 characters")]
        [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZA", "57 characters")]
        [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUACUSI", "58 characters")]
        [InlineData("G47QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVP2I", "unknown algorithm")]
        [InlineData("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAJLKA", "70 characters")]
        [InlineData("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVAAAAAAAAAAAAAAV75I", "71 characters")]
        [InlineData("M47QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUQ", "69 characters")]
        [InlineData("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUK===", "72 characters")]
        [InlineData("MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAACJUO", "69 characters")]
        [InlineData("PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAQACAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4DUPB6IAAAAAAAAPM", "characters")]
        [InlineData("PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAOQCAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4Z2PQ", "characters")]
        [InlineData("PA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAOQCAQDAQCQMBYIBEFAWDANBYHRAEISCMKBKFQXDAMRUGY4DXFH6", "characters")]
        [InlineData("BAAD6DBUX6J22DMZOHIEZTEQ64CVCHEDRKWZONFEUL5Q26QD7R76RGR4TV", "58 characters")]
        [InlineData("BAAT6DBUX6J22DMZOHIEZTEQ64CVCHEDRKWZONFEUL5Q26QD7R76RGXACA", "58 characters")]
        public void Sep23sInvalidCasesAreRefused(string strKey, string reason)
        {
            var error = Assert.Throws<FormatException>(() => StrKey.DecodeAccountId(strKey));
            Assert.Contains(reason, error.Message);
            Assert.DoesNotContain(strKey, error.Message);
            Assert.False(StrKey.IsAccountId(strKey));
        }

        // SEP-23's valid keys of other kinds: well-formed StrKeys, but not account ids, and said to be what they are.
        [Theory]
        [InlineData("CA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUWDA", "a contract")]
        [InlineData("LA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUPJN", "a liquidity pool")]
        [InlineData(ReferenceVectors.WalletSeed, "a secret seed")]
        public void AValidStrKeyOfAnotherKindIsNotAnAccountId(string strKey, string kind)
        {
            var error = Assert.Throws<FormatException>(() => StrKey.DecodeAccountId(strKey));
            Assert.Contains("version byte", error.Message);
            Assert.Contains(kind, error.Message);
            Assert.DoesNotContain(strKey, error.Message);
        }

        [Fact]
        public void AChangedCharacterFailsTheChecksum()
        {
            string changed = ReferenceVectors.Sep23AccountId.Substring(0, 55) + "A"; // ...VSGZ -> ...VSGA
            var error = Assert.Throws<FormatException>(() => StrKey.DecodeAccountId(changed));
            Assert.Contains("checksum", error.Message);
        }

        [Theory]
        [InlineData("ga7qynf7sowq3glr2bgmzehxavirza4kvwltjjfc7mgxua74p7ujvsgz", 1)] // StrKeys are upper case: one spelling only
        [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSG=", 56)]
        [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJ0SGZ", 53)]  // 0 is not base-32 (O is)
        [InlineData("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJ SGZ", 53)]
        public void ACharacterOutsideTheAlphabetIsNamedByPosition(string text, int position)
        {
            var error = Assert.Throws<FormatException>(() => StrKey.DecodeAccountId(text));
            Assert.Contains($"position {position} ", error.Message);
            Assert.False(StrKey.IsAccountId(text));
        }

        [Theory]
        [InlineData(ReferenceVectors.WalletAccountId)]
        [InlineData(ReferenceVectors.UserAccountId)]
        public void StellarBasesAccountIdsRoundTrip(string accountId)
        {
            Assert.True(StrKey.IsAccountId(accountId));
            Assert.Equal(accountId, StrKey.EncodeAccountId(StrKey.DecodeAccountId(accountId)));
        }

        [Fact]
        public void TheSecretSeedEncodingMatchesStellarBase()
        {
            byte[] seed = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("PiPlatform sandbox app wallet"));
            Assert.Equal(ReferenceVectors.WalletSeed, StrKey.EncodeSecretSeed(seed));
            char[] text = ReferenceVectors.WalletSeed.ToCharArray();
            Assert.Equal(seed, StrKey.DecodeSecretSeed(text, text.Length));
        }

        [Fact]
        public void NullAndWrongSizedKeysAreArgumentErrors()
        {
            Assert.Throws<ArgumentNullException>(() => StrKey.DecodeAccountId(null!));
            Assert.Throws<ArgumentNullException>(() => StrKey.EncodeAccountId(null!));
            Assert.Throws<ArgumentException>(() => StrKey.EncodeAccountId(new byte[31]));
            Assert.False(StrKey.IsAccountId(null));
            Assert.False(StrKey.IsAccountId(""));
        }

        // The catalogue value of CRC-16/XMODEM (the "check" of "123456789"; Python's binascii.crc_hqx agrees).
        [Fact]
        public void Crc16IsXmodem() => Assert.Equal(0x31C3, Crc16.Compute(System.Text.Encoding.ASCII.GetBytes("123456789"), 0, 9));
    }
}
