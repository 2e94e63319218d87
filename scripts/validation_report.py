#!/usr/bin/python3
"""Regenerates the validation table of docs/validation.md, and its figures.

Usage: /usr/bin/python3 scripts/validation_report.py [--build DIR] [--xml FILE] [--figures]

1. Runs the validation tier (BUILD/tests/dermasim_validation_tests) with JUnit XML output, or
   reads FILE if --xml is given. Each test records its simulated values as gtest properties.
2. Rewrites the table between the markers <!-- validation-table:begin --> and
   <!-- validation-table:end --> in docs/validation.md: target, source, band, simulated value,
   pass (from the test's own verdict, so the table cannot disagree with CTest).
3. With --figures: runs BUILD/dermasim on tests/validation/scenarios/boxcar-course-validation.yaml
   and draws its time courses with scripts/plot_run.py into docs/figures/validation/.
Exits 1 if a validation test failed. Requires python3-h5py, python3-numpy, python3-matplotlib
(for --figures only).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "docs", "validation.md")
BEGIN, END = "<!-- validation-table:begin -->", "<!-- validation-table:end -->"


def pct(v):
    return f"{100 * float(v):.1f} %"


def num(v, digits=2):
    return f"{float(v):.{digits}f}"


# (id, target, source, band, test name, formatter of the properties dict)
ROWS = [
    ("1", "untreated skin, aging off: every field within 0.1 % of its initial value after 1 year",
     "homeostasis by construction", "< 0.1 %", "ValidationHomeostasis.UntreatedSkinIsSteadyForOneYear",
     lambda p: "all fields within 0.1 %"),
    ("2", "aging on: dermal collagen falls 0.7-1.3 %/year", "Shuster 1975 Br J Dermatol 93:639",
     "0.7-1.3 %", "ValidationHomeostasis.AgingLosesAboutOnePercentCollagenPerYear",
     lambda p: f"{num(p['collagen_loss_pct_per_year'])} %"),
    ("3a", "epidermal damage below 10 % of its peak by 24 h",
     "Kalluri 2011 AAPS J 13:473 (closure 12-18 h)", "< 10 %",
     "ValidationSingleSession.EpidermisClosesWithinOneDay",
     lambda p: pct(p["epidermal_damage_24h_rel"])),
    ("3b", "inflammation peaks within 0.5-2 days, below 10 % of peak by day 7",
     "clinical erythema resolves in 1-2 days",
     "peak 0.5-2 d; < 10 %", "ValidationSingleSession.InflammationPeaksEarlyAndResolvesInAWeek",
     lambda p: f"peak at day {num(p['inflammation_peak_day'])}; "
               f"{pct(p['inflammation_day7_rel'])} at day 7"),
    ("4", "fibroblasts peak at day 5-14 at 1.5-5 F0, within 20 % of F0 by week 6; "
          "myofibroblasts < 10 % of fibroblasts", "granulation tissue 2-5x F0",
     "day 5-14, 1.5-5; +-20 %; < 10 %",
     "ValidationSingleSession.FibroblastsPeakInWeekTwoAndReturnBySixWeeks",
     lambda p: f"day {num(p['fibroblast_peak_day'], 1)}, {num(p['fibroblast_peak_rel'])} F0; "
               f"{num(p['fibroblast_week6_rel'])} F0 at week 6; "
               f"{pct(p['myofibroblast_to_fibroblast_max'])}"),
    ("5", "type III share of collagen deposited in weeks 1-2 is 30-40 %; overall share within "
          "2 points of baseline by 12 months", "Gurtner 2008 Nature 453:314",
     "30-40 %; +-2 pp", "ValidationSingleSession.TypeThreeFractionOfNewCollagen",
     lambda p: f"{pct(p['type3_deposited_weeks_1_2'])}; "
               f"{100 * float(p['type3_12_months_minus_baseline']):+.3f} pp"),
    ("6", "boxcar scar (2.5 x 0.4 mm), 4 sessions 4 weeks apart: improvement 30-60 % at 3-6 "
          "months after the last",
     "Dogra 2014 J Cosmet Dermatol 13:180 (-45 %); Asif 2016 J Cosmet Dermatol 15:434 (-46 %)",
     "30-60 %", "ValidationCourse.BoxcarScarImprovesThirtyToSixtyPercent",
     lambda p: f"{num(p['improvement_pct_3_months'], 1)} % (3 months), "
               f"{num(p['improvement_pct_6_months'], 1)} % (6 months)"),
    ("7", "boxcar scar (2.5 x 0.4 mm), five monthly sessions: papillary collagen under the scar "
          "+30-70 % at 8 weeks after the last (Lotfi's biopsies are of the treated scars)",
     "Lotfi 2013 J Egypt Women's Dermatol Soc 10:152 (+53.2 %)", "+30-70 %",
     "ValidationCourse.FiveMonthlySessionsRaisePapillaryCollagen",
     lambda p: f"+{num(p['papillary_collagen_gain_pct_8_weeks'], 1)} %"),
    ("8", "hypertrophic scar under the course of 6: elevation not reduced by more than 10 %",
     "Jacob 2001 J Am Acad Dermatol 45:109", ">= 90 % of initial",
     "ValidationCourse.HypertrophicScarIsNotFlattened",
     lambda p: f"{pct(p['elevation_rel_3_months'])} (3 months), "
               f"{pct(p['elevation_rel_6_months'])} (6 months)"),
    ("9a", "3D CI block and its 2D section, standard course: same improvement",
     "the question, not the needle placement, sets the answer", "within 2 points of the "
     "block's 3-seed mean", "ValidationGeometry.BlockAgreesWithItsSectionAndItsMetricsAgree",
     lambda p: f"section {num(p['section_improvement_pct'], 1)} %, block "
               f"{num(p['block_improvement_pct_mean'], 1)} % (SD "
               f"{num(p['block_improvement_pct_sd'], 2)} over seeds 1-3)"),
    ("9b", "2D section: spread over 10 needle-placement seeds", "as 9a", "SD <= 1 point",
     "ValidationGeometry.TwoDimensionalSectionDoesNotDependOnTheSeed",
     lambda p: f"SD {num(p['section_seed_sd_points'], 2)} points"),
    ("9c", "2.5 mm boxcar in a 6 mm and a 10 mm wide domain, 3 months after the course",
     "as 9a", "< 2 points apart", "ValidationGeometry.DomainWidthDoesNotMoveTheAnswer",
     lambda p: f"{num(p['improvement_pct_width_6mm'], 1)} % vs "
               f"{num(p['improvement_pct_width_10mm'], 1)} %"),
    ("10a", "3D block: scar depth falls whenever the deficit falls; reference skin without "
            "needle-pattern ripple", "facial skin roughness ~0.02 mm",
     "weekly; ripple <= 0.02 mm peak to peak",
     "ValidationGeometry.BlockAgreesWithItsSectionAndItsMetricsAgree",
     lambda p: f"depth follows the deficit; ripple {num(p['reference_ripple_mm'], 4)} mm"),
    ("10b", "needled healthy skin, standard course: dermis thickens by at most 10 %",
     "Wu 2022 Dermatol Ther (thickness n.s.); Kenkel 2021 Aesthet Surg J (density +102 %)",
     "0-10 % at 2, 3 and 6 months",
     "ValidationGeometry.NeedledHealthySkinDensifiesMoreThanItThickens",
     lambda p: f"{num(p['healthy_thickening_pct_3_months'], 1)} % (3 months), "
               f"{num(p['healthy_thickening_pct_6_months'], 1)} % (6 months); papillary "
               f"collagen +{num(p['healthy_papillary_gain_pct_3_months'], 1)} % at 3 months"),
    # ---- the clinical course (targets 11-14) ----
    ("11a", "Alam's course (3 sessions 2 weeks apart): the gain rises after the last session, "
            "is higher at 6 than at 3 months, and nothing is lost by 12 months",
     "Alam 2014 JAMA Dermatol 150:844; Aust 2008 Plast Reconstr Surg 121:1421",
     "1 m > 0; 6 m > 3 m; 12 m >= 6 m",
     "ValidationClinicalCourse.GainKeepsGrowingForMonthsAfterTheLastSession",
     lambda p: f"{num(p['improvement_pct_0_months'], 1)} / {num(p['improvement_pct_3_months'], 1)}"
               f" / {num(p['improvement_pct_6_months'], 1)} / "
               f"{num(p['improvement_pct_12_months'], 1)} % at 0 / 3 / 6 / 12 months; "
               f"{num(p['gain_6_over_3_months'])}x"),
    ("11d", "Alam's course: the gain rises in every one of the first 3 months",
     "Alam 2014; Minh 2019", "monthly rise",
     "ValidationClinicalCourse.GainRisesEveryMonthForThreeMonths",
     lambda p: f"{num(p['improvement_pct_0_months'], 1)} / {num(p['improvement_pct_1_months'], 1)}"
               f" / {num(p['improvement_pct_2_months'], 1)} / "
               f"{num(p['improvement_pct_3_months'], 1)} % at 0 / 1 / 2 / 3 months"),
    ("11c", "Alam's course: 6-month gain 1.2-1.6x the 3-month gain",
     "Alam 2014 (-2.4 at 3, -3.4 at 6 months: 1.42x)", "1.2-1.6x",
     "ValidationClinicalCourse.SixMonthGainIsAlamsMultipleOfTheThreeMonthGain",
     lambda p: f"{num(p['gain_6_over_3_months'])}x"),
    ("11b", "Minh's course (a 1.5 mm roller weekly for 3 months): share of the 2-month gain "
            "that accrues after the last session",
     "Minh 2019 Open Access Maced J Med Sci 7(2) (Lipper-Perez 34 %, Goodman-Baron 30 %)",
     "25-35 %",
     "ValidationClinicalCourse.AThirdOfTheTwoMonthGainComesAfterTheCourse",
     lambda p: pct(p["share_of_2_month_gain_after_last_session"])),
    ("12", "PRP with Asif's course (3 sessions monthly): improvement ratio over needling alone "
           "at 3 months", "Asif 2016 J Cosmet Dermatol 15:434 (1.36); Sharma (1.27)", "1.2-1.5",
     "ValidationClinicalCourse.PrpMultipliesTheImprovementAsInTheSplitFaceTrials",
     lambda p: f"{num(p['prp_ratio'])} ({num(p['improvement_pct_prp'], 1)} vs "
               f"{num(p['improvement_pct_needling'], 1)} %)"),
    ("13a", "scar types, standard course: icepick (1 x 0.7 mm) below half of boxcar (2.5 x 0.3 mm)",
     "Lotfi 2013 (rolling, boxcar 90 % good; icepick slight); Majid 2009 J Cutan Aesthet Surg 2:26",
     "icepick < boxcar / 2",
     "ValidationClinicalCourse.IcepickRespondsWellBelowHalfOfBoxcar",
     lambda p: f"icepick {num(p['improvement_pct_icepick'], 1)} %, boxcar "
               f"{num(p['improvement_pct_boxcar'], 1)} %"),
    ("13e", "scar types, standard course: rolling (4.5 x 0.3 mm, half of it tethered) >= "
            "boxcar (2.5 x 0.3 mm)", "Lotfi 2013; Majid 2009", "rolling >= boxcar",
     "ValidationClinicalCourse.RollingRespondsAtLeastAsWellAsBoxcar",
     lambda p: f"rolling {num(p['improvement_pct_rolling'], 1)} %"),
    ("13b", "home roller (0.25 mm, 12 weekly sessions) on a boxcar: close to nothing",
     "needles that stop in the epidermis do not remodel a dermal deficit (no trial)",
     "< 1/4 of the pen course",
     "ValidationClinicalCourse.NeedlesThatStopAboveTheDeficitDoCloseToNothing",
     lambda p: f"{num(p['improvement_pct_home_roller'], 1)} % vs pen "
               f"{num(p['improvement_pct_pen'], 1)} %"),
    ("13c", "6 sessions 2 weeks apart: 2.5 mm beats 1.5 mm",
     "split-face 2.5 vs 1.5 mm Dermapen trial (p = .02)", "> 2 points",
     "ValidationClinicalCourse.TwoAndAHalfMillimetresBeatOneAndAHalf",
     lambda p: f"{num(p['improvement_pct_2_5_mm'], 1)} vs {num(p['improvement_pct_1_5_mm'], 1)} %"),
    ("13d", "PIH index: weekly sessions clearly above 4-weekly; phototype II < III < V",
     "Dogra 2014 (5 of 30 PIH, FST IV-V); Davis & Callender 2010 J Clin Aesthet Dermatol 3:20",
     "weekly >= 1.5x; ranked",
     "ValidationClinicalCourse.FrequentSessionsAndDarkerSkinRaiseThePihIndex",
     lambda p: f"weekly {num(p['pih_index_weekly'], 3)} vs 4-weekly "
               f"{num(p['pih_index_4_weekly'], 3)} d; II {num(p['pih_index_type_II'], 3)}, "
               f"V {num(p['pih_index_type_V'], 3)} d"),
    ("14a", "RF needling (2 mm, 3 sessions): 124 mJ > 62 mJ per pin >= no RF",
     "Eubanks 2022 Lasers Surg Med 54:74 (+1.06 at 124 vs +0.85 at 62 mJ)", "ranked",
     "ValidationClinicalCourse.RfNeedlingGainsWithEnergyAndMatchesPlainNeedling",
     lambda p: f"{num(p['improvement_pct_124_mJ'], 1)} / {num(p['improvement_pct_62_mJ'], 1)} / "
               f"{num(p['improvement_pct_no_rf'], 1)} %"),
    ("14b", "RF pulses recorded as fields: peak temperature (C) and thermal damage (1)",
     "coagulation above ~60 C; Omega >= 1 (Henriques & Moritz 1947)", "> 60 C; Omega >= 1",
     "ValidationClinicalCourse.RfPulsesAreRecordedAsFields",
     lambda p: f"peak {num(p['peak_temperature_max_C'], 0)} C, Omega max "
               f"{float(p['thermal_damage_max']):.3g}"),
    ("15a", "elastin after El-Domyati's course (6 sessions 2 weeks apart), 3 months from the start: "
            "lower, by less than a fifth",
     "El-Domyati 2015 J Clin Aesthet Dermatol 8(7):36 (fell); Kenkel 2021 Aesthet Surg J "
     "(unchanged)", "0.8-1.0 of baseline",
     "ValidationElastin.ElDomyatisCourseLowersElastinByLessThanAFifth",
     lambda p: num(p["elastin_rel_3_months"], 3)),
    ("15b", "elastin turnover: untreated skin steady; one session's loss is partly resynthesised "
            "but not restored within a year",
     "Shapiro 1991 J Clin Invest 87:1828 (residence ~74 years)", "week 1 < 1 year < 1",
     "ValidationElastin.TurnsOverInDecadesAndRecoversSlowly",
     lambda p: f"{num(p['elastin_rel_week_1'], 4)} at week 1, {num(p['elastin_rel_1_year'], 4)} "
               f"at 1 year"),
]


def run_tests(build, xml_path):
    exe = os.path.join(build, "tests", "dermasim_validation_tests")
    subprocess.run([exe, f"--gtest_output=xml:{xml_path}"], check=False,
                   stdout=subprocess.DEVNULL)


def read_results(xml_path):
    """{test name: (passed, {property: value})}; suite-level properties (recorded in a
    fixture's set-up) are merged into every test of the suite."""
    results = {}
    for suite in ET.parse(xml_path).getroot().iter("testsuite"):
        for case in suite.iter("testcase"):
            props = {p.get("name"): p.get("value") for p in case.iter("property")}
            passed = case.find("failure") is None and case.get("result", "completed") != "skipped"
            results[f"{suite.get('name')}.{case.get('name')}"] = (passed, props)
    return results


def render(results):
    lines = ["| # | target | source | band | simulated | pass |", "|---|---|---|---|---|---|"]
    failed = []
    for rid, target, source, band, test, fmt in ROWS:
        if test not in results:
            lines.append(f"| {rid} | {target} | {source} | {band} | not run | no |")
            failed.append(test)
            continue
        passed, props = results[test]
        try:
            value = fmt(props)
        except KeyError as missing:
            value = f"(no {missing} recorded)"
        lines.append(f"| {rid} | {target} | {source} | {band} | {value} | "
                     f"{'yes' if passed else 'NO'} |")
        if not passed:
            failed.append(test)
    return "\n".join(lines), failed


def replace_table(table):
    with open(DOC, encoding="utf-8") as f:
        text = f.read()
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(DOC, "w", encoding="utf-8") as f:
        f.write(f"{head}{BEGIN}\n{table}\n{END}{tail}")


def figures(build, workdir):
    scenario = os.path.join(ROOT, "tests", "validation", "scenarios",
                            "boxcar-course-validation.yaml")
    results = os.path.join(workdir, "boxcar-course-validation.h5")
    subprocess.run([os.path.join(build, "dermasim"), "run", scenario, "-o", results, "--quiet"],
                   check=True)
    out = os.path.join(ROOT, "docs", "figures", "validation")
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "scripts", "plot_run.py"), results,
                    "-o", out], check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--xml", help="use this gtest XML instead of running the tests")
    parser.add_argument("--figures", action="store_true", help="also redraw the figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        xml_path = args.xml or os.path.join(work, "validation.xml")
        if not args.xml:
            run_tests(args.build, xml_path)
        table, failed = render(read_results(xml_path))
        replace_table(table)
        if args.figures:
            figures(args.build, work)
    for test in failed:
        print(f"validation_report: FAILED {test}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
