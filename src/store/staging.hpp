// A web import's uploaded files written to a folder for the readers (which read paths). Every
// write is checked, to the last byte and the close: on a full disk (or any write error) the
// folder is removed and StagingError thrown, so nothing half-written is ever checked.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "store/upload_store.hpp"

namespace hearth::store {

// A web import not finished within this long after it was started is expired: its files are
// removed and it can no longer be checked or accepted (docs/security.md).
constexpr std::int64_t kUploadLifetimeSeconds = 24 * 60 * 60;

// Expires abandoned web imports (store.expire_uploads) and removes stale staging folders under
// `parent`; what `hearth serve` runs at start and every few minutes. Returns imports expired.
std::int64_t expire_abandoned_uploads(UploadStore& st, model::Instant now,
                                      const std::filesystem::path& parent,
                                      std::size_t* folders_removed = nullptr);

struct StagingError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A new folder "hearth-upload-<random>" under `parent` holding the files; the caller removes
// it when done.
std::filesystem::path stage_files(const std::filesystem::path& parent,
                                  const std::vector<UploadFile>& files);

// Removes "hearth-upload-*" folders under `parent` last changed more than `age` ago (left by a
// process that was killed while checking). Returns how many.
std::size_t remove_stale_staging(const std::filesystem::path& parent, std::chrono::seconds age);

}  // namespace hearth::store
