// The synthetic council: SSDA903 returns for children who do not exist, shaped like the DfE's
// national statistics, so Hearth can be built, demonstrated and load-tested without ever
// touching a real child's record. See docs/synthetic-data.md for every distribution and the
// national figure it follows.
//
// How it works: children enter care over a burn-in of about twenty years before the first
// collection year emitted (so the population is in steady state: as many leave as arrive), each
// child's whole journey is simulated — periods of care, legal statuses, placements, reviews,
// missing episodes, social workers, adoption, leaving care — and then each collection year's
// return is written as the 903 would hold it on 31 March: only what was known by then (an
// episode still open has no DEC), every code valid in that year.
//
// Deterministic: the same Options always give the same returns, on any platform and standard
// library (the generator has its own random number generator and draws only integers).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/journey.hpp"
#include "model/local.hpp"

namespace hearth::synth {

// A council that sends the 903. children_looked_after is the size the national run gives it:
// rounded figures of the order the DfE publishes for 31 March 2024, not the published figures.
struct Council {
  std::string la;      // three-digit DfE LA code, e.g. "887"
  std::string name;    // e.g. "Medway"
  std::string region;  // e.g. "South East"
  int children_looked_after;
};

// All 153 English councils that return the 903, in region order; their sizes sum to about
// 84,000 (the DfE counted 83,630 children looked after on 31 March 2024).
const std::vector<Council>& national_councils();

struct Options {
  int children = 480;      // children looked after on 31 March of the last collection year
  int years = 1;           // how many collection years to emit (the last one is last_year)
  std::uint64_t seed = 1;  // same seed, same council (the seed is mixed with the LA code)
  std::string la = "887";  // the council's LA code (a code in national_councils() also gives
                           // its postcode area and region)
  int last_year = 2026;    // end-year of the last collection year (2026 = 2025/26)
};

// One model::Return per collection year, oldest first, each with la and year set and rows in
// file order (by child, then date). Children looked after on 31 March of the last year (short
// breaks excluded) come within ±5% of Options::children — in practice exactly it.
// Throws std::invalid_argument when children < 1 or years < 1.
std::vector<model::Return> generate(const Options& options);

// The council's local records for the children of `returns` (what generate() made with the same
// options), as its systems would hold them on 31 March of options.last_year: allocations, visits,
// health assessments, PEPs, care plans, return home interviews, pathway plans, care leavers'
// contacts. Most items are done on time and some are late or missing, at rates described in
// docs/synthetic-data.md. Deterministic by seed.
model::LocalRecords generate_local(const Options& options,
                                   const std::vector<model::Return>& returns);

}  // namespace hearth::synth
