// Web imports in progress (store/accounts.hpp has the records): files uploaded one by one,
// checked, then imported or cancelled, kept in the database so any server process can take the
// next step.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "store/accounts.hpp"

namespace hearth::store {

class UploadStore {
 public:
  virtual ~UploadStore() = default;

  virtual void add_upload(const UploadRecord& u) = 0;
  virtual std::optional<UploadRecord> find_upload(std::string_view id) = 0;
  virtual void set_upload_status(std::string_view id, std::string_view status,
                                 std::string_view result) = 0;
  // Adds the file, replacing one of the same name.
  virtual void put_upload_file(std::string_view id, const UploadFile& f) = 0;
  // The files: names and sizes, and their content when `with_content`.
  virtual std::vector<UploadFile> upload_files(std::string_view id, bool with_content) = 0;
  virtual void delete_upload_files(std::string_view id) = 0;
  // The council's imports still open or checked (not imported or cancelled), newest first.
  virtual std::vector<UploadRecord> open_uploads(std::string_view la) = 0;
  // Imports still open or checked and started before `before` become "expired" and lose their
  // files. Returns how many.
  virtual std::int64_t expire_uploads(model::Instant before) = 0;
};

}  // namespace hearth::store
