// The audit log: every read of a child's record, every write and every denial, appended to a
// hash chain in the store (each entry's hash covers the previous entry's hash), so an edited,
// inserted or deleted entry breaks the chain and `hearth audit verify` finds it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/audit_log.hpp"

namespace hearth::auth {

struct AuditProblem {
  std::int64_t seq = 0;  // where the chain breaks
  std::string what;      // "entry 17 was changed after it was written", …
};

struct AuditVerification {
  std::int64_t entries = 0;
  std::int64_t head_seq = 0;
  std::vector<AuditProblem> problems;  // empty: the chain is whole
  bool ok() const { return problems.empty(); }
};

// Reads the whole log in seq order (in pages) and checks: seqs run 1, 2, 3… with no gap; each
// entry's prev_hash is the previous entry's hash; each hash is the hash of the entry; the last
// entry is the head the appender recorded (so a deleted tail shows).
AuditVerification verify_audit(store::AuditLog& st);

}  // namespace hearth::auth
