// The synthetic council generator. See generator.hpp for the idea and docs/synthetic-data.md
// for every distribution and the DfE figure behind it.
//
// The generator's parts: sim.hpp (integers, dates and the random number generator; councils and
// places; the simulation's records), steps.hpp (the steps, each in its own file: planner.cpp and
// planner_routes.cpp, simulator.cpp, details.cpp, year_writer.cpp). This file is generate():
// burn-in, calibration to the requested size, and the returns.
#include "synth/steps.hpp"

namespace hearth::synth {

namespace detail {
namespace {

// Children entering care each year per child looked after on 31 March (DfE 2024: about 33,000
// starts for 83,600 looked after), in thousandths, with a margin: the excess is removed
// afterwards, so the council lands on the size asked for.
constexpr int kArrivalsPerThousand = 420;

bool in_care_at(const World& w, const SimChild& c, Day d) {
  for (std::uint32_t i = 0; i < c.periods; ++i) {
    const SimPeriod& p = w.periods[c.first_period + i];
    if (!p.short_break && p.start <= d && p.end > d) return true;
  }
  return false;
}

}  // namespace
}  // namespace detail

using namespace detail;

const std::vector<Council>& national_councils() {
  static const std::vector<Council> all = [] {
    std::vector<Council> out;
    out.reserve(councils().size());
    for (const auto& c : councils()) out.push_back({c.la, c.name, c.region, c.cla});
    return out;
  }();
  return all;
}

std::vector<model::Return> generate(const Options& options) {
  if (options.children < 1) throw std::invalid_argument("synth: children must be at least 1");
  if (options.years < 1) throw std::invalid_argument("synth: years must be at least 1");

  Ctx ctx;
  ctx.la = options.la;
  ctx.target = options.children;
  ctx.seed = mix(options.seed, hash_text(options.la));
  const int known = council_index(options.la);
  ctx.council = known >= 0 ? known : static_cast<int>(hash_text(options.la) % council_count());
  for (int i = 0; i < council_count(); ++i) {
    if (std::string_view(councils()[i].region) == councils()[ctx.council].region)
      ctx.region.push_back(i);
  }
  const int first_year = options.last_year - options.years + 1;
  ctx.window_start = day_of(CollectionYear{first_year}.start());
  ctx.horizon = day_of(CollectionYear{options.last_year}.end());
  {
    // A pool of social workers: about one for every fifteen children.
    Rng r(mix(ctx.seed, 0x5707ULL));
    const int n = std::max(5, (options.children + 14) / 15);
    std::vector<int> used;
    while (static_cast<int>(ctx.workers.size()) < n) {
      const int id = r.range(1000, 9999);
      if (std::find(used.begin(), used.end(), id) != used.end()) continue;
      used.push_back(id);
      ctx.workers.push_back("SW" + std::to_string(id));
    }
  }

  World world;
  Simulator sim(ctx, world);
  // Burn-in: arrivals from 22 years before the first emitted year, so that everyone who could
  // be looked after, or a care leaver of 21 or under, in the emitted years has a whole journey.
  const Day sim_start = day_of(model::make_date(first_year - 23, 4, 1));
  const int span = ctx.horizon - sim_start + 1;
  const auto arrivals_for = [&](long long wanted) {
    return std::max<long long>(1, wanted * kArrivalsPerThousand * span / (365LL * 1000));
  };
  long long arrivals = arrivals_for(options.children);
  std::uint64_t next_index = 0;
  world.children.reserve(static_cast<std::size_t>(arrivals / 2 + 16));
  for (; next_index < static_cast<std::uint64_t>(arrivals); ++next_index) {
    sim.child(next_index, sim_start, span);
  }
  auto count_in_care = [&] {
    long long n = 0;
    for (const auto& c : world.children) n += in_care_at(world, c, ctx.horizon) ? 1 : 0;
    return n;
  };
  long long in_care = count_in_care();
  // Too few (rare): more arrivals in proportion, until there are enough.
  for (int round = 0; in_care < options.children && round < 8; ++round) {
    const long long more =
        (options.children - in_care) * arrivals / std::max(in_care, 1LL) + arrivals / 20 + 5;
    for (long long k = 0; k < more; ++k, ++next_index) sim.child(next_index, sim_start, span);
    arrivals += more;
    in_care = count_in_care();
  }
  // Too many: leave out whole children, exactly enough of those in care on the last 31 March
  // and the same share of everyone else, so every distribution keeps its shape.
  {
    Rng r(mix(ctx.seed, 0x7417ULL));
    const long long excess = in_care - options.children;
    if (excess > 0) {
      std::vector<std::uint32_t> caring;
      for (std::uint32_t i = 0; i < world.children.size(); ++i) {
        if (in_care_at(world, world.children[i], ctx.horizon))
          caring.push_back(i);
        else if (static_cast<long long>(r.below(static_cast<std::uint32_t>(in_care))) < excess)
          world.children[i].dropped = true;
      }
      for (long long k = 0; k < excess; ++k) {
        const auto j =
            static_cast<std::size_t>(k) +
            r.below(static_cast<std::uint32_t>(caring.size() - static_cast<std::size_t>(k)));
        std::swap(caring[static_cast<std::size_t>(k)], caring[j]);
        world.children[caring[static_cast<std::size_t>(k)]].dropped = true;
      }
    }
  }
  // Short breaks: about one disabled child in a series of short breaks for every hundred
  // children looked after, each series lasting one to six years.
  {
    const long long series = std::max<long long>(
        1, static_cast<long long>(options.children) * 12 * span / (1000LL * 1300));
    for (long long k = 0; k < series; ++k)
      sim.short_breaks(static_cast<std::uint64_t>(k), sim_start, span);
  }

  // File order: children by CHILD, numbered in order of first entry to care.
  std::vector<std::uint32_t> order;
  order.reserve(world.children.size());
  for (std::uint32_t i = 0; i < world.children.size(); ++i) {
    if (!world.children[i].dropped) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const auto& x = world.children[a];
    const auto& y = world.children[b];
    return x.first_entry != y.first_entry ? x.first_entry < y.first_entry : x.seed < y.seed;
  });
  {
    Rng r(mix(ctx.seed, 0x1D5ULL));
    std::uint32_t id = 1000000u + static_cast<std::uint32_t>(r.below(400000));
    for (std::uint32_t i : order) {
      id += 1 + r.below(4);
      world.children[i].id = id;
    }
  }

  Details details(ctx, world);
  for (std::uint32_t i : order) {
    SimChild& c = world.children[i];
    const SimPeriod& last = world.periods[c.first_period + c.periods - 1];
    if (last.end >= ctx.window_start) details.fill(c);
  }

  std::vector<model::Return> out;
  out.reserve(static_cast<std::size_t>(options.years));
  for (int y = first_year; y <= options.last_year; ++y) {
    model::Return ret;
    ret.la = options.la;
    ret.year = CollectionYear{y};
    YearWriter writer{ctx, world, ret.year, ret, day_of(ret.year.start()), day_of(ret.year.end())};
    for (std::uint32_t i : order) writer.child(world.children[i]);
    out.push_back(std::move(ret));
  }
  return out;
}

}  // namespace hearth::synth
