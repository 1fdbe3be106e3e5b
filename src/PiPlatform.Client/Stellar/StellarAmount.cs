using System;
using System.Globalization;
using System.Numerics;

namespace PiPlatform.Stellar
{
    /// <summary>
    /// Amounts of Pi on the blockchain are whole numbers of stroops (10^-7 Pi) in an int64. Conversion is exact or it
    /// fails: a payout is never rounded to something other than what was asked.
    /// </summary>
    public static class StellarAmount
    {
        /// <summary>Stroops in one Pi.</summary>
        public const long StroopsPerUnit = 10_000_000;

        /// <summary>Decimal places a blockchain amount can have.</summary>
        public const int Decimals = 7;

        /// <summary>The largest amount a payment can carry, long.MaxValue stroops.</summary>
        public const decimal MaxAmount = 922337203685.4775807m;

        /// <summary>The amount in stroops, exactly.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The amount is zero or less, or more than <see cref="MaxAmount"/>.</exception>
        /// <exception cref="ArgumentException">The amount has more than 7 decimal places (trailing zeros aside).</exception>
        public static long ToStroops(decimal amount)
        {
            if (amount <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(amount), amount, "A payment amount must be more than 0.");
            }
            if (amount > MaxAmount)
            {
                throw new ArgumentOutOfRangeException(nameof(amount), amount, $"A payment amount can be at most {Format(long.MaxValue)} (2^63-1 stroops).");
            }
            // Read the decimal's own digits (a 96-bit integer and a power of ten) rather than multiply: decimal
            // arithmetic rounds past 28 digits, which could make 1.00000000000000000000000001 look whole.
            int[] bits = decimal.GetBits(amount);
            var digits = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
            int scale = (bits[3] >> 16) & 0xFF;
            while (scale > Decimals && digits % 10 == 0)
            {
                digits /= 10;
                scale--;
            }
            if (scale > Decimals)
            {
                throw new ArgumentException($"The amount {amount.ToString(CultureInfo.InvariantCulture)} has more than {Decimals} decimal places; the blockchain counts in stroops (0.0000001) and PiPlatform does not round payments.", nameof(amount));
            }
            return (long)(digits * BigInteger.Pow(10, Decimals - scale));
        }

        /// <summary>The amount as the blockchain and Horizon write it: 7 decimals, a dot, no grouping ("1.5000000").</summary>
        public static string Format(long stroops) => ToAmount(stroops).ToString("F7", CultureInfo.InvariantCulture);

        /// <summary>The amount in Pi as a decimal (exact: every int64 of stroops fits).</summary>
        public static decimal ToAmount(long stroops) => stroops / (decimal)StroopsPerUnit;
    }
}
