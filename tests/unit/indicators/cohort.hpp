// A tiny hand-made council for indicator tests: a few children, their 903 rows (by collection
// year) and local records, built into a Dataset and an indicators Engine at an as-of date.
#pragma once

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "indicators/engine.hpp"
#include "indicators/scorecard.hpp"
#include "model/dataset.hpp"
#include "timescales/engine.hpp"

namespace hearth::indicators::test {

using model::Date;
using model::make_date;
using LS = model::LegalStatus;
using PL = model::PlacementType;
using RNE = model::ReasonNewEpisode;
using REC = model::ReasonEpisodeCeased;

inline constexpr const char* kLa = "999";

class Cohort {
 public:
  Cohort() { local_.la = kLa; }

  // A child; later rows are theirs until the next child().
  Cohort& child(std::string id, Date dob, model::Sex sex = model::Sex::M,
                model::Ethnicity ethnic = model::Ethnicity::WBRI) {
    model::ChildHeader h;
    h.child = std::move(id);
    h.dob = dob;
    h.sex = sex;
    h.ethnic = ethnic;
    headers_.push_back(h);
    return *this;
  }
  // An episode, in the return of `year` (default: 2025, the return that holds every episode).
  Cohort& episode(Date start, std::optional<Date> end = std::nullopt, RNE rne = RNE::S,
                  PL place = PL::U4, LS ls = LS::C2, std::optional<REC> rec = std::nullopt,
                  model::PlacementProvider provider = model::PlacementProvider::PR1) {
    model::Episode e;
    e.child = current();
    e.decom = start;
    e.dec = end;
    e.rne = rne;
    e.place = place;
    e.ls = ls;
    e.place_provider = provider;
    e.rec = end ? std::optional<REC>(rec.value_or(REC::X1)) : std::nullopt;
    ret(2025).episodes.push_back(e);
    return *this;
  }
  Cohort& postcodes(std::string home, std::string placement) {
    auto& e = ret(2025).episodes.back();
    e.home_post = std::move(home);
    e.pl_post = std::move(placement);
    return *this;
  }
  Cohort& review(Date d,
                 std::optional<model::ReviewParticipation> code = model::ReviewParticipation::PN1) {
    model::Review r;
    r.child = current();
    r.review = d;
    r.review_code = code;
    ret(2025).reviews.push_back(r);
    return *this;
  }
  Cohort& missing(Date start, model::MissingType type = model::MissingType::M) {
    model::MissingEpisode m;
    m.child = current();
    m.missing = type;
    m.mis_start = start;
    m.mis_end = start + std::chrono::days{1};
    ret(2025).missing.push_back(m);
    return *this;
  }
  Cohort& social_worker(std::string id, Date start, std::optional<Date> end = std::nullopt) {
    model::SocialWorkerEpisode s;
    s.child = current();
    s.sw_id = std::move(id);
    s.sw_decom = start;
    s.sw_dec = end;
    ret(2025).sw_episodes.push_back(s);
    return *this;
  }
  Cohort& uasc(std::optional<Date> ceased = std::nullopt) {
    model::Uasc u;
    u.child = current();
    u.duc = ceased;
    ret(2025).uasc.push_back(u);
    return *this;
  }
  Cohort& oc2(int year, model::Oc2 row) {
    row.child = current();
    ret(year).oc2.push_back(row);
    return *this;
  }
  Cohort& oc3(int year, std::optional<model::InTouch> in_touch,
              std::optional<model::Activity> activ, std::optional<model::Accommodation> accom) {
    model::Oc3 r;
    r.child = current();
    r.in_touch = in_touch;
    r.activ = activ;
    r.accom = accom;
    ret(year).oc3.push_back(r);
    return *this;
  }
  Cohort& ad1(int year, std::optional<Date> match, bool foster_care = false) {
    model::Ad1 a;
    a.child = current();
    a.date_match = match;
    a.foster_care = foster_care;
    ret(year).ad1.push_back(a);
    return *this;
  }
  model::LocalRecords& local() { return local_; }
  // What children said (facts only), attached when the dataset is built.
  std::vector<model::StatementFact>& statements() { return statements_; }
  std::vector<model::CardFact>& cards() { return cards_; }
  std::string current() const { return headers_.back().child; }
  model::Return& ret(int year) {
    auto& r = returns_[year];
    r.la = kLa;
    r.year = model::CollectionYear{year};
    return r;
  }

  // Builds the dataset and an engine looking from `as_of`.
  Engine& at(Date as_of, ReferenceData reference = {}, Rules rules = {}) {
    std::vector<model::Return> rs;
    for (auto& [year, r] : returns_) {
      r.header = headers_;
      rs.push_back(r);
    }
    data_ = model::Dataset::build(rs);
    data_.attach_local({local_});
    data_.attach_statements(statements_);
    data_.attach_cards(cards_);
    reference_ = std::move(reference);
    ts_ = std::make_unique<timescales::Engine>(data_, timescales::TimescaleConfig::statutory());
    engine_ = std::make_unique<Engine>(data_, *ts_, reference_, kLa, as_of, rules);
    return *engine_;
  }
  Value value(const Indicator& id, const ReportingPeriod& p) const {
    return engine_->value(id, engine_->cohort(id, p));
  }
  const ReferenceData& reference() const { return reference_; }
  const timescales::Engine& timescales() const { return *ts_; }

 private:
  std::vector<model::ChildHeader> headers_;
  std::map<int, model::Return> returns_;
  model::LocalRecords local_;
  std::vector<model::StatementFact> statements_;
  std::vector<model::CardFact> cards_;
  model::Dataset data_;
  ReferenceData reference_;
  std::unique_ptr<timescales::Engine> ts_;
  std::unique_ptr<Engine> engine_;
};

// The financial year ending 31 March of `end_year`.
inline const Indicator& ind(std::string_view key) {
  const Indicator* i = indicator_by_key(key);
  if (!i) throw std::invalid_argument("there is no indicator " + std::string(key));
  return *i;
}

inline ReportingPeriod year(int end_year) {
  return period_containing(make_date(end_year, 3, 31), PeriodKind::Year);
}

}  // namespace hearth::indicators::test
