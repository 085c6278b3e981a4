#include "timescales/child_run.hpp"

namespace hearth::timescales::detail {

void ChildRun::run() {
  build_periods();
  for (const CarePeriod& p : periods_) {
    if (p.short_breaks) continue;
    reviews(p);
    visits(p);
    health(p);
    sdq(p);
    education(p);
    permanence(p);
  }
  missing();
  leaving_care();
  advocacy();
}

// The child's periods of care (the dataset's, model/dataset.hpp) as they stood on the as-of date:
// those begun by then, each with its episodes begun by then, open when the last of them had not
// ended by then.
void ChildRun::build_periods() {
  const auto& E = d_.episodes;
  for (std::uint32_t r : model::rows(rec_.periods)) {
    const model::PeriodOfCare& p = d_.periods[r];
    if (p.start > as_of_) break;
    std::uint32_t last = p.first;
    while (last < p.last && E.decom[last + 1] <= as_of_) ++last;
    const Date end = E.dec[last] > as_of_ ? model::Dataset::kOpen : E.dec[last];
    periods_.push_back({p.start, end, end != model::Dataset::kOpen, p.first, last, p.short_breaks});
  }
}

std::vector<Placement> ChildRun::placements(const CarePeriod& p) const {
  const auto& E = d_.episodes;
  std::vector<Placement> out;
  for (std::uint32_t i = p.first; i <= p.last; ++i) {
    bool fresh = i == p.first || E.rne[i] == model::ReasonNewEpisode::P ||
                 E.rne[i] == model::ReasonNewEpisode::U || E.rne[i] == model::ReasonNewEpisode::S;
    if (fresh) {
      if (!out.empty()) {
        out.back().end = E.decom[i];
        out.back().ended = true;
      }
      out.push_back({E.decom[i], p.end, p.ended, i, i});
    } else {
      out.back().last = i;
    }
  }
  return out;
}

}  // namespace hearth::timescales::detail
