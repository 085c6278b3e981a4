// What the Board's route files share (routes_board.cpp, routes_cards.cpp, routes_meetings.cpp):
// today and now on the server's clock, an {id} from the path, and how a person who did something
// is named to the Board (a young person never by name).
#pragma once

#include <map>

#include "report/board_json.hpp"
#include "voice/clock.hpp"
#include "web/internal.hpp"

namespace hearth::web::board {

inline model::Date today_of(const Call& call) {
  return voice::england_date(model::from_unix_seconds(call.ctx.authn.now()));
}
inline model::Instant now_of(const Call& call) {
  return model::from_unix_seconds(call.ctx.authn.now());
}

// {id} from the path: a 404 naming `what` ("action", "challenge card") when it is not a number.
inline std::int64_t id_param(const Call& call, const std::string& what) {
  const std::string& v = call.req.path_params.at("id");
  auto n = positive_number(v);
  if (!n) throw ApiError(404, "not_found", "There is no " + what + " '" + v + "'.");
  return *n;
}

// A body's text field when it is there (null or absent: nothing), 400 when not text.
inline std::optional<std::string> optional_string(const json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  return body_string(body, name, "");
}

// Staff by their name in Hearth; a young person as "a young person"; anyone else as written.
inline report::NameOf names(store::Store& st) {
  auto cache = std::make_shared<std::map<std::string, std::string>>();
  return [&st, cache](const std::string& username) -> std::string {
    if (username.empty()) return "Hearth";
    if (auto it = cache->find(username); it != cache->end()) return it->second;
    std::string name = username;
    if (auto u = st.find_user(username))
      name = u->role == "young_person" ? std::string("a young person")
             : u->display_name.empty() ? username
                                       : u->display_name;
    return (*cache)[username] = name;
  };
}

// Checks the reader may see the council's Board and returns the council (a 404, audited, for an
// object of another council: by id a denial says nothing exists).
inline void require_board_by_id(Call& call, const std::string& la, const std::string& what,
                                std::int64_t id) {
  if (!call.check(auth::Action::ReadBoard, auth::Resource::council(la))) {
    call.audit("access.denied", what + ":" + std::to_string(id), "denied",
               {{"action", auth::action_name(auth::Action::ReadBoard)},
                {"route", call.req.method + " " + call.req.path}});
    throw ApiError(404, "not_found", "There is no " + what + " " + std::to_string(id) + ".");
  }
}

}  // namespace hearth::web::board
