// The model parameters, declared once. Each entry:
//   X(id, "dotted.name", "symbol", default, "engine unit", min, max, tag, "source", "meaning")
// Engine units: mm, day, cells/mm3, mg/mm3, ng/mL; "1" for dimensionless. Tags (docs/model.md):
// M measured in the cited study, P used in a published model, A assumed (reason given).
// The RF module's thermal constants keep SI units (s, W, J, K) because the bioheat problem is
// solved on its own sub-second time scale (model/rf.hpp); their units are declared here.
// The enum ParamId, the registry, scenario overrides, the results file and docs/parameters.md
// are all generated from this list, so a parameter exists everywhere or nowhere.
// Values marked "calibrated" were set against the validation targets (docs/validation.md).
#pragma once

// clang-format off
#define DERMASIM_PARAMETERS(X) \
  /* ---- fibroblasts (equation 4) ---- */ \
  X(fibroblast_baseline, "fibroblast.baseline_density", "F0", 5.0e3, "cells/mm3", 1.0e3, 1.0e4, A, \
    "histology range 1e3-1e4 cells/mm3; calibrated together with synthesis", \
    "resident fibroblast density of young adult dermis") \
  X(fibroblast_proliferation_rate, "fibroblast.proliferation_rate", "r_F", 0.6, "/day", 0.0, 5.0, P, \
    "0.832 /day Olsen 1995 J Theor Biol 177:113; Koppenol 2017 Biomech Model Mechanobiol 16:1149", \
    "maximal growth-factor-stimulated proliferation rate") \
  X(fibroblast_motility, "fibroblast.motility", "D_F", 8.6e-3, "mm2/day", 0.0, 1.0, M, \
    "~1e-9 cm2/s random motility of dermal fibroblasts", \
    "random motility (diffusion coefficient) of fibroblasts and myofibroblasts") \
  X(fibroblast_capacity_factor, "fibroblast.capacity_factor", "F_cap/F0", 4.0, "1", 1.5, 10.0, A, \
    "granulation tissue holds 2-5x the resting fibroblast density", \
    "carrying capacity of fibroblasts plus myofibroblasts, in units of F0") \
  X(fibroblast_chemotaxis, "fibroblast.chemotaxis", "chi_F", 2.4e-3, "mm2/(day*ng/mL)", 0.0, 0.1, A, \
    "drift 10 um/h (0.24 mm/day) in a wound gradient of ~100 ng/mL per mm (design range: 5-20 um/h)", \
    "chemotactic sensitivity of (myo)fibroblasts to the growth factor gradient") \
  X(fibroblast_return_rate, "fibroblast.return_rate", "delta_F", 0.08, "/day", 0.0, 1.0, P, \
    "0.05-0.12 /day, Jin 2011 BMC Syst Biol 5:60", \
    "rate at which fibroblasts in excess of F0 return to baseline (apoptosis, emigration)") \
  X(fibroblast_half_saturation, "fibroblast.growth_factor_half_saturation", "K_G", 0.5, "ng/mL", 0.01, 10.0, A, \
    "0.5-1 ng/mL: TGF-beta/PDGF act on fibroblasts at ng/mL concentrations", \
    "growth factor level of half-maximal proliferation (also the MMP boost)") \
  X(fibroblast_hypodermis_factor, "fibroblast.hypodermis_factor", "F0_hyp/F0", 1.0, "1", 0.0, 1.0, A, \
    "septal fibroblasts treated like dermal ones: needles rarely reach the fat, and a lower value seals the layer off (no motility) and amplifies MMP there", \
    "resting fibroblast density of the hypodermis relative to the dermis") \
  /* ---- myofibroblasts (equation 5) ---- */ \
  X(myofibroblast_differentiation_rate, "myofibroblast.differentiation_rate", "k_FM", 0.05, "/day", 0.0, 2.0, A, \
    "0.05-0.2 /day; low end because micro-injuries close without contraction", \
    "maximal growth-factor-driven fibroblast to myofibroblast differentiation rate") \
  X(myofibroblast_half_saturation, "myofibroblast.growth_factor_half_saturation", "K_M", 3.0, "ng/mL", 0.01, 50.0, A, \
    "2-5 ng/mL: differentiation needs more TGF-beta than proliferation", \
    "growth factor level of half-maximal differentiation") \
  X(myofibroblast_reversion_rate, "myofibroblast.reversion_rate", "k_MF", 0.01, "/day", 0.0, 1.0, A, \
    "dedifferentiation is slow and partial compared with apoptosis (Hinz 2007 J Invest Dermatol 127:526)", \
    "rate at which myofibroblasts revert to fibroblasts") \
  X(myofibroblast_apoptosis_rate, "myofibroblast.apoptosis_rate", "delta_M", 0.06, "/day", 0.0, 1.0, P, \
    "Koppenol 2017; timing Desmouliere 1995 Am J Pathol 146:56", \
    "myofibroblast apoptosis rate in normal healing") \
  /* ---- growth factor (equation 3) ---- */ \
  X(growth_factor_diffusivity, "growth_factor.diffusivity", "D_G", 0.3, "mm2/day", 0.0, 10.0, P, \
    "~3e-3 cm2/day, Murphy 2012 Bull Math Biol 74:1143", \
    "diffusion coefficient of the lumped active growth factor") \
  X(growth_factor_decay_rate, "growth_factor.decay_rate", "k_G", 10.0, "/day", 0.1, 100.0, P, \
    "5-15 /day; 15 /day in Jin 2011", \
    "removal rate of active growth factor (binding, inactivation)") \
  X(growth_factor_inflammatory_secretion, "growth_factor.inflammatory_secretion", "s_GI", 80.0, "ng/mL/day", 0.0, 1.0e3, A, \
    "calibrated: an acute inflammatory peak (I = 1) sustains ~8 ng/mL (s_GI/k_G), within the 5-20 ng/mL of wound fluid", \
    "growth factor secretion by inflammatory cells per unit inflammation") \
  X(growth_factor_autocrine_secretion, "growth_factor.autocrine_secretion", "s_GF", 1.0e-3, "(ng/mL/day)/(cells/mm3)", 0.0, 1.0, A, \
    "loop gain s_GF*F0/(K_auto*k_G) = 0.1 keeps normal skin far below the bistable threshold (Olsen 1996)", \
    "maximal autocrine growth factor secretion per (myo)fibroblast") \
  X(growth_factor_autocrine_half_saturation, "growth_factor.autocrine_half_saturation", "K_auto", 5.0, "ng/mL", 0.01, 100.0, A, \
    "saturation of autocrine TGF-beta induction at a few ng/mL", \
    "growth factor level of half-maximal autocrine secretion") \
  X(growth_factor_myofibroblast_weight, "growth_factor.myofibroblast_weight", "eta_M", 1.0, "1", 0.0, 10.0, A, \
    "design value: myofibroblasts secrete like fibroblasts", \
    "autocrine secretion of a myofibroblast relative to a fibroblast") \
  X(growth_factor_platelet_bolus, "growth_factor.platelet_bolus", "G_bolus", 10.0, "ng/mL", 0.0, 200.0, M, \
    "5-20 ng/mL TGF-beta1 in wound fluid and serum", \
    "growth factor released by platelets where a track crosses vascular dermis") \
  X(prp_platelet_factor, "prp.platelet_factor", "kappa_PRP", 4.0, "1", 1.0, 10.0, M, \
    "3-5x platelet concentration of platelet-rich plasma", \
    "multiplier of the platelet bolus when PRP is applied") \
  /* ---- inflammation (equation 2) and PIH dose (equation 9) ---- */ \
  X(inflammation_diffusivity, "inflammation.diffusivity", "D_I", 1.0, "mm2/day", 0.0, 10.0, A, \
    "design value: lumped cytokine and leukocyte spreading", \
    "diffusion coefficient of the lumped inflammatory signal") \
  X(inflammation_decay_rate, "inflammation.decay_rate", "k_I", 0.8, "/day", 0.05, 10.0, A, \
    "0.7-1 /day; macrophage removal 0.6 /day in Jin 2011", \
    "resolution rate of inflammation") \
  X(inflammation_damage_secretion, "inflammation.damage_secretion", "s_I", 2.0, "/day", 0.0, 100.0, A, \
    "calibrated so that a needle track's inflammation peaks near 1 (the reference acute peak)", \
    "inflammation recruited per unit tissue damage") \
  X(inflammation_injury_bolus, "inflammation.injury_bolus", "I_bolus", 0.5, "1", 0.0, 5.0, A, \
    "immediate release of damage signals (DAMPs) and mast-cell mediators at puncture", \
    "inflammation added inside a needle track at the moment of injury") \
  X(pih_threshold, "pih.inflammation_threshold", "I_th", 0.0, "1", 0.0, 2.0, A, \
    "0 (was 0.3): a 2D section carries the areal expectation of the injury, so the dose must be linear in I to equal the mean dose of the 3D tracks it stands for; melanocyte priming carries the nonlinearity of repeated inflammation", \
    "epidermal inflammation above which the PIH dose accumulates") \
  X(pih_phototype_factor, "pih.phototype_factor", "beta_PIH", 0.5, "1", 0.0, 2.0, A, \
    "PIH incidence rises steeply with phototype (Davis & Callender 2010 J Clin Aesthet Dermatol 3:20)", \
    "PIH risk weight = exp(beta_PIH * (Fitzpatrick type - 3))") \
  X(acne_focus_density, "acne.focus_density", "n_acne", 0.25, "/mm2", 0.0, 10.0, A, \
    "a few inflamed lesions per cm2 in moderate active acne", \
    "areal density of inflammatory acne foci (2D: its square root per mm)") \
  X(acne_focus_radius, "acne.focus_radius", "r_acne", 0.15, "mm", 0.01, 2.0, A, \
    "size of an inflamed pilosebaceous unit", \
    "radius of an acne focus") \
  X(acne_inflammation_source, "acne.inflammation_source", "s_acne", 0.4, "/day", 0.0, 10.0, A, \
    "keeps a focus at about half the acute peak (s_acne/k_I)", \
    "inflammation source inside an active acne focus") \
  X(acne_focus_depth, "acne.focus_depth", "z_acne", 0.5, "mm", 0.05, 3.0, A, \
    "pilosebaceous units reach from the surface into the upper reticular dermis", \
    "depth to which an acne focus extends from the surface") \
  /* ---- MMP (equation 6) ---- */ \
  X(mmp_diffusivity, "mmp.diffusivity", "D_P", 0.3, "mm2/day", 0.0, 10.0, A, \
    "0.1-1 mm2/day", \
    "diffusion coefficient of collagenase activity") \
  X(mmp_decay_rate, "mmp.decay_rate", "k_P", 0.9, "/day", 0.01, 100.0, P, \
    "Jin 2011 BMC Syst Biol 5:60", \
    "MMP removal rate; s_P = k_P so that P = 1 at homeostasis") \
  X(mmp_inflammation_gain, "mmp.inflammation_gain", "a_PI", 2.0, "1", 0.0, 50.0, A, \
    "MMP-1/-9 rise severalfold in the inflammatory phase", \
    "relative MMP secretion boost per unit inflammation") \
  X(mmp_growth_factor_gain, "mmp.growth_factor_gain", "a_PG", 1.0, "1", 0.0, 50.0, A, \
    "activated fibroblasts secrete more MMP-1 during remodeling", \
    "maximal relative MMP secretion boost by growth factor") \
  /* ---- collagen (equations 7 and 8) ---- */ \
  X(collagen_baseline_papillary, "collagen.baseline_papillary", "Cbar_pap", 0.10, "mg/mm3", 0.01, 1.0, A, \
    "papillary dermis: loose thin fibrils, lower density than reticular (Koppenol 2017 uses 0.1)", \
    "resting collagen density of the papillary dermis") \
  X(collagen_baseline_reticular, "collagen.baseline_reticular", "Cbar_ret", 0.25, "mg/mm3", 0.01, 1.0, A, \
    "0.25 (0.1-0.3) from dermal dry-mass fractions", \
    "resting collagen density of the reticular dermis") \
  X(collagen_baseline_hypodermis, "collagen.baseline_hypodermis", "Cbar_hyp", 0.05, "mg/mm3", 0.0, 1.0, A, \
    "fibrous septa between fat lobules", \
    "resting collagen density of the hypodermis") \
  X(collagen_capacity_factor, "collagen.capacity_factor", "C_max/Cbar_ret", 2.0, "1", 1.05, 5.0, A, \
    "design value 1.5; applied to the reticular density for the whole dermis, so the loose papillary dermis can densify (target 7)", \
    "dermal collagen density at which synthesis stops, relative to the reticular baseline") \
  X(collagen_mature_turnover, "collagen.mature_turnover", "k_m", 1.3e-4, "/day", 0.0, 0.01, M, \
    "half-life ~15 years, Verzijl 2000 J Biol Chem 275:39027", \
    "degradation rate of mature collagen at homeostatic MMP (P = 1)") \
  X(collagen_aging_loss, "collagen.aging_loss", "k_age", 2.7e-5, "/day", 0.0, 1.0e-3, M, \
    "~1 %/year loss of skin collagen, Shuster 1975 Br J Dermatol 93:639", \
    "intrinsic mature collagen loss, applied only when skin.aging is on") \
  X(collagen_maturation_rate, "collagen.maturation_rate", "k_mat", 0.015, "/day", 1.0e-3, 1.0, A, \
    "0.01-0.02 /day: the I:III ratio normalises over 6-12 months", \
    "crosslinking (maturation) rate of immature collagen") \
  X(collagen_immature_degradation, "collagen.immature_degradation", "k_im", 0.01, "/day", 0.0, 1.0, A, \
    "0.01-0.03 /day: uncrosslinked collagen is readily cleaved", \
    "degradation rate of immature collagen at homeostatic MMP (P = 1)") \
  X(collagen_growth_factor_boost, "collagen.growth_factor_boost", "a_C", 15.0, "1", 0.0, 500.0, A, \
    "calibrated jointly with collagen.activation_boost against four trials' absolute values (Alam 2014 20 %/29 % at 3/6 months; Minh 2019 55 % with a third after the course; Lotfi 2013 papillary collagen +53 % in treated scars; Asif 2016 PRP ratio 1.36): the immediate boost while growth factor is present is small; most wound synthesis comes from the activated state that outlasts it (earlier values 350, 300, 150 made the gain appear during the course and stall after it)", \
    "maximal relative boost of collagen synthesis by growth factor") \
  X(collagen_maintenance_coupling, "collagen.maintenance_coupling", "omega", 1.0, "1", 0.0, 1.0, A, \
    "calibrated: atrophic scars persist for years untreated; 0 restores equation 7 without maintenance (docs/model.md)", \
    "share of resting synthesis that maintains the local matrix (scales with C/Cbar) rather than filling room") \
  X(collagen_half_saturation, "collagen.growth_factor_half_saturation", "K_C", 1.0, "ng/mL", 0.01, 50.0, A, \
    "TGF-beta raises collagen mRNA at ~1 ng/mL", \
    "growth factor level of half-maximal synthesis boost") \
  X(collagen_myofibroblast_weight, "collagen.myofibroblast_weight", "eta_C", 2.0, "1", 0.0, 20.0, A, \
    "design value: myofibroblasts are the more synthetic phenotype", \
    "collagen synthesis of a myofibroblast relative to a fibroblast") \
  /* ---- damage (equation 1) and needle injury ---- */ \
  X(damage_repair_dermis, "damage.repair_rate_dermis", "k_D_derm", 1.0, "/day", 0.01, 20.0, A, \
    "0.5-1 /day: dermal channels fill with provisional matrix within days", \
    "repair rate of dermal tissue damage") \
  X(damage_repair_epidermis, "damage.repair_rate_epidermis", "k_D_epi", 3.0, "/day", 0.1, 50.0, M, \
    "needle channels close in 12-18 h, Kalluri 2011 AAPS J 13:473", \
    "repair rate of epidermal damage") \
  X(injury_collagen_loss, "injury.collagen_loss", "f_C", 0.0, "1", 0.0, 1.0, A, \
    "a needle displaces and tears the matrix but removes almost none of it: the channel closes in 12-18 h (Kalluri 2011 AAPS J 13:473) and the torn fibres stay in place until the MMP surge after the session (equation 6) clears them, so no tissue volume is lost at the session (0.1 before: the surface then sank 0.01 mm for weeks after every session and showed a ripple of tracks); above 0 for devices that ablate", \
    "fraction of collagen lost inside a needle track") \
  X(injury_cell_loss, "injury.cell_loss", "f_F", 0.5, "1", 0.0, 1.0, A, \
    "cells in the needle path are crushed or displaced", \
    "fraction of (myo)fibroblasts lost inside a needle track") \
  /* ---- age (Varani 2006 Am J Pathol 168:1861, 80+ vs 18-29 y) ---- */ \
  X(age_fibroblast_loss, "age.fibroblast_loss", "a_F", 0.35, "1", 0.0, 0.9, M, \
    "about -35 % fibroblasts at 80+ vs 18-29 y, Varani 2006", \
    "fractional loss of resting fibroblast density from 25 to 85 years (linear)") \
  X(age_synthesis_loss, "age.synthesis_loss", "a_S", 0.70, "1", 0.0, 0.95, M, \
    "about -70 % procollagen synthesis at 80+ vs 18-29 y, Varani 2006", \
    "fractional loss of tissue collagen synthesis from 25 to 85 years (linear)") \
  X(age_dermis_thinning, "age.dermis_thinning", "a_T", 0.2, "1", 0.0, 0.6, A, \
    "dermal thickness falls ~6 %/decade after 60 (Shuster 1975); 20 % over 25-85 y", \
    "fractional thinning of the dermis from 25 to 85 years (linear)") \
  /* ---- skin surface (model/surface.hpp) ---- */ \
  X(surface_smoothing_length, "surface.smoothing_length", "l_s", 0.3, "mm", 0.02, 2.0, A, \
    "skin as a continuous sheet on a compliant foundation (Winkler; Hetenyi 1946; skin as a stiff layer on a soft substrate, Cerda & Mahadevan 2003 Phys Rev Lett 90:074302): about the epidermis plus papillary dermis (0.3 mm on the cheek), so that features of a scar's width (>= 1 mm) survive and the needle pattern (spacing 0.5-1 mm) does not show", \
    "length over which the skin surface spreads a local volume change below it") \
  X(surface_excess_volume_share, "surface.excess_volume_share", "epsilon_V", 0.3, "1", 0.0, 1.0, A, \
    "calibrated with a_C (targets 6, 7) within the thickening bound of target 10 (at most 10 % of the dermis); needled intact dermis densifies rather than thickens: ultrasound dermal density +102 % at 3 months (Kenkel 2021 Aesthet Surg J, PMID 33656167), dermal thickness change not significant at 6 months (Wu 2022 Dermatol Ther (Heidelb) 12(10), two RF-needling sessions); collagen that refills a deficit restores the lost volume in full", \
    "share of collagen above the resting density that adds volume (the rest packs the matrix denser)") \
  /* ---- scars ---- */ \
  X(scar_deficit_fraction, "scar.deficit_fraction", "phi_scar", 0.6, "1", 0.1, 0.95, A, \
    "atrophic scars lose most but not all dermal collagen under the pit", \
    "collagen lost under an atrophic scar; sets how deep the deficit reaches (depth/phi)") \
  X(scar_hypertrophic_excess, "scar.hypertrophic_excess", "phi_hyp", 0.5, "1", 0.05, 3.0, A, \
    "hypertrophic scar collagen is ~1.5x as dense as normal dermis", \
    "relative collagen excess inside a hypertrophic scar; sets its height extent") \
  X(scar_hypertrophic_myofibroblasts, "scar.hypertrophic_myofibroblasts", "M_hyp/F0", 0.3, "1", 0.0, 3.0, A, \
    "alpha-SMA+ cells persist in hypertrophic scars (Desmouliere 1995)", \
    "initial myofibroblast density in a hypertrophic scar, in units of F0") \
  X(scar_hypertrophic_apoptosis_factor, "scar.hypertrophic_apoptosis_factor", "delta_M_hyp/delta_M", 0.1, "1", 0.0, 1.0, A, \
    "failed myofibroblast apoptosis marks hypertrophic scars (Desmouliere 1995)", \
    "myofibroblast apoptosis inside a hypertrophic scar relative to normal") \
  X(scar_rolling_tether_share, "scar.rolling_tether_share", "tau", 0.5, "1", 0.0, 0.9, A, \
    "rolling scars are skin of near-normal thickness tethered to the subcutis by fibrous bands (Jacob, Dover & Kaminer 2001 J Am Acad Dermatol 45:109), which needling and subcision release (Fernandes 2005 Oral Maxillofac Surg Clin North Am 17:51; Orentreich & Orentreich 1995 Dermatol Surg 21:543); no measurement splits the depression between tether and deficit, so half is assumed", \
    "share of a rolling scar's visible depth held down by fibrous bands rather than missing collagen") \
  /* ---- elastin (docs/model.md equation 13) ---- */ \
  X(elastin_baseline_papillary, "elastin.baseline_papillary", "Ebar_pap", 0.004, "mg/mm3", 0.0, 0.1, A, \
    "elastin is 2-4 % of the dermal dry weight against 70-80 % for collagen (Uitto 1979 J Invest Dermatol 72:1), so about 4 % of the collagen density: 0.04 x collagen.baseline_papillary", \
    "resting elastin density of the papillary dermis (fine oxytalan and elaunin fibres)") \
  X(elastin_baseline_reticular, "elastin.baseline_reticular", "Ebar_ret", 0.01, "mg/mm3", 0.0, 0.1, A, \
    "about 4 % of the collagen density as for the papillary dermis: 0.04 x collagen.baseline_reticular", \
    "resting elastin density of the reticular dermis") \
  X(elastin_turnover_rate, "elastin.turnover_rate", "k_E", 2.6e-5, "/day", 0.0, 1.0e-3, M, \
    "mean residence time of human elastin ~74 years from D-aspartate racemisation and bomb-pulse radiocarbon (Shapiro 1991 J Clin Invest 87:1828, lung parenchyma): ln 2 / 74 y", \
    "degradation rate of elastin at homeostatic MMP (P = 1); resting synthesis matches it") \
  X(elastin_activation_boost, "elastin.activation_boost", "a_E", 10.0, "1", 0.0, 100.0, A, \
    "activated fibroblasts make more tropoelastin after needling (El-Domyati 2015 J Clin Aesthet Dermatol 8(7):36: new tropoelastin up at 3 months) but adult dermis assembles few new elastic fibres (elastic fibre damage in striae and photoaged skin persists for years), so a boost well below collagen's a_A", \
    "relative boost of elastin synthesis by a fully activated fibroblast population") \
  X(injury_elastin_loss, "injury.elastin_loss", "f_E", 0.2, "1", 0.0, 1.0, A, \
    "elastic fibres (1-2 um) are cut rather than pushed aside by a needle, but most of a cut fibre lies outside the track and stays; total elastin fell 3 months after six sessions (El-Domyati 2015) and was unchanged after a course in Kenkel 2021 (Aesthet Surg J), so the loss per session is small", \
    "fraction of elastin lost inside a needle track") \
  /* ---- remodeling phase: the activated synthetic fibroblast state (course issue) ---- */ \
  X(activation_rate, "fibroblast.activation_rate", "k_A", 0.03, "/day", 0.0, 10.0, A, \
    "calibrated: a session's few days of wound growth factor switch on a minority of the resident fibroblasts (~10 %), so that the activated share builds over the sessions of a course", \
    "maximal growth-factor-driven rate at which fibroblasts enter the activated synthetic state") \
  X(deactivation_rate, "fibroblast.deactivation_rate", "k_A_off", 0.003, "/day", 1.0e-4, 1.0, A, \
    "calibrated: half-life ~8 months; the remodeling phase lasts a year or longer (Gurtner 2008 Nature 453:314), wound collagen synthesis stays raised for months after closure (Madden & Peacock 1971 Ann Surg 174:511), collagen still rising 6 months after needling (Aust 2008 Plast Reconstr Surg 121:1421), gain 3 to 6 months 1.42x (Alam 2014 JAMA Dermatol 150:844)", \
    "rate at which activated fibroblasts return to the resting, maintaining phenotype") \
  X(activation_synthesis_boost, "collagen.activation_boost", "a_A", 50.0, "1", 0.0, 500.0, A, \
    "calibrated jointly with collagen.growth_factor_boost (targets 6, 7, 11, 12): an activated fibroblast synthesises ~50x the homeostatic rate (homeostatic turnover t1/2 ~15 y, so wound synthesis must be 1-2 orders above it)", \
    "relative boost of collagen synthesis by a fully activated fibroblast population") \
  /* ---- PRP depot: fibrin gel in the channels (course issue) ---- */ \
  X(prp_depot_growth_factor, "prp.depot_growth_factor", "R_PRP", 60.0, "ng/mL", 0.0, 1000.0, A, \
    "calibrated to the split-face ratio (Asif 2016 1.36): about a third of the ~190 ng/mL of a platelet-gel releasate (~114 TGF-beta1 plus ~76 PDGF-AB; Quantitative assessment of the kinetics of growth factor release from platelet gel, Transfusion 2008), as tissue fluid dilutes the PRP and the channels close within 12-18 h (Kalluri 2011)", \
    "growth factor held in the PRP fibrin gel that fills a needle channel") \
  X(prp_release_rate, "prp.release_rate", "k_rel", 0.25, "/day", 0.01, 100.0, A, \
    "platelets trapped in the fibrin clot keep secreting growth factors for the rest of their ~7-day life (Marx 2004 J Oral Maxillofac Surg 62:489)", \
    "rate at which the PRP depot releases its growth factor into the tissue") \
  /* ---- melanocyte priming: sessions inside each other's recovery (course issue) ---- */ \
  X(pih_priming_rate, "pih.priming_rate", "k_Q", 0.5, "/day", 0.0, 100.0, A, \
    "inflammatory mediators (PGE2, LTC4, IL-1, endothelin-1) stimulate melanocytes within a day of epidermal injury (Davis & Callender 2010 J Clin Aesthet Dermatol 3:20)", \
    "rate per unit epidermal inflammation above threshold at which melanocytes become primed") \
  X(pih_priming_recovery_rate, "pih.priming_recovery_rate", "k_Q_off", 0.1, "/day", 1.0e-3, 10.0, A, \
    "half-life ~1 week, within the 2-4 weeks over which PIH appears after an inflammatory insult (Davis & Callender 2010); the usual 4-week session spacing lets it settle", \
    "rate at which primed melanocytes return to rest") \
  X(pih_priming_gain, "pih.priming_gain", "a_Q", 40.0, "1", 0.0, 200.0, A, \
    "calibrated: weekly sessions clearly raise PIH risk over 4-weekly ones (sessions inside each other's inflammatory phase); no trial compares intervals", \
    "extra PIH dose per unit inflammation on fully primed melanocytes") \
  /* ---- RF microneedling (Pennes bioheat, Arrhenius damage) ---- */ \
  X(rf_pulse_duration, "rf.pulse_duration", "tau_RF", 0.1, "s", 1.0e-3, 5.0, A, \
    "fractional RF devices deliver 10-300 ms conduction pulses", \
    "duration of the RF pulse at each needle tip") \
  X(rf_tip_radius, "rf.tip_radius", "r_tip", 0.15, "mm", 0.02, 1.0, A, \
    "uninsulated tip of ~0.3 mm: energy deposited in a ~0.15 mm radius", \
    "radius of the region around the needle tip where RF energy is deposited") \
  X(rf_thermal_conductivity, "rf.thermal_conductivity", "k_T", 0.5, "W/(m*K)", 0.1, 2.0, M, \
    "dermis 0.37-0.53 W/(m K), Duck 1990 Physical Properties of Tissue", \
    "thermal conductivity of skin") \
  X(rf_heat_capacity, "rf.heat_capacity", "rho_c", 3.7e6, "J/(m3*K)", 1.0e6, 5.0e6, M, \
    "1100 kg/m3 x 3400 J/(kg K), Duck 1990", \
    "volumetric heat capacity of skin") \
  X(rf_perfusion, "rf.perfusion", "w_b*c_b", 8.0e3, "W/(m3*K)", 0.0, 1.0e5, A, \
    "resting skin blood flow ~0.12 mL/(g min) times blood heat capacity 4e6 J/(m3 K); Pennes 1948", \
    "Pennes blood perfusion heat-sink coefficient") \
  X(rf_heat_shock_rise, "rf.heat_shock_rise", "dT_hs", 8.0, "K", 3.0, 23.0, A, \
    "heat shock proteins (HSP72, and HSP47, the collagen chaperone) are induced in the sublethally heated shell around fractional RF zones for up to 10 weeks (Hantash 2009 Lasers Surg Med 41:1); heat shocks of 45 C raise procollagen I and III in fibroblasts of human skin (Dams 2011 Skin Res Technol 17:167)", \
    "peak temperature rise above 37 C (8 K: 45 C) beyond which fibroblasts that survive an RF pulse enter the activated synthetic state") \
  X(rf_heat_shock_activation, "rf.heat_shock_activation", "a_hs", 0.5, "1", 0.0, 1.0, A, \
    "calibrated: RF needling gains with energy per pin (Eubanks 2022 Lasers Surg Med 54:74: +1.06 at 124 vs +0.85 at 62 mJ); half the fibroblasts of the heat-shocked shell switch on", \
    "share of the not yet activated fibroblasts that a heat shock above T_hs activates") \
  X(rf_arrhenius_prefactor, "rf.arrhenius_prefactor", "A", 3.1e98, "/s", 1.0e60, 1.0e120, M, \
    "Henriques & Moritz 1947 Am J Pathol 23:531", \
    "Arrhenius frequency factor of thermal damage") \
  X(rf_activation_energy, "rf.activation_energy", "Ea", 6.28e5, "J/mol", 1.0e5, 1.0e6, M, \
    "Henriques & Moritz 1947 Am J Pathol 23:531", \
    "Arrhenius activation energy of thermal damage")
// clang-format on
