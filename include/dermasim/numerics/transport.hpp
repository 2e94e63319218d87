// Transport operator: chemotaxis (explicit, sub-stepped) followed by implicit diffusion of every
// diffusing field. Which fields diffuse, with which per-layer coefficients, and which follow
// which attractant is the model's choice, passed in as specs.
#pragma once
#include <memory>
#include <vector>

#include "dermasim/numerics/chemotaxis.hpp"
#include "dermasim/numerics/diffusion.hpp"
#include "dermasim/numerics/operator.hpp"

namespace dermasim {

struct DiffusionSpec {
  int field;                        ///< index in the FieldSet
  std::vector<double> diffusivity;  ///< per z row, mm^2/day
};

struct ChemotaxisSpec {
  std::vector<int> fields;          ///< densities that follow the attractant
  int attractant;                   ///< index of the attractant field
  std::vector<double> sensitivity;  ///< chi per z row, mm^2/(day * attractant unit)
};

class TransportOperator : public Operator {
 public:
  /// Both solvers run on `threads` threads.
  TransportOperator(const Grid& grid, std::vector<DiffusionSpec> diffusion,
                    std::vector<ChemotaxisSpec> chemotaxis, Threads threads);
  void advance(FieldSet& state, double t, double dt) override;

 private:
  struct DiffusingField {
    int field;
    std::unique_ptr<DiffusionSolver> solver;
  };
  struct ChemotacticGroup {
    std::vector<int> fields;
    int attractant;
    std::unique_ptr<ChemotaxisSolver> solver;
  };
  std::vector<DiffusingField> diffusing_;
  std::vector<ChemotacticGroup> chemotactic_;
  Threads threads_;
};

}  // namespace dermasim
