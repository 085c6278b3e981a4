// A subject access request (UK GDPR Article 15): everything Hearth holds about one child, for
// `hearth sar export --child ID` — their record (the 903 return and local records as their
// journey), what they said and every answer, their alerts and what was done, their accounts and
// invitations — as the files of a ZIP archive (JSON, and CSV where a table reads better).
// Survey answers and standards ratings are anonymous by design and cannot be found for anyone;
// the archive's README says so.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "services/snapshot_cache.hpp"
#include "store/store.hpp"
#include "voice/keyring.hpp"

namespace hearth::report {

// The archive's files (name → bytes). services::no_child when the council holds no such child.
std::vector<std::pair<std::string, std::string>> subject_access_files(
    services::SnapshotCache& snap, store::Store& st, const voice::Keyring& keys,
    const std::string& la, const std::string& child, const std::string& made_at);

}  // namespace hearth::report
