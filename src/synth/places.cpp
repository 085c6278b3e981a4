// Real postcodes for the synthetic councils: each council's from the ONS directory Hearth ships,
// so homes are in the council's area, placements near or far are where the 903 rules and the
// distance measures find them, and every postcode is one the DfE's checks know.
#include "geo/reference.hpp"
#include "synth/sim.hpp"

namespace hearth::synth::detail {

const std::vector<std::vector<std::uint32_t>>& postcode_pools() {
  static const std::vector<std::vector<std::uint32_t>> pools = [] {
    std::vector<std::vector<std::uint32_t>> out;
    const auto& g = geo::geography();
    if (!g.postcodes) return out;
    const auto& ix = *g.postcodes;
    const int n = council_count();
    out.resize(static_cast<std::size_t>(n) + std::size(kWales));
    // Each district's area: the council whose upper tier it is, or -2 for Wales (placed by the
    // postcode's area letters), or -1.
    std::unordered_map<std::string, int> by_ons;
    for (int c = 0; c < n; ++c) by_ons[councils()[static_cast<std::size_t>(c)].ons] = c;
    std::vector<int> area_of(ix.districts().size(), -1);
    for (std::size_t d = 0; d < area_of.size(); ++d) {
      const std::string& code = ix.districts()[d];
      if (!code.empty() && code.front() == 'W') {
        area_of[d] = -2;
      } else if (auto it = by_ons.find(g.upper_tier.of(code)); it != by_ons.end()) {
        area_of[d] = it->second;
      }
    }
    for (std::size_t i = 0; i < ix.size(); ++i) {
      const int d = ix.district_id_at(i);
      if (d < 0 || !ix.place_at(i).has_grid) continue;  // no address to live at
      int a = area_of[static_cast<std::size_t>(d)];
      if (a == -2) {
        const auto outward = ix.outward_at(i);
        a = -1;
        for (std::size_t w = 0; w < std::size(kWales); ++w)
          if (outward.rfind(kWales[w].area, 0) == 0 && outward.size() > 2 && outward[2] >= '0' &&
              outward[2] <= '9')
            a = n + static_cast<int>(w);
      }
      if (a >= 0) out[static_cast<std::size_t>(a)].push_back(static_cast<std::uint32_t>(i));
    }
    return out;
  }();
  return pools;
}

std::string real_postcode(std::uint32_t position) {
  return geo::geography().postcodes->postcode_at(position);
}

}  // namespace hearth::synth::detail
