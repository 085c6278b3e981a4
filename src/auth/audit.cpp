#include "auth/audit.hpp"

#include "store/store.hpp"

namespace hearth::auth {

AuditVerification verify_audit(store::AuditLog& st) {
  AuditVerification v;
  auto head = st.audit_head();
  v.head_seq = head.first;
  std::int64_t expect_seq = 1;
  std::string prev_hash;
  constexpr std::size_t kPage = 10000;
  std::int64_t from = 1;
  auto problem = [&](std::int64_t seq, std::string what) {
    if (v.problems.size() < 1000) v.problems.push_back({seq, std::move(what)});
  };
  while (true) {
    auto page = st.read_audit(from, kPage);
    for (const auto& e : page) {
      ++v.entries;
      if (e.seq != expect_seq) {
        problem(e.seq, e.seq > expect_seq ? "entries " + std::to_string(expect_seq) + " to " +
                                                std::to_string(e.seq - 1) + " are missing (deleted)"
                                          : "entry " + std::to_string(e.seq) + " is out of order");
      }
      if (e.prev_hash != prev_hash)
        problem(e.seq, "entry " + std::to_string(e.seq) +
                           " does not follow the entry before it (an entry before it was "
                           "deleted, inserted or changed)");
      if (store::audit_hash(e) != e.hash)
        problem(e.seq, "entry " + std::to_string(e.seq) + " was changed after it was written");
      prev_hash = e.hash;
      expect_seq = e.seq + 1;
    }
    if (page.size() < kPage) break;
    from = page.back().seq + 1;
  }
  std::int64_t last = expect_seq - 1;
  if (last != head.first)
    problem(last, last < head.first
                      ? "entries " + std::to_string(last + 1) + " to " +
                            std::to_string(head.first) + " are missing from the end (deleted)"
                      : "the log has entries after the recorded head (" +
                            std::to_string(head.first) + ")");
  else if (prev_hash != head.second)
    problem(last, "the last entry is not the one the log recorded as its head");
  return v;
}

}  // namespace hearth::auth
