// An output stream whose bytes are written to a file descriptor by a second thread, so that the
// program lays out the next megabyte while the kernel copies the last one. `hearth validate`
// writes tens of megabytes of findings; on a virtual machine the copy into the page cache took
// as long as laying them out (docs/performance.md).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <string>
#include <thread>

namespace hearth::report {

class BackgroundWriter final : public std::streambuf {
 public:
  // Writes to `fd` (not closed here); `name` says which file in an error ("out.json").
  BackgroundWriter(int fd, std::string name, std::size_t buffer_bytes = std::size_t{1} << 20);
  ~BackgroundWriter() override;  // finishes, ignoring a write error (call finish() to see it)
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;

  // Writes what is left and waits for it; throws std::runtime_error naming the file and the
  // system's reason when any write failed (a full disk, a closed pipe).
  void finish();

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void hand_over();  // gives the filled buffer to the writer thread and takes the other one
  void run();

  int fd_;
  std::string name_;
  std::unique_ptr<char[]> filling_, writing_;
  std::size_t size_;
  std::size_t to_write_ = 0;  // bytes of writing_ handed over and not yet written
  std::mutex mutex_;
  std::condition_variable cv_;
  bool pending_ = false, stopping_ = false, finished_ = false;
  int error_ = 0;  // the first write's errno
  std::thread thread_;
};

// An std::ostream over a BackgroundWriter.
class BackgroundStream : public std::ostream {
 public:
  BackgroundStream(int fd, std::string name) : std::ostream(nullptr), buf_(fd, std::move(name)) {
    rdbuf(&buf_);
  }
  void finish() {
    flush();
    buf_.finish();
  }

 private:
  BackgroundWriter buf_;
};

}  // namespace hearth::report
