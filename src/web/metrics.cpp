#include "web/metrics.hpp"

#include <spdlog/spdlog.h>

#include "auth/crypto.hpp"

namespace hearth::web {

namespace {

bool loopback(const std::string& a) {
  return a == "::1" || a.rfind("127.", 0) == 0 || a.rfind("::ffff:127.", 0) == 0;
}

}  // namespace

bool metrics_allowed(const Ctx& ctx, const http::Request& req, bool own_listener) {
  if (!ctx.opts.metrics_token.empty()) {
    auto it = req.headers.find("authorization");
    return it != req.headers.end() &&
           auth::equal_secret(it->second, "Bearer " + ctx.opts.metrics_token);
  }
  if (own_listener) return true;
  return loopback(req.remote) && !req.headers.count("x-forwarded-for") &&
         !req.headers.count("forwarded");
}

http::Response metrics_reply(Ctx& ctx, MetricsMemo& memo) {
  http::Exposition out;
  // The data in use.
  const auto data = ctx.snapshot.get();
  const long long loaded = ctx.snapshot.loaded_at();
  const std::int64_t now = ctx.authn.now();
  out.family("hearth_snapshot_loaded_timestamp_seconds", "gauge",
             "When the data in use was read from the store (Unix time).");
  out.sample("hearth_snapshot_loaded_timestamp_seconds", static_cast<double>(loaded));
  out.family("hearth_snapshot_age_seconds", "gauge", "How long ago the data in use was read.");
  out.sample("hearth_snapshot_age_seconds", loaded ? static_cast<double>(now - loaded) : 0.0);
  out.family("hearth_snapshot_load_duration_seconds", "gauge",
             "How long the last read of the data took.");
  out.sample("hearth_snapshot_load_duration_seconds", ctx.snapshot.last_load_seconds());
  out.family("hearth_snapshot_reloads_total", "counter", "Reads of the data since the start.");
  out.sample("hearth_snapshot_reloads_total", static_cast<double>(ctx.snapshot.reloads()));
  out.family("hearth_snapshot_from_saved", "gauge",
             "1 when the data in use was read back as saved, 0 when built from the rows.");
  out.sample("hearth_snapshot_from_saved", ctx.snapshot.from_saved() ? 1.0 : 0.0);
  out.family("hearth_snapshot_saves_total", "counter",
             "Saves of the data built from rows, for the next start, since the start.");
  out.sample("hearth_snapshot_saves_total", static_cast<double>(ctx.snapshot.saves()));
  out.family("hearth_snapshot_children", "gauge", "Children in the data in use.");
  out.sample("hearth_snapshot_children", static_cast<double>(data->children.size()));

  // The store: every process's work.
  bool up = true;
  try {
    auto lease = ctx.light_pool.lease();
    const long long import_id = ctx.snapshot.import_id();
    bool with_findings = false;
    {
      std::lock_guard lk(memo.mu);
      with_findings = memo.import_id != import_id;
    }
    const auto& s = ctx.opts.sessions;
    auto c = lease->ops_counts(now - s.absolute_seconds, now - s.idle_seconds,
                               model::from_unix_seconds(now), with_findings);
    std::vector<std::pair<std::string, long long>> findings;
    {
      std::lock_guard lk(memo.mu);
      if (with_findings) {
        memo.import_id = import_id;
        memo.findings = c.findings;
      }
      findings = memo.findings;
    }
    out.family("hearth_sessions_active", "gauge", "Signed-in sessions not yet ended.");
    out.sample("hearth_sessions_active", static_cast<double>(c.sessions_active));
    out.family("hearth_imports_stored_total", "counter",
               "Imports stored, by format and whether accepted with findings.");
    for (const auto& [key, n] : c.imports) {
      const auto bar = key.find('|');
      out.sample("hearth_imports_stored_total",
                 {{"format", key.substr(0, bar)},
                  {"with_findings", bar == std::string::npos ? "0" : key.substr(bar + 1)}},
                 static_cast<double>(n));
    }
    out.family("hearth_web_imports", "gauge",
               "Imports through the web by where they are (open, checked, imported, cancelled, "
               "expired).");
    for (const auto& [status, n] : c.uploads)
      out.sample("hearth_web_imports", {{"status", status}}, static_cast<double>(n));
    out.family("hearth_validation_findings", "gauge",
               "Validation findings of the returns in use, by severity.");
    for (const auto& [severity, n] : findings)
      out.sample("hearth_validation_findings", {{"severity", severity}}, static_cast<double>(n));
    out.family("hearth_alerts_open", "gauge",
               "\"I don't feel safe\" alerts not yet acknowledged, by escalation level.");
    for (const auto& [level, n] : c.alerts_open)
      out.sample("hearth_alerts_open", {{"level", level}}, static_cast<double>(n));
    out.family("hearth_alerts_overdue", "gauge", "Open alerts past the time they were due.");
    out.sample("hearth_alerts_overdue", static_cast<double>(c.alerts_overdue));
    out.family("hearth_alert_escalations_total", "counter", "Alerts escalated, ever.");
    out.sample("hearth_alert_escalations_total", static_cast<double>(c.alert_escalations));
    out.family("hearth_mail_unsent", "gauge", "Emails in the outbox not yet sent.");
    out.sample("hearth_mail_unsent", static_cast<double>(c.mail_unsent));
  } catch (const std::exception& e) {
    up = false;  // the driver's words go to the log, not to whoever scrapes
    spdlog::warn(
        R"({{"event":"metrics_store_unavailable","error":{}}})",
        nlohmann::json(e.what()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  out.family("hearth_store_up", "gauge", "1 when the store answered this scrape.");
  out.sample("hearth_store_up", up ? 1.0 : 0.0);
  if (ctx.opts.request_metrics) ctx.opts.request_metrics->write(out);
  http::Response r;
  r.status = 200;
  r.content_type = std::string(http::kMetricsContentType);
  r.body = out.take();
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace hearth::web
