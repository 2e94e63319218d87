// Needle tracks (and acne foci, which share the geometry) placed by a seeded pattern and
// resolved on the grid as volume fractions.
//
// A column reaches from the surface to `depth` with `radius`: in 3D a cylinder around a point
// (x, y) of the surface plane; in 2D a sheet of width 2 radius across the section at x
// (2D line density per mm is the square root of the areal density; the engine's sessions use
// the areal expectation below in 2D, discrete sheets remain for acne foci). Patterns:
//   jittered lattice: spacing s = 1/sqrt(n), random offset, each site moved by up to s/4 per axis;
//   random: round(n * area) (3D) or round(sqrt(n) * width) (2D) uniform positions.
// A cell's covered fraction is the exact overlap in 2D and in depth; in 3D the disk-square
// overlap is sampled on a sub-grid and renormalised to the exact disk area (pi r^2) when the
// disk lies inside the domain, so a track narrower than the spacing is deposited as its volume
// fraction, never dropped. Overlapping tracks combine as a union, 1 - prod(1 - f).
#pragma once
#include <span>
#include <vector>

#include "dermasim/core/grid.hpp"
#include "dermasim/core/rng.hpp"
#include "dermasim/model/specs.hpp"

namespace dermasim::model {

struct Column {
  double x = 0.0, y = 0.0;  ///< mm (y unused in 2D)
  double depth = 0.0;       ///< mm below the surface
  double radius = 0.0;      ///< mm
};

/// Columns at `areal_density` (per mm^2) over the grid's surface.
std::vector<Column> place_columns(const Grid& grid, double areal_density, double depth,
                                  double radius, TrackPattern pattern, Rng& rng);

/// Adds the columns to `fraction` (grid.cells() values in [0, 1]) as a union.
void add_columns(const Grid& grid, std::span<const Column> columns, std::vector<double>& fraction);

/// Adds a ball of `radius` centred at (x, y, z) (2D: a disk in the x-z plane) as a union.
void add_ball(const Grid& grid, double x, double y, double z, double radius,
              std::vector<double>& fraction);

// A 2D section stands for the tissue around it, not for one plane through a few needle sheets:
// it receives the areal expectation of the 3D pattern. At depth z, a fraction a(z) of the
// skin's surface area lies over an injured point, where a is the covered share of the plane
// by disks of the local radius r(z) at areal density n:
//   jittered lattice (disks do not overlap while 2 r < s/2):  a = min(1, n pi r^2)
//   random (a Poisson pattern, overlaps united):              a = 1 - exp(-n pi r^2)
// Every column of the section then carries a(z) in each row (averaged over the row), so the
// expected injured volume per unit area equals the 3D block's, and no needle-placement seed
// enters a 2D run.

/// Areal share of the plane covered by disks of `radius` at `areal_density` (per mm^2).
double covered_share(double areal_density, double radius, TrackPattern pattern);

/// Adds, as a union, the areal expectation of columns from the surface to `depth` to every
/// column of a 2D grid.
void add_expected_columns(const Grid& grid, double areal_density, double depth, double radius,
                          TrackPattern pattern, std::vector<double>& fraction);

/// Adds, as a union, the areal expectation of balls of `radius` centred at depth `z` (one per
/// column, at `areal_density`) to every column of a 2D grid: at depth z' a ball covers a disk
/// of radius sqrt(radius^2 - (z' - z)^2).
void add_expected_balls(const Grid& grid, double areal_density, double z, double radius,
                        TrackPattern pattern, std::vector<double>& fraction);

}  // namespace dermasim::model
