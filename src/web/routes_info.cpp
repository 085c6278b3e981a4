// What the store holds: version, schema, the councils you can see.
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
}

}  // namespace hearth::web
