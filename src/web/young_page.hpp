// What the young people's pages share (young_pages.cpp: the frame, signing in, starting with a
// code, the language; young_statements.cpp: the home page, statements and messages).
#pragma once

#include <functional>
#include <map>
#include <string>

#include "web/internal.hpp"
#include "web/young_render.hpp"

namespace hearth::web::young {

// One request to a page: the API's call (store, session, policy, audit), the reader's language
// and the posted form.
struct Page {
  Call& call;
  std::string lang;
  std::map<std::string, std::string> form;

  const http::Request& req() const { return call.req; }
  bool signed_in() const { return call.session.has_value(); }
  std::string field(const std::string& name) const {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
  }
  std::string say(const std::string& key, const std::map<std::string, std::string>& fill = {}) {
    return young::say(lang, key, fill);
  }
};

http::Response html(int status, std::string body);
http::Response redirect(const std::string& to);
// Renders template `name` with `data` and the page's common fields; the title from `title_key`.
http::Response page(Page& p, int status, const std::string& name, json data,
                    const std::string& title_key);
// A page of a heading, a sentence and a link (all from the catalogue but the link).
http::Response info(Page& p, int status, const std::string& heading_key,
                    const std::string& text_key, const std::string& link = {},
                    const std::string& link_key = {});

// Errors as the GOV.UK error summary wants them, and each field's own message.
struct FormErrors {
  json list = json::array();
  json fields = json::object();
  void add(const std::string& field, const std::string& message) {
    list.push_back({{"field", field}, {"message", message}});
    fields["error_" + field] = message;
  }
  bool any() const { return !list.empty(); }
  void into(json& d) const {
    d["has_errors"] = any();
    d["errors"] = list;
    for (const auto& [k, v] : fields.items()) d[k] = v;
  }
};

using PageHandler = std::function<http::Response(Page&)>;
enum class Need { Nobody, YoungPerson };
// The frame round every page: the database, the session (a page that needs a young person sends
// anyone else to sign in, or staff to their app), a posted form's origin, type and CSRF field.
http::Handler frame(Ctx& ctx, Need need, PageHandler handler);

// The sign-in page, keeping the statement a young person was sending when their session ended
// (`resume`: "say" or "unsafe"); signing in sends it.
http::Response sign_in_keeping(Page& p, const std::string& resume);

// young_statements.cpp
http::Response home(Page& p);
http::Response say_form(Page& p);
http::Response say_post(Page& p);
http::Response unsafe_form(Page& p);
http::Response unsafe_post(Page& p);
http::Response help_page(Page& p);
http::Response messages_page(Page& p);
http::Response message_page(Page& p);

// young_cards.cpp
http::Response card_form(Page& p);
http::Response card_post(Page& p);

// young_surveys.cpp
json open_surveys(Page& p);  // [{id, title}] for the home page
http::Response survey_page(Page& p);
http::Response survey_post(Page& p);
http::Response standards_page(Page& p);
http::Response standards_post(Page& p);

}  // namespace hearth::web::young
