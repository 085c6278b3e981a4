#include "cli/settings.hpp"

#include <spdlog/spdlog.h>
#include <toml++/toml.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "auth/oidc.hpp"
#include "timescales/config.hpp"

namespace hearth::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSystemFile = "/etc/hearth/hearth.toml";

// The sections the file may hold: these three here, the council's read by their own modules.
constexpr std::string_view kSections[] = {"store",     "serve",       "paths", "timescales",
                                          "scorecard", "imports",     "voice", "alerts",
                                          "mail",      "local_offer", "sso"};

class Section {
 public:
  Section(const fs::path& file, const toml::table& doc, std::string_view name)
      : file_(file.string()), name_(name), t_(doc[name].as_table()) {}

  void known(std::initializer_list<std::string_view> keys) const {
    if (!t_) return;
    for (auto&& [k, v] : *t_) {
      bool ok = false;
      for (auto key : keys) ok = ok || k.str() == key;
      if (ok) continue;
      std::string list;
      for (auto key : keys) list += std::string(list.empty() ? "" : ", ") + std::string(key);
      throw UsageError(where(v) + "[" + name_ + "] has no key '" + std::string(k.str()) +
                       "'; its keys are " + list);
    }
  }
  // Each value must be of its key's own type: toml++'s value<T>() would convert (1 as true).
  template <class T>
  void get(std::string_view key, T& into, bool flag_given) const {
    if (!t_ || flag_given) return;
    const toml::node* n = t_->get(key);
    if (!n) return;
    if constexpr (std::is_same_v<T, bool>) {
      if (const auto* v = n->as_boolean()) return void(into = v->get());
      throw UsageError(where(*n) + name_ + "." + std::string(key) + " must be true or false");
    } else if constexpr (std::is_integral_v<T>) {
      if (const auto* v = n->as_integer(); v && v->get() >= INT32_MIN && v->get() <= INT32_MAX)
        return void(into = static_cast<T>(v->get()));
      throw UsageError(where(*n) + name_ + "." + std::string(key) + " must be a whole number");
    } else {
      if (const auto* v = n->as_string()) return void(into = v->get());
      throw UsageError(where(*n) + name_ + "." + std::string(key) + " must be text in quotes");
    }
  }

 private:
  std::string where(const toml::node& n) const {
    return file_ + ":" + std::to_string(n.source().begin.line) + ": ";
  }
  std::string file_, name_;
  const toml::table* t_;
};

bool given(const CLI::App& app, const std::string& flag) {
  const CLI::Option* o = app.get_option_no_throw(flag);
  return o && o->count() > 0;
}

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

}  // namespace

std::string default_config_path() {
  std::error_code ec;
  return fs::is_regular_file(kSystemFile, ec) ? kSystemFile : "";
}

void apply_settings(const fs::path& file, const CLI::App& app, Global& g, const CLI::App& serve_cmd,
                    ServeArgs& s) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UsageError("cannot open the configuration file " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  toml::table doc;
  try {
    doc = toml::parse(text.str(), file.string());
  } catch (const toml::parse_error& e) {
    throw UsageError(file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                     std::string(e.description()));
  }
  for (auto&& [k, v] : doc) {
    bool ok = false;
    for (auto name : kSections) ok = ok || k.str() == name;
    if (!ok)
      throw UsageError(file.string() + ":" + std::to_string(v.source().begin.line) +
                       ": there is no section [" + std::string(k.str()) +
                       "]; the sections are store, serve, paths, timescales, scorecard, "
                       "imports, voice, alerts, mail, local_offer and sso");
  }
  // [sso]'s mistakes stop every command, not only the server (which alone reads the secret).
  try {
    auth::load_sso_config(file, false);
  } catch (const timescales::ConfigError& e) {
    throw UsageError(e.what());
  }

  Section store(file, doc, "store");
  store.known({"url"});
  store.get("url", g.store_url, given(app, "--store") || env_set("HEARTH_STORE"));

  Section serve(file, doc, "serve");
  serve.known({"listen", "io_threads", "workers", "web_root", "secure_cookies", "trust_proxy",
               "idle_minutes", "absolute_hours", "max_upload_mb", "max_connections_per_address",
               "tls_cert", "tls_key", "metrics", "metrics_listen", "metrics_token_file"});
  auto flag = [&](const char* f) { return given(serve_cmd, f); };
  serve.get("listen", s.listen, flag("--listen"));
  serve.get("io_threads", s.io_threads, flag("--io-threads"));
  serve.get("workers", s.workers, flag("--workers"));
  serve.get("web_root", s.web_root, flag("--web") || env_set("HEARTH_WEB_ROOT"));
  serve.get("secure_cookies", s.secure_cookies, flag("--secure-cookies"));
  serve.get("trust_proxy", s.trust_proxy, flag("--trust-proxy"));
  serve.get("idle_minutes", s.idle_minutes, flag("--idle-minutes"));
  serve.get("absolute_hours", s.absolute_hours, flag("--absolute-hours"));
  serve.get("max_upload_mb", s.max_upload_mb, flag("--max-upload-mb"));
  serve.get("max_connections_per_address", s.max_connections_per_address,
            flag("--max-connections-per-address"));
  serve.get("tls_cert", s.tls_cert, flag("--tls-cert"));
  serve.get("tls_key", s.tls_key, flag("--tls-key"));
  serve.get("metrics", s.metrics, flag("--metrics"));
  serve.get("metrics_listen", s.metrics_listen, flag("--metrics-listen"));
  serve.get("metrics_token_file", s.metrics_token_file, flag("--metrics-token-file"));

  // [paths] become the environment variables the modules read, unless those are set.
  Section paths(file, doc, "paths");
  paths.known({"reference", "validation_reference", "chromium"});
  for (auto [key, env] : {std::pair{"reference", "HEARTH_REFERENCE"},
                          {"validation_reference", "HEARTH_VALIDATION_REFERENCE"},
                          {"chromium", "HEARTH_CHROMIUM"}}) {
    std::string value;
    paths.get(key, value, env_set(env));
    if (!value.empty()) setenv(env, value.c_str(), 0);
  }
}

std::shared_ptr<auth::OidcClient> sso_client(const Global& g) {
  if (g.config_path.empty()) return nullptr;
  auth::SsoConfig config;
  try {
    config = auth::load_sso_config(g.config_path);
  } catch (const timescales::ConfigError& e) {
    throw UsageError(e.what());
  }
  if (!config.enabled()) return nullptr;
  auto client = std::make_shared<auth::OidcClient>(config);
  // Not waited for: a provider that is slow to answer must not hold the server's start.
  std::thread([client] {
    using nlohmann::json;
    try {
      client->warm();
      spdlog::info("{}", json{{"event", "sso_ready"}, {"issuer", client->config().issuer}}.dump());
    } catch (const std::exception& e) {
      spdlog::warn("{}", json{{"event", "sso_provider_unavailable"},
                              {"issuer", client->config().issuer},
                              {"error", e.what()}}
                             .dump(-1, ' ', false, json::error_handler_t::replace));
    }
  }).detach();
  return client;
}

}  // namespace hearth::cli
