#include "store/staging.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/sql_util.hpp"
#include "store/store.hpp"

namespace hearth::store {

namespace {

// Writes all of `content` to a new file; the error text when anything fails.
std::string write_file(const std::filesystem::path& path, const std::string& content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return std::strerror(errno);
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::string why = n < 0 ? std::strerror(errno) : "nothing was written";
      ::close(fd);
      return why;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) return std::strerror(errno);
  return {};
}

}  // namespace

std::filesystem::path stage_files(const std::filesystem::path& parent,
                                  const std::vector<UploadFile>& files) {
  std::error_code ec;
  auto dir = parent / ("hearth-upload-" + sql::random_hex(9));
  std::filesystem::create_directories(dir, ec);
  if (ec) throw StagingError("cannot make a folder for the uploaded files: " + ec.message());
  for (const auto& f : files) {
    std::string why = write_file(dir / f.name, f.content);
    if (why.empty()) {
      // Read back the size the file system holds: a short file is never checked as if whole.
      auto size = std::filesystem::file_size(dir / f.name, ec);
      if (ec || size != f.content.size()) why = "the file was not written whole";
    }
    if (!why.empty()) {
      std::filesystem::remove_all(dir, ec);
      throw StagingError("cannot write the uploaded file " + f.name +
                         " to the server's temporary folder (" + why + ")");
    }
  }
  return dir;
}

std::size_t remove_stale_staging(const std::filesystem::path& parent, std::chrono::seconds age) {
  std::error_code ec;
  std::size_t n = 0;
  auto now = std::filesystem::file_time_type::clock::now();
  for (std::filesystem::directory_iterator it(parent, ec), end; !ec && it != end;
       it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (!name.starts_with("hearth-upload-") || !it->is_directory(ec)) continue;
    auto changed = std::filesystem::last_write_time(it->path(), ec);
    if (ec || now - changed < age) continue;
    std::error_code rm;
    std::filesystem::remove_all(it->path(), rm);
    if (!rm) ++n;
  }
  return n;
}

std::int64_t expire_abandoned_uploads(UploadStore& st, model::Instant now,
                                      const std::filesystem::path& parent,
                                      std::size_t* folders_removed) {
  std::int64_t n = st.expire_uploads(now - std::chrono::seconds(kUploadLifetimeSeconds));
  std::size_t dirs = remove_stale_staging(parent, std::chrono::seconds(kUploadLifetimeSeconds));
  if (folders_removed) *folders_removed = dirs;
  return n;
}

}  // namespace hearth::store
