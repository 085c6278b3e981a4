// A tiny hand-made council for timescales tests: one return (2024-25), a few children's 903 rows
// and local records, built into a Dataset.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "timescales/engine.hpp"

namespace hearth::timescales::test {

using model::Date;
using model::make_date;

struct Council {
  model::Return ret;
  model::LocalRecords local;
  model::Dataset data;

  Council() {
    ret.la = "999";
    ret.year = model::CollectionYear{2025};
    local.la = "999";
  }
  Council& child(std::string id, Date dob) {
    model::ChildHeader h;
    h.child = std::move(id);
    h.dob = dob;
    ret.header.push_back(h);
    return *this;
  }
  Council& episode(Date start, std::optional<Date> end = std::nullopt,
                   model::ReasonNewEpisode rne = model::ReasonNewEpisode::S,
                   model::PlacementType place = model::PlacementType::U3,
                   model::LegalStatus ls = model::LegalStatus::C2) {
    model::Episode e;
    e.child = ret.header.back().child;
    e.decom = start;
    e.dec = end;
    e.rne = rne;
    e.ls = ls;
    e.place = place;
    ret.episodes.push_back(e);
    return *this;
  }
  Council& review(Date d) {
    model::Review r;
    r.child = ret.header.back().child;
    r.review = d;
    ret.reviews.push_back(r);
    return *this;
  }
  Council& health(model::HealthCheckType type, Date d,
                  model::CheckStatus status = model::CheckStatus::Completed) {
    model::HealthCheck h;
    h.id = "H" + std::to_string(local.health_checks.size() + 1);
    h.child = ret.header.back().child;
    h.type = type;
    h.date = d;
    h.status = status;
    local.health_checks.push_back(h);
    return *this;
  }
  const model::Dataset& build() {
    data = model::Dataset::build({ret});
    data.attach_local({local});
    return data;
  }
};

inline std::vector<ItemStatus> items_of(const std::vector<ItemStatus>& all, ItemId id) {
  std::vector<ItemStatus> out;
  for (const auto& s : all)
    if (s.item == id) out.push_back(s);
  return out;
}

inline Date due_of(const ItemStatus& s) {
  return s.due->date;
}

}  // namespace hearth::timescales::test
