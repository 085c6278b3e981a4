// The synthetic data the engine benchmarks run on: the demo council (480 children in care,
// 5 years of returns, local records) or the national set (153 councils, one year each, local
// records), built once per benchmark binary.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "synth/generator.hpp"

namespace hearth::bench {

struct World {
  std::unique_ptr<model::Dataset> data;
  std::vector<std::string> councils;
  std::size_t children = 0;
};

inline World make_world(bool national) {
  std::vector<model::Return> all;
  std::vector<model::LocalRecords> local;
  World w;
  auto add = [&](const synth::Options& o) {
    auto returns = synth::generate(o);
    local.push_back(synth::generate_local(o, returns));
    for (auto& r : returns) all.push_back(std::move(r));
    w.councils.push_back(o.la);
  };
  if (national) {
    for (const auto& c : synth::national_councils()) {
      synth::Options o;
      o.children = c.children_looked_after;
      o.years = 1;
      o.la = c.la;
      o.last_year = 2026;
      add(o);
    }
  } else {
    synth::Options o;
    o.children = 480;
    o.years = 5;
    o.seed = 20261;
    o.la = "887";
    o.last_year = 2026;
    add(o);
  }
  w.data = std::make_unique<model::Dataset>(model::Dataset::build(all));
  w.data->attach_local(std::move(local));
  w.children = w.data->children.size();
  return w;
}

inline const World& council() {
  static World w = make_world(false);
  return w;
}
inline const World& national() {
  static World w = make_world(true);
  return w;
}

}  // namespace hearth::bench
