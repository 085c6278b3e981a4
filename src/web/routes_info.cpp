// What the store holds (version, schema, councils) and the council's users, for administrators.
#include <algorithm>

#include "web/internal.hpp"

namespace hearth::web {

namespace {

using auth::Action;
using auth::Resource;

http::Response get_info(Call& call) {
  auto d = call.ctx.derived();
  call.require(Action::ReadRegistry, {});
  json councils = json::array();
  for (const auto& la : d->data->councils)
    if (std::find(call.who().councils.begin(), call.who().councils.end(), la) !=
        call.who().councils.end())
      councils.push_back(la);
  return http::Response::json({{"version", "0.1.0"},
                               {"backend", call.st.backend()},
                               {"schema_version", store::kSchemaVersion},
                               {"as_of", model::format_iso(d->as_of)},
                               {"councils", councils}});
}

http::Response get_users(Call& call) {
  std::string la = call.council();
  call.require(Action::ManageUsers, Resource::council(la));
  auto page = call.page();
  json items = json::array();
  std::size_t total = 0;
  for (const auto& u : call.st.list_users()) {
    if (std::find(u.councils.begin(), u.councils.end(), la) == u.councils.end()) continue;
    if (total >= page.first && items.size() < page.second)
      items.push_back({{"username", u.username},
                       {"display_name", u.display_name},
                       {"role", u.role},
                       {"councils", u.councils},
                       {"worker", u.worker},
                       {"teams", u.teams},
                       {"disabled", u.disabled},
                       {"locked", u.locked_until.has_value()},
                       {"last_login_at", model::format_instant(u.last_login_at)}});
    ++total;
  }
  return http::Response::json(Call::paged(std::move(items), total, page));
}

}  // namespace

void add_info_routes(std::vector<Route>& routes) {
  routes.push_back({"GET",
                    "/api/v1/info",
                    "The Hearth version and the councils you can see",
                    {},
                    true,
                    "",
                    get_info});
  routes.back().reply = {200, "Info"};
  routes.push_back({"GET",
                    "/api/v1/users",
                    "The council's users (administrators)",
                    {kLa, kPage, kPerPage},
                    true,
                    "",
                    get_users});
  routes.back().reply = {200, "CouncilUserList"};
}

}  // namespace hearth::web
