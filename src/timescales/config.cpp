#include "timescales/config.hpp"

#include <toml++/toml.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "timescales/toml_document.hpp"

namespace hearth::timescales {
namespace {

struct IntKey {
  std::string_view key;
  int TimescaleConfig::*member;
  int min, max;
  std::string_view meaning;
};

constexpr IntKey kIntKeys[] = {
    {"first_review_working_days", &TimescaleConfig::first_review_working_days, 1, 60,
     "first review: working days after becoming looked after"},
    {"second_review_months", &TimescaleConfig::second_review_months, 1, 12,
     "second review: months after the first"},
    {"later_review_months", &TimescaleConfig::later_review_months, 1, 12,
     "later reviews: months after the previous one"},
    {"visit_new_placement_days", &TimescaleConfig::visit_new_placement_days, 1, 60,
     "visit: days after the start of any placement"},
    {"visit_first_year_days", &TimescaleConfig::visit_first_year_days, 1, 180,
     "visits in the first year of a placement: days between visits"},
    {"visit_long_term_months", &TimescaleConfig::visit_long_term_months, 1, 12,
     "visits after a year in a long-term foster placement (PLACE U1/U4): months between"},
    {"visit_other_days", &TimescaleConfig::visit_other_days, 1, 180,
     "visits after a year in any other placement: days between"},
    {"iha_working_days", &TimescaleConfig::iha_working_days, 1, 60,
     "initial health assessment: working days after becoming looked after"},
    {"rha_under_5_months", &TimescaleConfig::rha_under_5_months, 1, 24,
     "review health assessment when under 5 at the last one: months"},
    {"rha_from_5_months", &TimescaleConfig::rha_from_5_months, 1, 24,
     "review health assessment from the 5th birthday: months"},
    {"dental_months", &TimescaleConfig::dental_months, 1, 24, "dental check: months between"},
    {"sdq_months", &TimescaleConfig::sdq_months, 1, 24, "SDQ: months between"},
    {"sdq_min_age", &TimescaleConfig::sdq_min_age, 0, 18, "SDQ: youngest age"},
    {"sdq_max_age", &TimescaleConfig::sdq_max_age, 0, 18, "SDQ: oldest age"},
    {"immunisations_window_days", &TimescaleConfig::immunisations_window_days, 0, 180,
     "immunisations: days either side of a health assessment a check counts"},
    {"pep_working_days", &TimescaleConfig::pep_working_days, 1, 60,
     "PEP initiated: working days after becoming looked after"},
    {"pep_min_age", &TimescaleConfig::pep_min_age, 0, 18, "PEP: youngest age"},
    {"pep_max_age", &TimescaleConfig::pep_max_age, 0, 18, "PEP: oldest age"},
    {"rhi_hours", &TimescaleConfig::rhi_hours, 1, 24 * 14,
     "return home interview: hours after the child's return"},
    {"eligibility_weeks", &TimescaleConfig::eligibility_weeks, 1, 104,
     "eligible child: weeks looked after since eligibility_from_age"},
    {"eligibility_from_age", &TimescaleConfig::eligibility_from_age, 0, 18,
     "eligible child: weeks counted from this birthday"},
    {"eligibility_at_age", &TimescaleConfig::eligibility_at_age, 0, 18,
     "eligible child: looked after at or after this birthday"},
    {"pathway_plan_months", &TimescaleConfig::pathway_plan_months, 1, 12,
     "needs assessment and pathway plan: months after becoming eligible"},
    {"pathway_review_months", &TimescaleConfig::pathway_review_months, 1, 12,
     "pathway plan review: months between"},
    {"pa_allocation_age", &TimescaleConfig::pa_allocation_age, 0, 21,
     "personal adviser due on eligibility or at this birthday, whichever is later"},
    {"pa_contact_days", &TimescaleConfig::pa_contact_days, 1, 180,
     "personal adviser contact: days between"},
    {"pa_move_days", &TimescaleConfig::pa_move_days, 1, 60,
     "personal adviser contact after a move of home: days"},
    {"support_age", &TimescaleConfig::support_age, 18, 25, "leaving-care support ends"},
    {"extended_support_age", &TimescaleConfig::extended_support_age, 18, 25,
     "leaving-care support ends when the young person asked for more"},
    {"advocate_working_days", &TimescaleConfig::advocate_working_days, 1, 60,
     "advocate provided: working days after the request (local practice)"},
    {"independent_visitor_months", &TimescaleConfig::independent_visitor_months, 1, 12,
     "independent visitor appointed: months after the request (local practice)"},
    {"due_soon_working_days", &TimescaleConfig::due_soon_working_days, 0, 60,
     "an item is due soon this many working days ahead"},
};

bool parse_month_day(std::string_view s, unsigned& month, unsigned& day) {
  unsigned m = 0, d = 0;
  char dash = 0;
  if (s.size() != 5) return false;
  if (std::sscanf(std::string(s).c_str(), "%2u%c%2u", &m, &dash, &d) != 3 || dash != '-')
    return false;
  static constexpr unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  month = m;
  day = d;
  return true;
}

std::string two(unsigned v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

}  // namespace

TimescaleConfig parse_config(std::string_view toml_text, std::string_view source_name) {
  TimescaleConfig cfg;
  toml::table doc = parse_toml_document(toml_text, source_name);
  const toml::table* t = doc["timescales"].as_table();
  if (!t) return cfg;
  const std::string where = std::string(source_name) + ": [timescales] ";
  for (const auto& [k, node] : *t) {
    std::string_view key = k.str();
    bool known = false;
    for (const IntKey& ik : kIntKeys) {
      if (ik.key != key) continue;
      known = true;
      // value_exact: never a float converted (toml++'s value<> casts 3e111 to an integer,
      // undefined behaviour found by fuzz/toml_fuzz).
      auto v = node.value_exact<std::int64_t>();
      if (!node.is_integer() || !v)
        throw ConfigError(where + std::string(key) + " must be a whole number");
      if (*v < ik.min || *v > ik.max)
        throw ConfigError(where + std::string(key) + " = " + std::to_string(*v) +
                          " is out of range (" + std::to_string(ik.min) + " to " +
                          std::to_string(ik.max) + ")");
      cfg.*(ik.member) = static_cast<int>(*v);
    }
    if (key == "pep_terms") {
      known = true;
      const toml::array* terms = node.as_array();
      if (!terms || terms->empty())
        throw ConfigError(where +
                          "pep_terms must be a list of terms, e.g. "
                          "[{ name = \"Autumn\", start = \"09-01\", end = \"12-20\" }]");
      cfg.pep_terms.clear();
      for (const auto& tn : *terms) {
        const toml::table* tt = tn.as_table();
        Term term;
        auto name = tt ? (*tt)["name"].value<std::string>() : std::nullopt;
        auto start = tt ? (*tt)["start"].value<std::string>() : std::nullopt;
        auto end = tt ? (*tt)["end"].value<std::string>() : std::nullopt;
        if (!name || !start || !end || !parse_month_day(*start, term.start_month, term.start_day) ||
            !parse_month_day(*end, term.end_month, term.end_day))
          throw ConfigError(where +
                            "each pep_terms entry needs name, start and end as \"MM-DD\", e.g. "
                            "{ name = \"Autumn\", start = \"09-01\", end = \"12-20\" }");
        if (term.start_month * 100 + term.start_day > term.end_month * 100 + term.end_day)
          throw ConfigError(where + "term " + *name + " ends before it starts");
        term.name = *name;
        cfg.pep_terms.push_back(std::move(term));
      }
    }
    if (!known) {
      std::string keys;
      for (const IntKey& ik : kIntKeys)
        keys += std::string(keys.empty() ? "" : ", ") + std::string(ik.key);
      throw ConfigError(where + "unknown key '" + std::string(key) + "'; the keys are " + keys +
                        ", pep_terms");
    }
  }
  if (cfg.sdq_min_age > cfg.sdq_max_age)
    throw ConfigError(where + "sdq_min_age is above sdq_max_age");
  if (cfg.pep_min_age > cfg.pep_max_age)
    throw ConfigError(where + "pep_min_age is above pep_max_age");
  if (cfg.support_age > cfg.extended_support_age)
    throw ConfigError(where + "support_age is above extended_support_age");
  return cfg;
}

toml::table parse_toml_document(std::string_view text, std::string_view source_name) {
  try {
    return toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << source_name << ":" << e.source().begin.line << ": " << e.description();
    throw ConfigError(msg.str());
  }
}

std::string read_config_file(const std::filesystem::path& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw ConfigError("cannot open the configuration file " + path.string());
  std::ostringstream text;
  text << f.rdbuf();
  return text.str();
}

TimescaleConfig load_config(const std::filesystem::path& path) {
  return parse_config(read_config_file(path), path.string());
}

std::vector<ConfigKey> describe(const TimescaleConfig& config) {
  std::vector<ConfigKey> out;
  for (const IntKey& ik : kIntKeys)
    out.push_back(
        {std::string(ik.key), std::to_string(config.*(ik.member)), std::string(ik.meaning)});
  std::string terms;
  for (const Term& t : config.pep_terms) {
    if (!terms.empty()) terms += ", ";
    terms += t.name + " " + two(t.start_month) + "-" + two(t.start_day) + " to " +
             two(t.end_month) + "-" + two(t.end_day);
  }
  out.push_back({"pep_terms", terms, "school terms in which a PEP review is due"});
  return out;
}

}  // namespace hearth::timescales
