// Staging a web import's files with every write checked (store/staging.hpp). The text the store
// writes (model/text.hpp) is tested in tests/unit/model/text_test.cpp.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/staging.hpp"

namespace hearth::store {
namespace {

struct TempParent {
  std::filesystem::path dir;
  TempParent() {
    dir = std::filesystem::temp_directory_path() /
          ("hearth-staging-test-" + std::to_string(::getpid()) + "-" +
           std::to_string(reinterpret_cast<std::uintptr_t>(this) & 0xffff));
    std::filesystem::create_directories(dir);
  }
  ~TempParent() { std::filesystem::remove_all(dir); }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir),
                                                  std::filesystem::directory_iterator()));
  }
};

TEST(Staging, WritesEveryFileWhole) {
  TempParent p;
  std::vector<UploadFile> files = {{"header.csv", 0, "CHILD\n1\n"}, {"uasc.csv", 0, "x"}};
  auto dir = stage_files(p.dir, files);
  EXPECT_EQ(std::filesystem::file_size(dir / "header.csv"), 8u);
  EXPECT_EQ(std::filesystem::file_size(dir / "uasc.csv"), 1u);
}

// A full disk, portably: a child process with a file size limit (RLIMIT_FSIZE) and SIGXFSZ
// ignored, so a write past the limit fails with EFBIG as it would with ENOSPC.
TEST(Staging, AFailedWriteRemovesEverythingAndSaysSo) {
  TempParent p;
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    rlimit lim{4096, 4096};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    std::vector<UploadFile> files = {{"header.csv", 0, "CHILD\n1\n"},
                                     {"episodes.csv", 0, std::string(10000, 'x')},
                                     {"uasc.csv", 0, "y"}};
    int code = 1;
    try {
      stage_files(p.dir, files);
      code = 2;  // should have failed
    } catch (const StagingError& e) {
      code = std::string(e.what()).find("episodes.csv") != std::string::npos ? 0 : 3;
    } catch (...) {
      code = 4;
    }
    ::_exit(code);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: crashed, 2: no error, 3: wrong message, 4: other";
  EXPECT_EQ(p.entries(), 0u) << "the partial staging folder is removed";
}

TEST(Staging, StaleFoldersAreRemovedFreshOnesKept) {
  TempParent p;
  auto old_dir = p.dir / "hearth-upload-old";
  auto new_dir = p.dir / "hearth-upload-new";
  auto other = p.dir / "something-else";
  for (const auto& d : {old_dir, new_dir, other}) std::filesystem::create_directories(d);
  std::filesystem::last_write_time(
      old_dir, std::filesystem::file_time_type::clock::now() - std::chrono::hours(30));
  std::filesystem::last_write_time(
      other, std::filesystem::file_time_type::clock::now() - std::chrono::hours(30));
  EXPECT_EQ(remove_stale_staging(p.dir, std::chrono::hours(24)), 1u);
  EXPECT_FALSE(std::filesystem::exists(old_dir));
  EXPECT_TRUE(std::filesystem::exists(new_dir));
  EXPECT_TRUE(std::filesystem::exists(other));
}

}  // namespace
}  // namespace hearth::store
