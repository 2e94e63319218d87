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

// Owns a raw deflate stream (no zlib header or trailer: shuffle_deflate writes them) so it is
// released on every path.
struct Deflater {
  z_stream stream{};
  explicit Deflater(int level) {
    check_zlib(deflateInit2(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, kStrategy), "start");
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
  // The zlib header zlib itself writes for a 32 KiB window with Z_RLE, whatever the level
  // (RFC 1950: CM = 8, CINFO = 7, FLEVEL = 0, and FCHECK making the pair a multiple of 31).
  static_assert(kStrategy >= Z_HUFFMAN_ONLY, "zlib's FLEVEL is 0 only for these strategies");
  constexpr std::array<unsigned char, 2> kHeader{0x78, 0x01};
  static_assert((kHeader[0] * 256 + kHeader[1]) % 31 == 0);
  std::copy(kHeader.begin(), kHeader.end(), out.begin());
  z.next_out = out.data() + kHeader.size();
  z.avail_out = static_cast<uInt>(out.size() - kHeader.size() - 4);
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
  out.resize(kHeader.size() + z.total_out);
  const std::uint32_t checksum = adler32(shuffled);
  for (int b = 3; b >= 0; --b) out.push_back(static_cast<unsigned char>(checksum >> (8 * b)));
  return out;
}

std::uint32_t adler32(std::span<const unsigned char> bytes) {
  // Over a block of n bytes from sums (a, b), a grows by the block's sum and b by n a plus the
  // sum of (n - k) byte_k: sums of bytes with fixed weights, which vectorise. In 32-byte
  // groups, the weights are 32 .. 1 and the group's start a enters b 32 times. 4096 bytes
  // keep every partial sum below 2^32 (255 * 4096 * 4097 / 2 < 2^31).
  constexpr std::uint32_t kModulus = 65521;
  constexpr std::size_t kGroup = 32;
  constexpr std::size_t kBlock = 4096;
  std::uint32_t a = 1, b = 0;
  const unsigned char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const std::size_t n = std::min(left, kBlock);
    const std::size_t groups = n / kGroup;
    std::uint32_t sum = 0, weighted = 0;
    for (std::size_t g = 0; g < groups; ++g) {
      std::uint32_t group_sum = 0, group_weighted = 0;
      for (std::size_t k = 0; k < kGroup; ++k) {
        group_sum += p[g * kGroup + k];
        group_weighted += static_cast<std::uint32_t>(kGroup - k) * p[g * kGroup + k];
      }
      weighted += static_cast<std::uint32_t>(kGroup) * sum + group_weighted;
      sum += group_sum;
    }
    for (std::size_t k = groups * kGroup; k < n; ++k) {
      sum += p[k];
      weighted += sum;
    }
    // The tail loop adds the running sum per byte, the groups their weighted sums; both are
    // the sum over the block of (bytes up to and including k).
    b = static_cast<std::uint32_t>((b + static_cast<std::uint64_t>(n) * a + weighted) % kModulus);
    a = (a + sum) % kModulus;
    p += n;
    left -= n;
  }
  return (b << 16) | a;
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
