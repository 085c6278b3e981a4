// Store::saved_snapshot, saved_snapshot_part and save_snapshot for the generic SQL store
// (sql_store.cpp), in the saved_snapshot table (migration 013): each save's parts as base64 text
// under "KEY#SAVE" (SAVE: the save's own random id), and, once they are all written, one row
// under "KEY", part -1, naming the whole save: "SAVE PARTS".
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

#include "store/driver.hpp"
#include "store/store.hpp"

namespace hearth::store::sql {

std::optional<Store::SavedSnapshot> saved_snapshot(soci::session& sql, const std::string& key);
std::optional<std::string> read_saved_snapshot_part(soci::session& sql, const std::string& key,
                                                    const Store::SavedSnapshot& save, int n);
bool write_saved_snapshot(soci::session& sql, const Driver& driver, const std::string& key,
                          const std::function<void(const Store::PartSink&)>& produce);

}  // namespace hearth::store::sql
