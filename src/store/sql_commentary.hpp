// The SQL behind the Store's commentary methods (store/commentary_store.hpp), on the store's
// session.
#pragma once

#include <soci/soci.h>

#include "store/commentary_store.hpp"
#include "store/driver.hpp"

namespace hearth::store {

class SqlCommentary final : public CommentaryStore {
 public:
  SqlCommentary(soci::session& sql, const Driver& driver) : sql_(sql), driver_(driver) {}

  std::int64_t add_commentary(const Commentary& c) override;
  std::vector<Commentary> commentary(std::string_view la, std::string_view period,
                                     std::optional<model::Instant> as_at) override;
  std::vector<Commentary> commentary_history(std::string_view la, std::string_view subject,
                                             std::string_view period,
                                             std::string_view part) override;

 private:
  soci::session& sql_;
  const Driver& driver_;
};

}  // namespace hearth::store
