// Column placement and grid deposition of needle tracks and acne foci (see tracks.hpp).
#include "dermasim/model/tracks.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "dermasim/core/error.hpp"

namespace dermasim::model {
namespace {

// Sub-samples per cell and axis for shapes without a closed-form cell overlap.
constexpr int kSub = 8;
// Lattice jitter as a fraction of the spacing (each way): breaks the regularity of real stamping
// without letting neighbours coincide.
constexpr double kJitter = 0.25;

double overlap(double a0, double a1, double b0, double b1) {
  return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
}

void unite(double& f, double add) {
  f = 1.0 - (1.0 - f) * (1.0 - std::min(add, 1.0));
}

// Lateral positions shifted by the period so that a shape near a periodic edge wraps around.
std::vector<double> images(double v, double period, bool periodic) {
  if (!periodic) return {v};
  return {v - period, v, v + period};
}

// Depth fraction of row k covered by [0, depth].
double row_fraction(const Grid& g, int k, double depth) {
  const double h = g.spacing();
  return overlap(0.0, depth, k * h, (k + 1) * h) / h;
}

// Adds to `plane` (one value per (i, j)) the fraction of each cell covered by a disk, rescaled
// to the exact disk area when the disk lies inside the domain.
void disk_plane(const Grid& g, double cx, double cy, double r, std::vector<double>& plane) {
  const double h = g.spacing();
  const bool periodic = g.lateral_boundary() == LateralBoundary::kPeriodic;
  double sampled = 0.0;
  std::vector<std::pair<std::size_t, double>> hits;
  for (double px : images(cx, g.width(), periodic)) {
    for (double py : images(cy, g.breadth(), periodic)) {
      const int i0 = std::max(0, static_cast<int>(std::floor((px - r) / h)));
      const int i1 = std::min(g.nx() - 1, static_cast<int>(std::floor((px + r) / h)));
      const int j0 = std::max(0, static_cast<int>(std::floor((py - r) / h)));
      const int j1 = std::min(g.ny() - 1, static_cast<int>(std::floor((py + r) / h)));
      for (int j = j0; j <= j1; ++j) {
        for (int i = i0; i <= i1; ++i) {
          int count = 0;
          for (int b = 0; b < kSub; ++b) {
            const double sy = (j + (b + 0.5) / kSub) * h - py;
            for (int a = 0; a < kSub; ++a) {
              const double sx = (i + (a + 0.5) / kSub) * h - px;
              count += sx * sx + sy * sy <= r * r ? 1 : 0;
            }
          }
          if (count == 0) continue;
          const double f = static_cast<double>(count) / (kSub * kSub);
          hits.emplace_back(static_cast<std::size_t>(j) * g.nx() + i, f);
          sampled += f;
        }
      }
    }
  }
  const bool interior =
      periodic || (cx - r >= 0.0 && cx + r <= g.width() && cy - r >= 0.0 && cy + r <= g.breadth());
  const double exact = std::numbers::pi * r * r / (h * h);
  if (interior && sampled == 0.0) {
    // Narrower than the sub-sampling: the whole disk goes to the cell holding its centre.
    const int i = std::clamp(static_cast<int>(cx / h), 0, g.nx() - 1);
    const int j = std::clamp(static_cast<int>(cy / h), 0, g.ny() - 1);
    hits.emplace_back(static_cast<std::size_t>(j) * g.nx() + i, exact);
    sampled = exact;
  }
  const double scale = interior ? exact / sampled : 1.0;
  for (const auto& [c, f] : hits) plane[c] += f * scale;
}

}  // namespace

std::vector<Column> place_columns(const Grid& grid, double areal_density, double depth,
                                  double radius, TrackPattern pattern, Rng& rng) {
  std::vector<Column> out;
  if (!(areal_density > 0.0)) return out;
  const bool volumetric = grid.dimensions() == 3;
  const double width = grid.width();
  const double breadth = volumetric ? grid.breadth() : 0.0;
  const double s = 1.0 / std::sqrt(areal_density);
  if (pattern == TrackPattern::kRandom) {
    const long n =
        volumetric ? std::lround(areal_density * width * breadth) : std::lround(width / s);
    for (long m = 0; m < n; ++m) {
      const double x = rng.uniform(0.0, width);
      const double y = volumetric ? rng.uniform(0.0, breadth) : 0.5 * grid.breadth();
      out.push_back({x, y, depth, radius});
    }
    return out;
  }
  const double ox = rng.uniform(0.0, s);
  const double oy = volumetric ? rng.uniform(0.0, s) : 0.0;
  const int nx = static_cast<int>(std::ceil(width / s)) + 1;
  const int ny = volumetric ? static_cast<int>(std::ceil(breadth / s)) + 1 : 1;
  for (int b = 0; b < ny; ++b) {
    for (int a = 0; a < nx; ++a) {
      // Draw the jitter for every lattice site, kept or not, so the stream does not depend on
      // which sites fall inside the domain.
      const double jx = rng.uniform(-kJitter, kJitter) * s;
      const double jy = volumetric ? rng.uniform(-kJitter, kJitter) * s : 0.0;
      const double x = ox + a * s + jx;
      const double y = volumetric ? oy + b * s + jy : 0.5 * grid.breadth();
      if (x < 0.0 || x >= width || (volumetric && (y < 0.0 || y >= breadth))) continue;
      out.push_back({x, y, depth, radius});
    }
  }
  return out;
}

void add_columns(const Grid& g, std::span<const Column> columns, std::vector<double>& fraction) {
  const double h = g.spacing();
  const bool periodic = g.lateral_boundary() == LateralBoundary::kPeriodic;
  std::vector<double> plane(g.cells_per_row());
  for (const Column& col : columns) {
    std::fill(plane.begin(), plane.end(), 0.0);
    if (g.dimensions() == 3) {
      disk_plane(g, col.x, col.y, col.radius, plane);
    } else {
      for (double px : images(col.x, g.width(), periodic)) {
        const int i0 = std::max(0, static_cast<int>(std::floor((px - col.radius) / h)));
        const int i1 = std::min(g.nx() - 1, static_cast<int>(std::floor((px + col.radius) / h)));
        for (int i = i0; i <= i1; ++i) {
          plane[i] += overlap(px - col.radius, px + col.radius, i * h, (i + 1) * h) / h;
        }
      }
    }
    for (int k = 0; k < g.nz(); ++k) {
      const double zf = row_fraction(g, k, col.depth);
      if (zf <= 0.0) break;
      for (std::size_t p = 0; p < plane.size(); ++p) {
        if (plane[p] > 0.0) unite(fraction[k * g.cells_per_row() + p], plane[p] * zf);
      }
    }
  }
}

void add_ball(const Grid& g, double x, double y, double z, double radius,
              std::vector<double>& fraction) {
  const double h = g.spacing();
  const bool volumetric = g.dimensions() == 3;
  const bool periodic = g.lateral_boundary() == LateralBoundary::kPeriodic;
  const int k0 = std::max(0, static_cast<int>(std::floor((z - radius) / h)));
  const int k1 = std::min(g.nz() - 1, static_cast<int>(std::floor((z + radius) / h)));
  // Sample every cell of the bounding box on a kSub^d sub-grid.
  std::vector<std::pair<std::size_t, double>> hits;
  double sampled = 0.0;
  for (double px : images(x, g.width(), periodic)) {
    for (double py : volumetric ? images(y, g.breadth(), periodic) : std::vector<double>{y}) {
      const int i0 = std::max(0, static_cast<int>(std::floor((px - radius) / h)));
      const int i1 = std::min(g.nx() - 1, static_cast<int>(std::floor((px + radius) / h)));
      const int j0 = volumetric ? std::max(0, static_cast<int>(std::floor((py - radius) / h))) : 0;
      const int j1 =
          volumetric ? std::min(g.ny() - 1, static_cast<int>(std::floor((py + radius) / h))) : 0;
      const int sub_y = volumetric ? kSub : 1;
      for (int k = k0; k <= k1; ++k) {
        for (int j = j0; j <= j1; ++j) {
          for (int i = i0; i <= i1; ++i) {
            int count = 0;
            for (int c = 0; c < kSub; ++c) {
              const double sz = (k + (c + 0.5) / kSub) * h - z;
              for (int b = 0; b < sub_y; ++b) {
                const double sy = volumetric ? (j + (b + 0.5) / kSub) * h - py : 0.0;
                for (int a = 0; a < kSub; ++a) {
                  const double sx = (i + (a + 0.5) / kSub) * h - px;
                  count += sx * sx + sy * sy + sz * sz <= radius * radius ? 1 : 0;
                }
              }
            }
            if (count == 0) continue;
            const double f = static_cast<double>(count) / (kSub * kSub * sub_y);
            hits.emplace_back(g.index(i, j, k), f);
            sampled += f;
          }
        }
      }
    }
  }
  const bool lateral_inside =
      periodic || (x - radius >= 0.0 && x + radius <= g.width() &&
                   (!volumetric || (y - radius >= 0.0 && y + radius <= g.breadth())));
  const bool interior = lateral_inside && z - radius >= 0.0 && z + radius <= g.depth();
  const double exact = volumetric
                           ? 4.0 / 3.0 * std::numbers::pi * radius * radius * radius / (h * h * h)
                           : std::numbers::pi * radius * radius / (h * h);
  if (interior && sampled == 0.0 && radius > 0.0) {
    const int i = std::clamp(static_cast<int>(x / h), 0, g.nx() - 1);
    const int j = volumetric ? std::clamp(static_cast<int>(y / h), 0, g.ny() - 1) : 0;
    const int k = std::clamp(static_cast<int>(z / h), 0, g.nz() - 1);
    hits.emplace_back(g.index(i, j, k), exact);
    sampled = exact;
  }
  const double scale = interior && sampled > 0.0 ? exact / sampled : 1.0;
  for (const auto& [c, f] : hits) unite(fraction[c], f * scale);
}

double covered_share(double areal_density, double radius, TrackPattern pattern) {
  const double mean_cover = areal_density * std::numbers::pi * radius * radius;
  if (!(mean_cover > 0.0)) return 0.0;
  switch (pattern) {
    case TrackPattern::kJitteredLattice:
      return std::min(1.0, mean_cover);
    case TrackPattern::kRandom:
      return -std::expm1(-mean_cover);
  }
  DERMASIM_UNREACHABLE();
}

void add_expected_columns(const Grid& g, double areal_density, double depth, double radius,
                          TrackPattern pattern, std::vector<double>& fraction) {
  const double share = covered_share(areal_density, radius, pattern);
  const std::size_t per_row = g.cells_per_row();
  for (int k = 0; k < g.nz(); ++k) {
    const double f = share * row_fraction(g, k, depth);
    if (f <= 0.0) break;
    for (std::size_t p = 0; p < per_row; ++p) unite(fraction[k * per_row + p], f);
  }
}

void add_expected_balls(const Grid& g, double areal_density, double z, double radius,
                        TrackPattern pattern, std::vector<double>& fraction) {
  const double h = g.spacing();
  const std::size_t per_row = g.cells_per_row();
  const int k0 = std::max(0, static_cast<int>(std::floor((z - radius) / h)));
  const int k1 = std::min(g.nz() - 1, static_cast<int>(std::floor((z + radius) / h)));
  for (int k = k0; k <= k1; ++k) {
    // Row average of the covered share, sampled at kSub depths across the row.
    double f = 0.0;
    for (int c = 0; c < kSub; ++c) {
      const double dz = (k + (c + 0.5) / kSub) * h - z;
      const double r2 = radius * radius - dz * dz;
      if (r2 > 0.0) f += covered_share(areal_density, std::sqrt(r2), pattern);
    }
    f /= kSub;
    if (f <= 0.0) continue;
    for (std::size_t p = 0; p < per_row; ++p) unite(fraction[k * per_row + p], f);
  }
}

}  // namespace dermasim::model
