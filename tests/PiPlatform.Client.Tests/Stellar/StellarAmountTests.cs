using System;
using System.Globalization;
using System.Threading;
using PiPlatform.Stellar;
using Xunit;

namespace PiPlatform.Client.Tests.Stellar
{
    /// <summary>Pi to stroops exactly or not at all, and stroops written as the blockchain writes them.</summary>
    public class StellarAmountTests
    {
        [Theory]
        [InlineData("1", 10_000_000L)]
        [InlineData("0.0000001", 1L)]
        [InlineData("123.4567891", 1_234_567_891L)]
        [InlineData("1.50000000000000", 15_000_000L)]        // trailing zeros beyond 7 places are not more precision
        [InlineData("922337203685.4775807", long.MaxValue)]
        [InlineData("3.14", 31_400_000L)]
        public void ExactAmountsConvert(string amount, long stroops) =>
            Assert.Equal(stroops, StellarAmount.ToStroops(decimal.Parse(amount, CultureInfo.InvariantCulture)));

        [Theory]
        [InlineData("0.00000001")]
        [InlineData("1.00000005")]
        [InlineData("0.0000000000000000000000000001")]
        [InlineData("1.000000000000000000000000001")] // 28 digits: multiplying by 10^7 would round this to whole stroops
        public void MoreThanSevenDecimalsIsRefusedNotRounded(string amount)
        {
            var error = Assert.Throws<ArgumentException>(() => StellarAmount.ToStroops(decimal.Parse(amount, CultureInfo.InvariantCulture)));
            Assert.Contains("more than 7 decimal places", error.Message);
            Assert.Equal("amount", error.ParamName);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-1")]
        [InlineData("-0.0000001")]
        [InlineData("922337203685.4775808")]
        [InlineData("79228162514264337593543950335")]
        public void AmountsOutOfRangeAreRefused(string amount)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => StellarAmount.ToStroops(decimal.Parse(amount, CultureInfo.InvariantCulture)));
            Assert.Equal("amount", error.ParamName);
        }

        [Theory]
        [InlineData(1L, "0.0000001")]
        [InlineData(15_000_000L, "1.5000000")]
        [InlineData(0L, "0.0000000")]
        [InlineData(-1L, "-0.0000001")]
        [InlineData(long.MaxValue, "922337203685.4775807")]
        [InlineData(long.MinValue, "-922337203685.4775808")]
        public void StroopsAreWrittenWithSevenDecimals(long stroops, string text) => Assert.Equal(text, StellarAmount.Format(stroops));

        [Fact]
        public void FormattingIgnoresTheCurrentCulture()
        {
            CultureInfo before = Thread.CurrentThread.CurrentCulture;
            try
            {
                Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
                Assert.Equal("1234.5000000", StellarAmount.Format(12_345_000_000L));
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = before;
            }
        }

        [Theory]
        [MemberData(nameof(ReferenceVectors.All), MemberType = typeof(ReferenceVectors))]
        public void ConversionsMatchStellarBase(string name)
        {
            Vector v = ReferenceVectors.Get(name);
            Assert.Equal(v.Stroops, StellarAmount.ToStroops(decimal.Parse(v.Amount, CultureInfo.InvariantCulture)));
            Assert.Equal(v.Formatted, StellarAmount.Format(v.Stroops));
            Assert.Equal(decimal.Parse(v.Amount, CultureInfo.InvariantCulture), StellarAmount.ToAmount(v.Stroops));
        }
    }
}
