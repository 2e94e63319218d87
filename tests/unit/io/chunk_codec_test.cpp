// shuffle_deflate: its output is a standard zlib stream of the shuffled bytes (what HDF5's
// shuffle + deflate filters decode), whatever mix of stored and compressed planes it chose.
#include "dermasim/io/chunk_codec.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cmath>
#include <cstring>
#include <random>

namespace dermasim::io {
namespace {

std::vector<float> decode(const std::vector<unsigned char>& encoded, std::size_t n) {
  std::vector<unsigned char> shuffled(n * sizeof(float));
  uLongf size = shuffled.size();
  EXPECT_EQ(uncompress(shuffled.data(), &size, encoded.data(), encoded.size()), Z_OK);
  EXPECT_EQ(size, shuffled.size());
  std::vector<float> values(n);
  auto* bytes = reinterpret_cast<unsigned char*>(values.data());
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t p = 0; p < sizeof(float); ++p) bytes[i * 4 + p] = shuffled[p * n + i];
  }
  return values;
}

TEST(ChunkCodec, NoisyDataRoundTripsThroughStandardInflate) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> noise(0.0f, 1e-3f);
  std::vector<float> values(40000);
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = 0.25f + 0.1f * std::sin(0.01f * static_cast<float>(i)) + noise(rng);
  }
  const std::vector<unsigned char> encoded = shuffle_deflate(values, 1);
  const std::vector<float> decoded = decode(encoded, values.size());
  EXPECT_EQ(std::memcmp(decoded.data(), values.data(), values.size() * sizeof(float)), 0);
  // The exponent and high mantissa planes compress even when the low ones are noise.
  EXPECT_LT(encoded.size(), values.size() * sizeof(float) * 3 / 4);
}

TEST(ChunkCodec, ConstantDataCompressesToAlmostNothing) {
  const std::vector<float> values(40000, 5000.0f);
  const std::vector<unsigned char> encoded = shuffle_deflate(values, 1);
  EXPECT_EQ(decode(encoded, values.size()), values);
  EXPECT_LT(encoded.size(), 1000u);
}

TEST(ChunkCodec, EmptyChunkIsAValidStream) {
  const std::vector<unsigned char> encoded = shuffle_deflate({}, 1);
  EXPECT_TRUE(decode(encoded, 0).empty());
}

TEST(ChunkCodec, Adler32IsZlibs) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> byte(0, 255);
  // Lengths around the 32-byte groups and 4096-byte blocks; all 0xff is the largest sum.
  for (const std::size_t n :
       {0ul, 1ul, 31ul, 32ul, 33ul, 4095ul, 4096ul, 4097ul, 5552ul, 5553ul, 100000ul, 180001ul}) {
    std::vector<unsigned char> random(n), saturated(n, 0xff);
    for (unsigned char& b : random) b = static_cast<unsigned char>(byte(rng));
    for (const auto* bytes : {&random, &saturated}) {
      const uLong expected = ::adler32(1, bytes->data(), static_cast<uInt>(bytes->size()));
      EXPECT_EQ(adler32(*bytes), expected) << n << " bytes";
    }
  }
}

TEST(ChunkCodec, HeaderAndTrailerAreZlibs) {
  // Around the raw deflate data: the header zlib writes for this window and strategy, and the
  // Adler-32 of the shuffled bytes, big-endian, which standard inflate verifies.
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> noise(0.0f, 1.0f);
  std::vector<float> values(30000);
  for (float& v : values) v = 1.0f + noise(rng);  // exponent planes compress, mantissa does not
  const std::vector<unsigned char> encoded = shuffle_deflate(values, 1);
  const std::vector<float> decoded = decode(encoded, values.size());
  EXPECT_EQ(std::memcmp(decoded.data(), values.data(), values.size() * sizeof(float)), 0);
  ASSERT_GE(encoded.size(), 6u);
  EXPECT_EQ(encoded[0], 0x78);
  EXPECT_EQ(encoded[1], 0x01);
  std::vector<unsigned char> shuffled(values.size() * sizeof(float));
  uLongf size = shuffled.size();
  ASSERT_EQ(uncompress(shuffled.data(), &size, encoded.data(), encoded.size()), Z_OK);
  const uLong checksum = ::adler32(1, shuffled.data(), static_cast<uInt>(shuffled.size()));
  const std::size_t end = encoded.size();
  EXPECT_EQ((uLong{encoded[end - 4]} << 24) | (uLong{encoded[end - 3]} << 16) |
                (uLong{encoded[end - 2]} << 8) | encoded[end - 1],
            checksum);
}

}  // namespace
}  // namespace dermasim::io
