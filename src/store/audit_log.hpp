// The hash-chained audit log (docs/security.md; store/accounts.hpp has the entry and its hash).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/accounts.hpp"

namespace hearth::store {

class AuditLog {
 public:
  virtual ~AuditLog() = default;

  // Appends in its own transaction, after the current head, whichever process appends: fills in
  // seq, prev_hash and hash (and `at` when empty). Returns the entry stored.
  virtual AuditEntry append_audit(AuditEntry e) = 0;
  // Entries with seq >= from_seq, in seq order, at most `limit`.
  virtual std::vector<AuditEntry> read_audit(std::int64_t from_seq, std::size_t limit) = 0;
  // The head the appender last wrote: (seq, hash); (0, "") for an empty log.
  virtual std::pair<std::int64_t, std::string> audit_head() = 0;
};

}  // namespace hearth::store
