#include "model/dataset.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>

#include "model/calendar.hpp"

namespace hearth::model {
namespace {

std::string child_key(std::string_view la, std::string_view child) {
  std::string k;
  k.reserve(la.size() + child.size() + 1);
  k.append(la);
  k.push_back('\x1f');
  k.append(child);
  return k;
}

template <class T>
std::size_t vec_bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

std::uint32_t StringPool::intern(std::string_view s) {
  if (s.empty()) return 0;
  auto it = index_.find(s);
  if (it != index_.end()) return it->second;
  auto id = static_cast<std::uint32_t>(strings_.size());
  strings_.emplace_back(s);
  index_.emplace(strings_.back(), id);
  return id;
}

std::size_t StringPool::memory_bytes() const {
  std::size_t b = strings_.size() * sizeof(std::string);
  for (const auto& s : strings_)
    if (s.capacity() > 15) b += s.capacity();
  b += index_.size() * (sizeof(std::string_view) + sizeof(std::uint32_t) + 16) +
       index_.bucket_count() * sizeof(void*);
  return b;
}

Dataset Dataset::build(const std::vector<Return>& input) {
  Dataset ds;
  // Oldest year first so later years overwrite earlier copies of the same row.
  std::vector<const Return*> returns;
  for (const auto& r : input) returns.push_back(&r);
  std::stable_sort(returns.begin(), returns.end(), [](const Return* a, const Return* b) {
    return a->year.end_year < b->year.end_year;
  });

  // The years each child appears in (any table), and the tables each (la, year) sent rows in.
  std::set<std::pair<ChildIndex, int>> child_years;
  std::map<std::pair<std::string, int>, std::uint32_t> sent;
  auto child_of = [&](const std::string& la, const std::string& child, int year) -> ChildIndex {
    auto key = child_key(la, child);
    auto it = ds.child_index_.find(key);
    if (it != ds.child_index_.end()) {
      child_years.insert({it->second, year});
      auto& c = ds.children[it->second];
      c.last_year = std::max(c.last_year, year);
      return it->second;
    }
    auto idx = static_cast<ChildIndex>(ds.children.size());
    ChildRecord rec;
    rec.la = la;
    rec.child = child;
    rec.first_year = rec.last_year = year;
    ds.children.push_back(std::move(rec));
    ds.child_index_.emplace(std::move(key), idx);
    child_years.insert({idx, year});
    return idx;
  };

  // Keyed merges: (child, date[, id]) -> latest row.
  std::map<std::pair<ChildIndex, Date>, const Episode*> episodes;
  std::map<std::pair<ChildIndex, Date>, const Review*> reviews;
  std::map<std::pair<ChildIndex, Date>, int> review_year;
  std::map<std::pair<ChildIndex, Date>, YearRow<MissingEpisode>> missing;
  std::map<std::tuple<ChildIndex, Date, std::string>, YearRow<SocialWorkerEpisode>> sw;
  std::map<std::pair<ChildIndex, Date>, YearRow<DeprivationOfLiberty>> dolo;
  std::map<ChildIndex, YearRow<Uasc>> uasc;
  std::map<std::pair<ChildIndex, Date>, YearRow<PlacedAdoption>> placed;  // key: DATE_PLACED
  // Year outcomes: one row per child and year (a resubmitted year replaces the earlier copy).
  std::map<std::pair<ChildIndex, int>, YearRow<Oc2>> oc2;
  std::map<std::pair<ChildIndex, int>, YearRow<Oc3>> oc3;
  std::map<std::pair<ChildIndex, int>, YearRow<Ad1>> ad1;
  std::map<std::pair<ChildIndex, int>, YearRow<PrevPerm>> prev_perm;
  std::set<std::string> councils;
  // The year each kept episode came from, and each child's years that hold episodes.
  std::map<std::pair<ChildIndex, Date>, int> episode_year;
  std::set<std::pair<ChildIndex, int>> years_with_episodes;

  for (const Return* r : returns) {
    const int y = r->year.end_year;
    councils.insert(r->la);
    ds.returns.emplace_back(r->la, y);
    std::uint32_t tables = 0;
    for (Table t : tables_without_rows(*r)) tables |= 1u << static_cast<unsigned>(t);
    ds.return_tables.push_back(~tables & ((1u << kTableCount) - 1));
    sent[{r->la, y}] = ds.return_tables.back();
    for (const auto& h : r->header) {
      auto i = child_of(r->la, h.child, y);
      auto& c = ds.children[i];
      c.sex = h.sex;
      c.dob = h.dob;
      c.ethnic = h.ethnic;
      c.upn = h.upn;
      c.mother = h.mother;
      c.mc_dob = h.mc_dob;
    }
    for (const auto& e : r->episodes) {
      auto i = child_of(r->la, e.child, y);
      episodes[{i, e.decom}] = &e;
      episode_year[{i, e.decom}] = y;
      years_with_episodes.insert({i, y});
    }
    for (const auto& v : r->reviews) {
      auto i = child_of(r->la, v.child, y);
      reviews[{i, v.review}] = &v;
      review_year[{i, v.review}] = y;
    }
    for (const auto& m : r->missing) {
      auto i = child_of(r->la, m.child, y);
      missing.insert_or_assign({i, m.mis_start}, YearRow<MissingEpisode>{i, y, m});
    }
    for (const auto& s : r->sw_episodes) {
      auto i = child_of(r->la, s.child, y);
      sw.insert_or_assign({i, s.sw_decom, s.sw_id}, YearRow<SocialWorkerEpisode>{i, y, s});
    }
    for (const auto& d : r->dolo) {
      auto i = child_of(r->la, d.child, y);
      dolo.insert_or_assign({i, d.dolo_start}, YearRow<DeprivationOfLiberty>{i, y, d});
    }
    for (const auto& u : r->uasc) {
      auto i = child_of(r->la, u.child, y);
      uasc.insert_or_assign(i, YearRow<Uasc>{i, y, u});
    }
    auto per_year = [&](auto& out, const auto& rows) {
      for (const auto& o : rows) {
        auto i = child_of(r->la, o.child, y);
        out.insert_or_assign({i, y}, YearRow<std::decay_t<decltype(o)>>{i, y, o});
      }
    };
    per_year(oc2, r->oc2);
    per_year(oc3, r->oc3);
    per_year(ad1, r->ad1);
    per_year(prev_perm, r->prev_perm);
    for (const auto& p : r->placed_adoption) {
      auto i = child_of(r->la, p.child, y);
      placed.insert_or_assign({i, p.date_placed.value_or(Date{})},
                              YearRow<PlacedAdoption>{i, y, p});
    }
  }
  // A row from return `from` whose period runs to `last` (kOpen: still open) was corrected or
  // dropped by a newer return when that return holds the child, sent rows in table `t`, and
  // covers a year the row reaches into (a row the newer return also holds has `from` = its year).
  auto superseded = [&](ChildIndex c, int from, Date last, Table t) {
    for (auto it = child_years.upper_bound({c, from}); it != child_years.end() && it->first == c;
         ++it) {
      if (last < CollectionYear{it->second}.start()) break;
      auto s = sent.find({ds.children[c].la, it->second});
      if (s != sent.end() && (s->second >> static_cast<unsigned>(t) & 1u)) return true;
    }
    return false;
  };
  std::erase_if(reviews, [&](const auto& kv) {
    return superseded(kv.first.first, review_year[kv.first], kv.second->review, Table::Reviews);
  });
  std::erase_if(missing, [&](const auto& kv) {
    const auto& m = kv.second;
    return superseded(m.child, m.year, m.row.mis_end.value_or(kOpen), Table::Missing);
  });
  std::erase_if(sw, [&](const auto& kv) {
    const auto& s = kv.second;
    return superseded(s.child, s.year, s.row.sw_dec.value_or(kOpen), Table::SwEpisodes);
  });
  std::erase_if(dolo, [&](const auto& kv) {
    const auto& d = kv.second;
    return superseded(d.child, d.year, d.row.dolo_end.value_or(kOpen), Table::Dolo);
  });
  std::erase_if(placed, [&](const auto& kv) {
    const auto& p = kv.second;
    return superseded(p.child, p.year, p.row.date_placed_ceased.value_or(kOpen),
                      Table::PlacedAdoption);
  });
  for (auto& [k, v] : oc2) ds.oc2.push_back(std::move(v));
  for (auto& [k, v] : oc3) ds.oc3.push_back(std::move(v));
  for (auto& [k, v] : ad1) ds.ad1.push_back(std::move(v));
  for (auto& [k, v] : placed) ds.placed_adoption.push_back(std::move(v));
  for (auto& [k, v] : prev_perm) ds.prev_perm.push_back(std::move(v));
  ds.councils.assign(councils.begin(), councils.end());
  for (auto& [k, v] : uasc) ds.uasc.push_back(std::move(v));
  // An older return's episode still open in a later year that holds the child's episodes but
  // not this one was corrected or deleted there: the newer return wins.
  std::erase_if(episodes, [&](const auto& kv) {
    const auto& [key, e] = kv;
    const int from = episode_year[key];
    const Date dec = e->dec.value_or(kOpen);
    for (auto it = years_with_episodes.upper_bound({key.first, from});
         it != years_with_episodes.end() && it->first == key.first; ++it)
      if (dec >= CollectionYear{it->second}.start()) return true;
    return false;
  });

  // Columns, grouped by child in index order and by date within a child (std::map order).
  auto& E = ds.episodes;
  const std::size_t ne = episodes.size();
  E.child.reserve(ne);
  E.decom.reserve(ne);
  E.dec.reserve(ne);
  E.rne.reserve(ne);
  E.ls.reserve(ne);
  E.cin.reserve(ne);
  E.place.reserve(ne);
  E.place_provider.reserve(ne);
  E.rec.reserve(ne);
  E.reason_place_change.reserve(ne);
  E.home_post.reserve(ne);
  E.pl_post.reserve(ne);
  E.urn.reserve(ne);
  for (const auto& [key, e] : episodes) {
    auto& c = ds.children[key.first];
    if (c.episodes.count == 0) c.episodes.begin = static_cast<std::uint32_t>(E.child.size());
    ++c.episodes.count;
    E.child.push_back(key.first);
    E.decom.push_back(e->decom);
    E.dec.push_back(e->dec.value_or(kOpen));
    E.rne.push_back(e->rne);
    E.ls.push_back(e->ls);
    E.cin.push_back(e->cin);
    E.place.push_back(e->place);
    E.place_provider.push_back(e->place_provider);
    E.rec.push_back(e->rec);
    E.reason_place_change.push_back(e->reason_place_change);
    E.home_post.push_back(ds.strings.intern(e->home_post));
    E.pl_post.push_back(ds.strings.intern(e->pl_post));
    E.urn.push_back(ds.strings.intern(e->urn));
  }
  auto& R = ds.reviews;
  R.child.reserve(reviews.size());
  R.review.reserve(reviews.size());
  R.review_code.reserve(reviews.size());
  for (const auto& [key, v] : reviews) {
    auto& c = ds.children[key.first];
    if (c.reviews.count == 0) c.reviews.begin = static_cast<std::uint32_t>(R.child.size());
    ++c.reviews.count;
    R.child.push_back(key.first);
    R.review.push_back(v->review);
    R.review_code.push_back(v->review_code);
  }
  for (auto& [k, v] : missing) ds.missing.push_back(std::move(v));
  for (auto& [k, v] : sw) ds.sw_episodes.push_back(std::move(v));
  for (auto& [k, v] : dolo) ds.dolo.push_back(std::move(v));
  // The newest header's date of birth (and sex) wins in every table that repeats it, so no
  // reader can pick up an older return's copy.
  // Periods of care, once for every child (the engines read them; docs/architecture.md).
  auto short_break = [](std::optional<LegalStatus> ls) {
    return ls == LegalStatus::V3 || ls == LegalStatus::V4;
  };
  for (auto& c : ds.children) {
    c.periods.begin = static_cast<std::uint32_t>(ds.periods.size());
    for (std::uint32_t i : rows(c.episodes)) {
      const bool sb = short_break(E.ls[i]);
      const bool joined = c.periods.count > 0 && ds.periods.back().end == E.decom[i] &&
                          !(ds.periods.back().short_breaks && !sb);
      if (joined) {
        auto& p = ds.periods.back();
        p.end = E.dec[i];
        p.last = i;
        p.short_breaks = p.short_breaks && sb;
      } else {
        ds.periods.push_back({E.decom[i], E.dec[i], i, i, sb});
        ++c.periods.count;
      }
    }
  }
  // Each child's rows in the year tables (they are in child order: the merges' keys begin with
  // the child).
  auto spans = [&](const auto& table, Span ChildRecord::*span) {
    for (std::uint32_t i = 0; i < table.size(); ++i) {
      auto& s = ds.children[table[i].child].*span;
      if (s.count == 0) s.begin = i;
      if (s.begin + s.count != i)  // a merge keyed other than by child first
        throw std::logic_error("Dataset: a year table is not grouped by child");
      ++s.count;
    }
  };
  spans(ds.missing, &ChildRecord::missing);
  spans(ds.sw_episodes, &ChildRecord::sw_episodes);
  spans(ds.uasc, &ChildRecord::uasc);
  spans(ds.oc2, &ChildRecord::oc2);
  spans(ds.oc3, &ChildRecord::oc3);
  spans(ds.ad1, &ChildRecord::ad1);
  auto same_dob = [&](auto& rows) {
    for (auto& r : rows)
      if (const auto& c = ds.children[r.child]; c.dob) r.row.dob = c.dob;
  };
  same_dob(ds.missing);
  same_dob(ds.sw_episodes);
  same_dob(ds.dolo);
  same_dob(ds.uasc);
  same_dob(ds.oc2);
  same_dob(ds.oc3);
  same_dob(ds.ad1);
  same_dob(ds.placed_adoption);
  same_dob(ds.prev_perm);
  for (auto& u : ds.uasc)
    if (const auto& c = ds.children[u.child]; c.sex) u.row.sex = c.sex;
  return ds;
}

std::string_view table_name(Table t) {
  static constexpr std::string_view k[] = {"Header",   "Episodes", "Reviews",    "UASC",
                                           "OC2",      "OC3",      "AD1",        "PlacedAdoption",
                                           "PrevPerm", "Missing",  "SWEpisodes", "DoLo"};
  return k[static_cast<std::size_t>(t)];
}

std::vector<Table> tables_without_rows(const Return& r) {
  std::vector<Table> out;
  const std::size_t sizes[] = {
      r.header.size(),    r.episodes.size(), r.reviews.size(),     r.uasc.size(),
      r.oc2.size(),       r.oc3.size(),      r.ad1.size(),         r.placed_adoption.size(),
      r.prev_perm.size(), r.missing.size(),  r.sw_episodes.size(), r.dolo.size()};
  for (std::size_t t = 0; t < kTableCount; ++t)
    if (sizes[t] == 0) out.push_back(static_cast<Table>(t));
  return out;
}

std::vector<Finding> table_findings(const Return& r) {
  std::vector<Finding> out;
  for (Table t : tables_without_rows(r)) {
    Finding f;
    f.rule = "ingest.table-not-sent";
    f.severity = Severity::Warning;
    f.table = std::string(table_name(t));
    f.message = "The " + r.year.label() + " return has no " + f.table +
                " rows. If the table was not sent, the figures that need it show \"no data\" "
                "for " +
                r.year.label() + " (not 0); if the council had none to report, nothing is wrong.";
    f.how_to_fix = "Send the " + f.table +
                   " table (a file with just its header row when there is "
                   "nothing to report).";
    out.push_back(std::move(f));
  }
  return out;
}

bool Dataset::has_rows(std::string_view la, int year, Table t) const {
  for (std::size_t i = 0; i < returns.size(); ++i)
    if (returns[i].first == la && returns[i].second == year)
      return i < return_tables.size() && (return_tables[i] >> static_cast<unsigned>(t) & 1u);
  return false;
}

std::optional<ChildIndex> Dataset::find_child(std::string_view la, std::string_view child) const {
  auto it = child_index_.find(child_key(la, child));
  if (it == child_index_.end()) return std::nullopt;
  return it->second;
}

std::size_t Dataset::looked_after_on(Date day, std::string_view la) const {
  std::size_t n = 0;
  for (const auto& c : children) {
    if (!la.empty() && c.la != la) continue;
    for (std::uint32_t i = c.episodes.begin; i < c.episodes.begin + c.episodes.count; ++i) {
      if (episodes.decom[i] <= day && episodes.dec[i] > day) {
        ++n;
        break;
      }
    }
  }
  return n;
}

namespace {

Date date_of(const Allocation& r) {
  return r.start;
}
Date date_of(const CarePlan& r) {
  return r.start;
}
Date date_of(const MissingRecord& r) {
  return r.start.date;
}
Date date_of(const StayingPut& r) {
  return r.start;
}
Date date_of(const AdvocacyAllocation& r) {
  return r.start;
}
template <class T>
Date date_of(const T& r) {
  return r.date;
}

template <class T, class Find>
void index_rows(PerChild<T>& out, const std::vector<LocalRecords>& all,
                std::vector<T> LocalRecords::*member, std::size_t children, const Find& find,
                std::size_t& unmatched) {
  std::vector<std::pair<ChildIndex, const T*>> rows;
  for (const auto& lr : all)
    for (const T& r : lr.*member) {
      if (auto c = find(lr.la, r.child))
        rows.emplace_back(*c, &r);
      else
        ++unmatched;
    }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return date_of(*a.second) < date_of(*b.second);
  });
  out.rows.clear();
  out.offsets.assign(children + 1, 0);
  for (const auto& [c, r] : rows) ++out.offsets[c + 1];
  for (std::size_t i = 1; i <= children; ++i) out.offsets[i] += out.offsets[i - 1];
  out.rows.reserve(rows.size());
  for (const auto& [c, r] : rows) out.rows.push_back(r);
}

}  // namespace

std::optional<bool> StatementFact::answered_in_time(Date to, int within) const {
  const Date due = WorkingDayCalendar::england_and_wales().add_working_days(made, within);
  if (first_reply) return *first_reply <= due;
  if (due > to) return std::nullopt;
  return false;
}

void Dataset::attach_statements(std::vector<StatementFact> facts) {
  std::stable_sort(facts.begin(), facts.end(),
                   [](const StatementFact& a, const StatementFact& b) { return a.made < b.made; });
  statements = std::move(facts);
  statements_of.assign(children.size(), {});
  for (std::uint32_t i = 0; i < statements.size(); ++i)
    if (auto c = find_child(statements[i].la, statements[i].child)) statements_of[*c].push_back(i);
}

void Dataset::attach_cards(std::vector<CardFact> facts) {
  std::stable_sort(facts.begin(), facts.end(),
                   [](const CardFact& a, const CardFact& b) { return a.raised < b.raised; });
  cards = std::move(facts);
}

void Dataset::index_children() {
  child_index_.clear();
  child_index_.reserve(children.size());
  for (ChildIndex i = 0; i < children.size(); ++i)
    if (!child_index_.emplace(child_key(children[i].la, children[i].child), i).second)
      throw std::invalid_argument("Dataset: a child twice (" + children[i].la + " " +
                                  children[i].child + ")");
}

void Dataset::attach_local(std::vector<LocalRecords> records) {
  std::sort(records.begin(), records.end(),
            [](const LocalRecords& a, const LocalRecords& b) { return a.la < b.la; });
  local = std::move(records);
  local_index = LocalIndex{};
  professionals_.clear();
  auto find = [this](const std::string& la, const std::string& child) {
    return find_child(la, child);
  };
  const std::size_t n = children.size();
  auto& ix = local_index;
  std::size_t& u = ix.unmatched;
  index_rows(ix.allocations, local, &LocalRecords::allocations, n, find, u);
  index_rows(ix.health_checks, local, &LocalRecords::health_checks, n, find, u);
  index_rows(ix.immunisations, local, &LocalRecords::immunisations, n, find, u);
  index_rows(ix.sdq, local, &LocalRecords::sdq, n, find, u);
  index_rows(ix.peps, local, &LocalRecords::peps, n, find, u);
  index_rows(ix.pathway_plans, local, &LocalRecords::pathway_plans, n, find, u);
  index_rows(ix.care_plans, local, &LocalRecords::care_plans, n, find, u);
  index_rows(ix.visits, local, &LocalRecords::visits, n, find, u);
  index_rows(ix.reviews, local, &LocalRecords::reviews, n, find, u);
  index_rows(ix.missing, local, &LocalRecords::missing, n, find, u);
  index_rows(ix.contacts, local, &LocalRecords::contacts, n, find, u);
  index_rows(ix.care_leaver_status, local, &LocalRecords::care_leaver_status, n, find, u);
  index_rows(ix.staying_put, local, &LocalRecords::staying_put, n, find, u);
  index_rows(ix.advocacy_requests, local, &LocalRecords::advocacy_requests, n, find, u);
  index_rows(ix.advocacy_allocations, local, &LocalRecords::advocacy_allocations, n, find, u);
  index_rows(ix.advocacy_visits, local, &LocalRecords::advocacy_visits, n, find, u);
  ix.people.assign(n, nullptr);
  for (const auto& lr : local)
    for (const auto& p : lr.people) {
      if (auto c = find(lr.la, p.child))
        ix.people[*c] = &p;
      else
        ++u;
    }
  for (const auto& lr : local)
    for (const auto& p : lr.professionals) professionals_.emplace(child_key(lr.la, p.id), &p);
}

const LocalRecords* Dataset::local_of(std::string_view la) const {
  auto it = std::lower_bound(local.begin(), local.end(), la,
                             [](const LocalRecords& r, std::string_view l) { return r.la < l; });
  return it != local.end() && it->la == la ? &*it : nullptr;
}

const Professional* Dataset::professional(std::string_view la, std::string_view id) const {
  auto it = professionals_.find(child_key(la, id));
  return it == professionals_.end() ? nullptr : it->second;
}

std::size_t Dataset::memory_bytes() const {
  std::size_t b = vec_bytes(children);
  for (const auto& c : children) {
    if (c.la.capacity() > 15) b += c.la.capacity();
    if (c.child.capacity() > 15) b += c.child.capacity();
    if (c.upn.capacity() > 15) b += c.upn.capacity();
  }
  const auto& E = episodes;
  b += vec_bytes(E.child) + vec_bytes(E.decom) + vec_bytes(E.dec) + vec_bytes(E.rne) +
       vec_bytes(E.ls) + vec_bytes(E.cin) + vec_bytes(E.place) + vec_bytes(E.place_provider) +
       vec_bytes(E.rec) + vec_bytes(E.reason_place_change) + vec_bytes(E.home_post) +
       vec_bytes(E.pl_post) + vec_bytes(E.urn);
  b += vec_bytes(reviews.child) + vec_bytes(reviews.review) + vec_bytes(reviews.review_code);
  b += vec_bytes(periods);
  b += vec_bytes(missing) + vec_bytes(sw_episodes) + vec_bytes(uasc) + vec_bytes(oc2) +
       vec_bytes(oc3) + vec_bytes(ad1) + vec_bytes(placed_adoption) + vec_bytes(prev_perm) +
       vec_bytes(dolo);
  b += strings.memory_bytes();
  b += child_index_.size() * (sizeof(std::string) + sizeof(ChildIndex) + 16) +
       child_index_.bucket_count() * sizeof(void*);
  return b;
}

}  // namespace hearth::model
