#include "web/young_render.hpp"

#include <cctype>
#include <chrono>
#include <kainjow/mustache.hpp>
#include <span>
#include <stdexcept>

#include "model/embedded_file.hpp"
#include "voice/clock.hpp"

namespace hearth::web::embedded {
std::span<const model::EmbeddedFile> young_templates();
std::span<const model::EmbeddedFile> young_messages();
}  // namespace hearth::web::embedded

namespace hearth::web::young {

namespace {

namespace mst = kainjow::mustache;

struct Catalogues {
  std::vector<std::string> langs;
  std::map<std::string, json> by_lang;
};

const Catalogues& catalogues() {
  static const Catalogues c = [] {
    Catalogues out;
    for (const auto& f : embedded::young_messages()) {
      std::string lang(f.name.substr(0, f.name.find('.')));
      out.by_lang[lang] = json::parse(f.text);
    }
    const json& en = out.by_lang.at("en");
    out.langs.push_back("en");
    for (auto& [lang, messages] : out.by_lang) {
      if (lang == "en") continue;
      out.langs.push_back(lang);
      for (const auto& [k, v] : en.items())
        if (!messages.contains(k)) messages[k] = v;
    }
    return out;
  }();
  return c;
}

std::string template_text(const std::string& name) {
  for (const auto& f : embedded::young_templates())
    if (f.name == name + ".mustache") return std::string(f.text);
  throw std::logic_error("no young people's template " + name);
}

mst::data to_data(const json& j) {
  switch (j.type()) {
    case json::value_t::object: {
      mst::data d{mst::data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, to_data(v));
      return d;
    }
    case json::value_t::array: {
      mst::data d{mst::data::type::list};
      for (const auto& v : j) d.push_back(to_data(v));
      return d;
    }
    case json::value_t::boolean:
      return j.get<bool>() ? mst::data{mst::data::type::bool_true}
                           : mst::data{mst::data::type::bool_false};
    case json::value_t::null:
      return mst::data{mst::data::type::bool_false};
    case json::value_t::string: {
      // An empty string is false for a {{#section}}, as the templates mean it.
      const auto& s = j.get_ref<const std::string&>();
      if (s.empty()) return mst::data{mst::data::type::bool_false};
      return mst::data{s};
    }
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: {
      auto n = j.get<long long>();
      if (n == 0) return mst::data{mst::data::type::bool_false};
      return mst::data{std::to_string(n)};
    }
    default:
      return mst::data{j.dump()};
  }
}

// Templates are parsed once per thread: a parsed template is not safe to render from two
// threads at once (kainjow's render is not const), and one lock for every young person's page
// would make each wait for the others.
std::string render_one(const std::string& name, const mst::data& d) {
  thread_local std::map<std::string, std::unique_ptr<mst::mustache>> cache;
  auto& slot = cache[name];
  if (!slot) {
    slot = std::make_unique<mst::mustache>(template_text(name));
    if (!slot->is_valid())
      throw std::logic_error("template " + name + ": " + slot->error_message());
  }
  return slot->render(d);
}

}  // namespace

const std::vector<std::string>& languages() {
  return catalogues().langs;
}

const json& catalogue(const std::string& lang) {
  const auto& c = catalogues();
  auto it = c.by_lang.find(lang);
  return it == c.by_lang.end() ? c.by_lang.at("en") : it->second;
}

bool right_to_left(const std::string& lang) {
  return lang == "ar";
}

std::string say(const std::string& lang, const std::string& key,
                const std::map<std::string, std::string>& fill) {
  const json& c = catalogue(lang);
  auto it = c.find(key);
  std::string s = it == c.end() || !it->is_string() ? key : it->get<std::string>();
  for (const auto& [name, value] : fill) {
    const std::string mark = "{" + name + "}";
    for (auto at = s.find(mark); at != std::string::npos; at = s.find(mark, at + value.size()))
      s.replace(at, mark.size(), value);
  }
  return s;
}

std::string day(const std::string& lang, int y, unsigned m, unsigned d) {
  const json& months = catalogue(lang).at("months");
  return say(lang, "date_format",
             {{"day", std::to_string(d)},
              {"month", months.at(m - 1).get<std::string>()},
              {"year", std::to_string(y)}});
}

std::string when(const std::string& lang, model::Instant t) {
  using namespace std::chrono;
  auto local = floor<minutes>(t + voice::england_offset(t));
  auto d = floor<days>(local);
  year_month_day ymd{d};
  hh_mm_ss hms{local - d};
  char time[8];
  std::snprintf(time, sizeof time, "%02d:%02d", static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()));
  return say(lang, "date_time_format",
             {{"date", day(lang, static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                           static_cast<unsigned>(ymd.day()))},
              {"time", time}});
}

std::string render(const std::string& name, json data, const std::string& lang,
                   const std::string& title) {
  data["t"] = catalogue(lang);
  mst::data d = to_data(data);
  const std::string errors = template_text("error_summary");
  d.set("error_summary", mst::partial{[errors] { return errors; }});
  const std::string body = render_one(name, d);
  // The layout needs only the page's frame, not everything the body was made from.
  json page = {{"body", body},
               {"title", title},
               {"lang", lang},
               {"dir", right_to_left(lang) ? "rtl" : "ltr"},
               {"t", std::move(data["t"])}};
  for (const char* k : {"signed_in", "csrf", "path", "css"})
    if (data.contains(k)) page[k] = std::move(data[k]);
  mst::data p = to_data(page);
  return render_one("layout", p);
}

std::string mood_picture(std::string_view mood) {
  // A face: the colour and the mouth (and brows) say the mood; the word beside it says it too.
  struct Face {
    std::string_view mood, fill, mouth, extra;
  };
  static const Face faces[] = {
      {"great", "#00703c", "M13 27 Q24 40 35 27 Z", ""},
      {"good", "#85994b", "M14 29 Q24 37 34 29", ""},
      {"okay", "#ffdd00", "M15 31 L33 31", ""},
      {"sad", "#1d70b8", "M15 34 Q24 26 33 34", ""},
      {"angry", "#d4351c", "M15 34 Q24 28 33 34", "M12 14 L21 18 M36 14 L27 18"},
      {"scared", "#4c2c92", "M19 30 Q24 25 29 30 Q24 36 19 30 Z",
       "M12 13 Q16 10 20 13 M28 13 Q32 10 36 13"},
  };
  for (const auto& f : faces) {
    if (f.mood != mood) continue;
    std::string svg =
        "<svg class=\"app-young__face\" viewBox=\"0 0 48 48\" width=\"48\" height=\"48\" "
        "aria-hidden=\"true\" focusable=\"false\"><circle cx=\"24\" cy=\"24\" r=\"22\" fill=\"";
    svg += f.fill;
    svg +=
        "\" stroke=\"#0b0c0c\" stroke-width=\"2\"/><circle cx=\"17\" cy=\"19\" r=\"3\" "
        "fill=\"#0b0c0c\"/><circle cx=\"31\" cy=\"19\" r=\"3\" fill=\"#0b0c0c\"/><path d=\"";
    svg += f.mouth;
    svg += "\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"3\" stroke-linecap=\"round\"/>";
    if (!f.extra.empty()) {
      svg += "<path d=\"";
      svg += f.extra;
      svg += "\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"2.5\" stroke-linecap=\"round\"/>";
    }
    return svg + "</svg>";
  }
  return {};
}

std::map<std::string, std::string> parse_form(std::string_view body) {
  std::map<std::string, std::string> out;
  auto decode = [](std::string_view s) {
    std::string r;
    r.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '+') {
        r += ' ';
      } else if (s[i] == '%' && i + 2 < s.size() &&
                 std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                 std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
        r += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
        i += 2;
      } else {
        r += s[i];
      }
    }
    return r;
  };
  while (!body.empty()) {
    auto amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    auto eq = pair.find('=');
    if (!pair.empty())
      out[decode(pair.substr(0, eq))] =
          eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    body.remove_prefix(amp + 1);
  }
  return out;
}

}  // namespace hearth::web::young
