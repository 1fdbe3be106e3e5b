namespace PiPlatform.Stellar
{
    /// <summary>
    /// CRC-16/XMODEM (polynomial x^16 + x^12 + x^5 + 1, initial value 0, no reflection): the checksum SEP-23 puts at
    /// the end of every StrKey, so that a mistyped or truncated address is caught before money moves.
    /// </summary>
    internal static class Crc16
    {
        private const int Polynomial = 0x1021;

        public static ushort Compute(byte[] data, int offset, int count)
        {
            int crc = 0;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i] << 8;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 0x8000) != 0 ? (crc << 1) ^ Polynomial : crc << 1;
                }
            }
            return (ushort)crc;
        }
    }
}
