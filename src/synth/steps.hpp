// The generator's steps (internal to src/synth), each defined in its own file: the planner of one
// period of care (planner.cpp, planner_routes.cpp), the simulation of whole children
// (simulator.cpp), what a journey generates beside episodes (details.cpp), and the writing of one
// collection year's return (year_writer.cpp). generate() (generator.cpp) runs them in turn.
#pragma once

#include "synth/sim.hpp"

namespace hearth::synth::detail {

// Plans one period of care: legal statuses and placements over time, then episodes.
class Planner {
 public:
  Planner(const Ctx& ctx, World& world, std::uint32_t& carers)
      : ctx_(ctx), world_(world), carers_(carers) {}

  // Plans a period of care for child `c` starting on `start` and appends it (and its
  // episodes) to the world. Returns the period's index.
  std::uint32_t plan(SimChild& c, Rng& r, Day start, Route route, const SimPeriod& seed_period);

 private:
  // ---- events ----
  void set_ls(Day d, LS ls);

  void push(const PlEvent& e);

  int age_on(Day d) const { return age_at(c_->dob, d); }

  Site carer_site(Reach reach, UrnKind urn, std::uint32_t urn_number);

  Site pooled_site(char kind, Reach reach, int per, UrnKind urn);

  std::uint32_t fostering_service(int council) const;
  std::uint32_t adoption_agency(int council) const;

  // The place, provider and site of a new placement in `regime` from day d.
  PlEvent make(Day d, Regime regime, std::int8_t reason, bool same_carer = false,
               PT adoption_type = PT::A6);

  Site site_for(PT place, PP provider);

  void place(Day d, Regime regime, std::int8_t reason, bool same_carer = false,
             PT adoption_type = PT::A6);

  // The same carer, a different placement code (e.g. a foster placement confirmed as long-term):
  // RNE T with REASON_PLACE_CHANGE "PLACE" — "change in the status of the placement only".
  void convert(Day d, PT place);

  const Band* duration_table(Regime regime, int a, std::size_t& n) const;

  int placement_days(Regime regime, int a);

  Regime drift(Regime from, int a);

  std::int8_t move_reason(int a);

  // Placements from `from` until `to` in `regime`: a new placement at `from` (unless `keep`),
  // moves when a placement ends, drifting between regimes when `drift_ok`; foster placements
  // that last become long-term (U6 -> U4, U3 -> U1) when `long_term_ok`.
  void run(Day from, Day to, Regime regime, bool drift_ok, bool keep = false,
           bool long_term_ok = false, std::int8_t reason = rpc(RPC::CARPL));

  Regime first_regime(int a, bool kin_likely);

  // An emergency legal status before the main one (police protection lasts at most 72 hours,
  // an emergency protection order at most 21 days: validator rules 361, 362). Returns the day
  // the main legal status starts.
  Day emergency_prefix(Day period_days);

  bool newborn() const { return S_ - c_->dob < 28; }

  // Placements from S_ to `to` for a child who may start in a mother-and-baby unit.
  void start_placements(Day to, Regime regime, bool drift_ok, bool long_term_ok = false);

  REC exit18();

  // ---- routes ----

  void home_short();

  void home_proceedings();

  void adopt();

  void order(bool sgo);

  // Long-term care from `from` (a child already in placement when `keep`).
  void long_term_from(Day from, bool keep);

  void long_term(Day from);

  void remand();

  void uasc();

  // Rarely a period ends early for reasons unrelated to the plan: care taken over by another
  // council (E3), the child moves abroad (E16) or dies (E2).
  void rare_endings(Route route);

  void truncate(Day end);

  // Temporary placements (T1 hospital, T3 while the foster carers are on holiday) inside a
  // longer placement: the child returns to the same placement (RNE P; 2025/26 rule 383).
  // No REASON_PLACE_CHANGE around them (rule 226).
  void temporary_placements();

  // Turns the legal-status and placement timelines into episodes.
  std::uint32_t emit();

  const Ctx& ctx_;
  World& world_;
  std::uint32_t& carers_;
  SimChild* c_ = nullptr;
  Rng* r_ = nullptr;
  SimPeriod p_;
  Day S_ = 0, E_ = 0, b14_ = 0, b16_ = 0, b18_ = 0;
  int age_ = 0;
  REC rec_ = REC::E8;
  std::vector<LsEvent> ls_;
  std::vector<PlEvent> pl_;
  std::vector<PlEvent> scratch_;
};

// Whole children: their periods of care over the years (simulator.cpp).
class Simulator {
 public:
  Simulator(Ctx& ctx, World& world) : ctx_(ctx), world_(world), planner_(ctx, world, carers_) {}

  // Child number `index`, arriving uniformly in [from, from + days). Returns false when the
  // child can play no part in the emitted years (left care, and 21, before the first).
  bool child(std::uint64_t index, Day from, int days);

  // A disabled child who has a series of short breaks (legal status V3): each break is a
  // period of care of one to three nights, at most 17 each and 75 a year (rules 365, 367).
  bool short_breaks(std::uint64_t index, Day from, int days);

 private:
  static constexpr Band kReentryGap[] = {{30, 30, 180}, {40, 181, 730}, {30, 731, 1800}};

  // PREV_PERM for a period: the child's previous permanence order, if any.
  void previous_permanence(const SimChild& c, Rng& r, SimPeriod& p, int n, Day start);

  // Some girls in care become mothers at 15–17 (MOTHER, MC_DOB).
  void mother(SimChild& c, Rng& r);

  Ctx& ctx_;
  World& world_;
  std::uint32_t carers_ = 0;
  Planner planner_;
  REC last_rec_ = REC::X1;
  Day last_end_ = 0;
};

// Reviews, missing episodes, social workers and deprivation of liberty (details.cpp).
class Details {
 public:
  Details(const Ctx& ctx, World& world) : ctx_(ctx), world_(world) {}

  void fill(SimChild& c);

 private:
  // Care Planning, Placement and Case Review (England) Regulations 2010, reg 33: first review
  // within 20 working days of the child becoming looked after, the second within 3 months of
  // the first, later ones within 6 months of the previous. Most are on time; some are late by
  // days or weeks.
  void reviews(const SimChild& c, const SimPeriod& p, Rng& r);

  // Missing and away episodes, from age 11, far more often from residential and semi-
  // independent placements. An episode ends before the placement it began in ends (rules
  // 575, 577), so nobody is missing when care ends (rule 580).
  void missing(const SimChild& c, const SimPeriod& p, Rng& r, int propensity);

  // Deprivation of liberty orders for a few young people in children's homes (DoLo, returned
  // from 2026/27).
  void dolo(const SimChild& c, const SimPeriod& p, Rng& r);

  // Social worker allocations (SWEpisodes): a worker is allocated when care begins (the
  // validator's rule SW12 looks for an allocation starting on or after the start of care) and
  // changes about every nine months; allocations follow on without gaps (rule SW10), and the
  // one current when a period of care ends stays open — until a new allocation if the child
  // comes back, for good otherwise (2025/26 rule SW17: the latest has no end date). The first
  // allocation's reason is FCONTA, the only reason the validator lets begin after a gap.
  void workers(const SimChild& c, Rng& r);

  const Ctx& ctx_;
  World& world_;
};

// One collection year's return as the 903 holds it on 31 March (year_writer.cpp).
struct YearWriter {
  const Ctx& ctx;
  const World& world;
  CollectionYear year;
  model::Return& ret;
  Day ys = 0;
  Day ye = 0;

  std::string child_id(const SimChild& c) const { return std::to_string(c.id); }

  std::string upn(const SimChild& c) const;

  // Whether the child is looked after (not on a short break) at the end of the year, and since
  // when without a break.
  // (A period ending on 31 March itself still counts, as in the validator's "continuously
  // looked after": it looks for care ending before the last day.)
  Day continuous_since(const SimChild& c) const;

  bool in_oc2(const SimChild& c) const;

  bool care_leaver(const SimChild& c, Day& left) const;

  void child(const SimChild& c);

  void episodes(const SimChild& c, const std::string& id, Date);

  std::string urn_for(const SimEpisode& e, std::optional<PT> written) const;

  void reviews(const SimChild& c, const std::string& id, Date dob);

  void uasc(const SimChild& c, const std::string& id, Date dob);

  void oc2(const SimChild& c, const std::string& id, Date dob);

  void oc3(const SimChild& c, const std::string& id, Date dob, int age);

  void adoption(const SimChild& c, const std::string& id, Date dob);

  // PrevPerm: one row per child who started to be looked after in the year (rule 630, for
  // short breaks too; INT35: once per child), for the first period begun in the year.
  void previous_permanence(const SimChild& c, const std::string& id, Date dob);

  void missing(const SimChild& c, const std::string& id, Date dob);

  void social_workers(const SimChild& c, const std::string& id, Date dob);

  void dolo(const SimChild& c, const std::string& id, Date dob);
};

}  // namespace hearth::synth::detail
