// Shuffle + adaptive deflate of float32 chunks (see chunk_codec.hpp for why).
#include "dermasim/io/chunk_codec.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "dermasim/core/error.hpp"

namespace dermasim::io {
namespace {

constexpr std::size_t kBytes = sizeof(float);
static_assert(kBytes == 4);

// Above this many bits per byte a plane is stored: deflate would save under ~3 % of it.
constexpr double kStoreEntropyBits = 7.7;

// Bytes of a plane between two that its entropy is sampled from. A 300 x 150 chunk still gives
// 5,625 samples, whose plug-in entropy falls short of the plane's by at most about 0.03 bits per
// byte (the bias (256 - 1) / (2 N ln 2)), well inside the 7.7 threshold's margin, for an eighth
// of the histogram's reads; counting every byte took 3 % of the standard preset's run.
constexpr std::size_t kSampleStride = 8;

double entropy_bits(const unsigned char* plane, std::size_t n) {
  // Four histograms filled in turn and summed: with one, a run of equal bytes (the exponent
  // and zero planes are mostly that) makes every increment wait for the store of the last.
  constexpr std::size_t kWays = 4;
  constexpr std::size_t kSpan = kWays * kSampleStride;
  std::array<std::array<std::uint32_t, 256>, kWays> partial{};
  std::size_t i = 0;
  for (; i + kSpan <= n; i += kSpan) {
    for (std::size_t w = 0; w < kWays; ++w) ++partial[w][plane[i + w * kSampleStride]];
  }
  for (; i < n; i += kSampleStride) ++partial[0][plane[i]];
  std::array<std::size_t, 256> counts{};
  std::size_t samples = 0;
  for (std::size_t b = 0; b < counts.size(); ++b) {
    for (std::size_t w = 0; w < kWays; ++w) counts[b] += partial[w][b];
    samples += counts[b];
  }
  double bits = 0.0;
  for (const std::size_t c : counts) {
    if (c == 0) continue;
    const double p = static_cast<double>(c) / static_cast<double>(samples);
    bits -= p * std::log2(p);
  }
  return bits;
}

void check_zlib(int status, const char* what) {
  if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
    throw Error(std::string("zlib failed to ") + what + " a snapshot chunk (status " +
                std::to_string(status) + ")");
  }
}

// Deflate's matcher looks for repeated strings; what the compressible planes of a snapshot
// repeat is one byte (the exponent of a field at rest, the zero high bytes of a field that is
// zero outside the injured columns), which run-length matching finds without the string search.
// On the standard preset's 58 snapshots of 16 fields it gave half the bytes of the default
// strategy (0.58 against 1.20 MB) and was smaller on every chunk.
constexpr int kStrategy = Z_RLE;

// Owns a deflate stream so it is released on every path.
struct Deflater {
  z_stream stream{};
  explicit Deflater(int level) {
    check_zlib(deflateInit2(&stream, level, Z_DEFLATED, MAX_WBITS, 8, kStrategy), "start");
  }
  ~Deflater() { deflateEnd(&stream); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
};

}  // namespace

std::vector<unsigned char> shuffle_deflate(std::span<const float> values, int level) {
  const std::size_t n = values.size();
  std::vector<unsigned char> shuffled(n * kBytes);
  const auto* bytes = reinterpret_cast<const unsigned char*>(values.data());
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t p = 0; p < kBytes; ++p) shuffled[p * n + i] = bytes[i * kBytes + p];
  }

  std::array<int, kBytes> plane_level{};
  for (std::size_t p = 0; p < kBytes; ++p) {
    plane_level[p] = entropy_bits(shuffled.data() + p * n, n) > kStoreEntropyBits ? 0 : level;
  }

  Deflater deflater(plane_level[0]);
  z_stream& z = deflater.stream;
  // Stored blocks and level switches cost a few bytes each; compressBound covers the rest.
  std::vector<unsigned char> out(compressBound(static_cast<uLong>(shuffled.size())) + 1024);
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  int current = plane_level[0];
  for (std::size_t p = 0; p < kBytes; ++p) {
    if (plane_level[p] != current) {
      // Flushes the input so far at the old level, then continues the same stream.
      check_zlib(deflate(&z, Z_BLOCK), "flush");
      check_zlib(deflateParams(&z, plane_level[p], kStrategy), "switch level in");
      current = plane_level[p];
    }
    z.next_in = shuffled.data() + p * n;
    z.avail_in = static_cast<uInt>(n);
    const int flush = p + 1 == kBytes ? Z_FINISH : Z_NO_FLUSH;
    const int status = deflate(&z, flush);
    check_zlib(status, "deflate");
    if (z.avail_in != 0 || (flush == Z_FINISH && status != Z_STREAM_END)) {
      throw Error("zlib ran out of room compressing a snapshot chunk");
    }
  }
  out.resize(z.total_out);
  return out;
}

void append_fletcher32(std::vector<unsigned char>& chunk) {
  std::uint32_t low = 0, high = 0;
  const std::size_t words = chunk.size() / 2;
  // 360 words is the most that can be summed before a 32-bit sum could overflow.
  for (std::size_t first = 0; first < words; first += 360) {
    const std::size_t last = std::min(words, first + 360);
    for (std::size_t w = first; w < last; ++w) {
      low += (std::uint32_t{chunk[2 * w]} << 8) | chunk[2 * w + 1];
      high += low;
    }
    low = (low & 0xffff) + (low >> 16);
    high = (high & 0xffff) + (high >> 16);
  }
  if (chunk.size() % 2 != 0) {
    low += std::uint32_t{chunk.back()} << 8;
    high += low;
    low = (low & 0xffff) + (low >> 16);
    high = (high & 0xffff) + (high >> 16);
  }
  low = (low & 0xffff) + (low >> 16);
  high = (high & 0xffff) + (high >> 16);
  const std::uint32_t sum = (high << 16) | low;
  for (int b = 0; b < 4; ++b) chunk.push_back(static_cast<unsigned char>(sum >> (8 * b)));
}

}  // namespace dermasim::io
