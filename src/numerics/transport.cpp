// Transport = chemotaxis of each group in its (frozen) attractant, then implicit diffusion of
// every diffusing field (first-order Lie composition inside the Strang step; both parts are
// first order in time anyway, see docs/numerics.md).
#include "dermasim/numerics/transport.hpp"

#include "dermasim/core/error.hpp"

namespace dermasim {

TransportOperator::TransportOperator(const Grid& grid, std::vector<DiffusionSpec> diffusion,
                                     std::vector<ChemotaxisSpec> chemotaxis, Threads threads)
    : threads_(threads) {
  for (auto& spec : diffusion) {
    diffusing_.push_back({spec.field, std::make_unique<DiffusionSolver>(
                                          grid, std::move(spec.diffusivity), threads)});
  }
  for (auto& spec : chemotaxis) {
    chemotactic_.push_back(
        {std::move(spec.fields), spec.attractant,
         std::make_unique<ChemotaxisSolver>(grid, std::move(spec.sensitivity), threads)});
  }
}

void TransportOperator::advance(FieldSet& state, double /*t*/, double dt) {
  for (auto& group : chemotactic_) {
    std::vector<double*> densities;
    for (int f : group.fields) densities.push_back(state[f].data());
    group.solver->advance(densities, state[group.attractant].data(), dt);
  }
  std::vector<DiffusionSolver*> solvers;
  std::vector<double*> fields;
  for (auto& d : diffusing_) {
    solvers.push_back(d.solver.get());
    fields.push_back(state[d.field].data());
  }
  DiffusionSolver::advance(threads_, solvers, fields, dt);
}

}  // namespace dermasim
