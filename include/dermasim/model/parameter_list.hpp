// The model parameters, declared once. Each entry:
//   X(id, "dotted.name", "symbol", default, "engine unit", min, max, tag, "source", "meaning")
// Engine units: mm, day, cells/mm3, mg/mm3, ng/mL; "1" for dimensionless. Tags (MODEL.md):
// M measured in the cited study, P used in a published model, A assumed (reason given).
// The enum ParamId, the registry, scenario overrides, the results file and docs/parameters.md
// are all generated from this list, so a parameter exists everywhere or nowhere.
#pragma once

// clang-format off
#define DERMASIM_PARAMETERS(X) \
  X(fibroblast_baseline, "fibroblast.baseline_density", "F0", 5.0e3, "cells/mm3", 1.0e3, 1.0e4, A, \
    "histology range 1e3-1e4 cells/mm3; calibrated together with synthesis", \
    "resident fibroblast density of young adult dermis") \
  X(fibroblast_proliferation_rate, "fibroblast.proliferation_rate", "r_F", 0.6, "/day", 0.0, 5.0, P, \
    "0.832 /day Olsen 1995 J Theor Biol 177:113; Koppenol 2017 Biomech Model Mechanobiol 16:1149", \
    "maximal growth-factor-stimulated proliferation rate") \
  X(fibroblast_motility, "fibroblast.motility", "D_F", 8.6e-3, "mm2/day", 0.0, 1.0, M, \
    "~1e-9 cm2/s random motility of dermal fibroblasts", \
    "random motility (diffusion coefficient) of fibroblasts and myofibroblasts")
// clang-format on
