#include "report/background_writer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace hearth::report {

BackgroundWriter::BackgroundWriter(int fd, std::string name, std::size_t buffer_bytes)
    : fd_(fd),
      name_(std::move(name)),
      filling_(new char[buffer_bytes]),  // not zeroed: every byte is written before it is read
      writing_(new char[buffer_bytes]),
      size_(buffer_bytes) {
  setp(filling_.get(), filling_.get() + size_);
  thread_ = std::thread([this] { run(); });
}

BackgroundWriter::~BackgroundWriter() {
  try {
    finish();
  } catch (...) {
  }
}

void BackgroundWriter::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    cv_.wait(lock, [&] { return pending_ || stopping_; });
    if (!pending_) return;
    const std::size_t n = to_write_;
    lock.unlock();
    int failed = 0;
    for (std::size_t done = 0; done < n && !failed;) {
      const ssize_t w = ::write(fd_, writing_.get() + done, n - done);
      if (w >= 0)
        done += static_cast<std::size_t>(w);
      else if (errno != EINTR)
        failed = errno;
    }
    lock.lock();
    if (failed && !error_) error_ = failed;
    pending_ = false;
    cv_.notify_all();
  }
}

void BackgroundWriter::hand_over() {
  const auto n = static_cast<std::size_t>(pptr() - pbase());
  std::unique_lock lock(mutex_);
  cv_.wait(lock, [&] { return !pending_; });
  if (n == 0) return;
  filling_.swap(writing_);
  to_write_ = n;
  pending_ = true;
  cv_.notify_all();
  setp(filling_.get(), filling_.get() + size_);
}

BackgroundWriter::int_type BackgroundWriter::overflow(int_type c) {
  hand_over();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize BackgroundWriter::xsputn(const char* s, std::streamsize n) {
  std::streamsize done = 0;
  while (done < n) {
    if (pptr() == epptr()) hand_over();
    const auto room = static_cast<std::streamsize>(epptr() - pptr());
    const std::streamsize k = std::min(room, n - done);
    std::memcpy(pptr(), s + done, static_cast<std::size_t>(k));
    pbump(static_cast<int>(k));
    done += k;
  }
  return done;
}

int BackgroundWriter::sync() {
  hand_over();
  std::unique_lock lock(mutex_);
  cv_.wait(lock, [&] { return !pending_; });
  return error_ ? -1 : 0;
}

void BackgroundWriter::finish() {
  if (finished_) return;
  finished_ = true;
  hand_over();
  {
    std::unique_lock lock(mutex_);
    stopping_ = true;
    cv_.notify_all();
  }
  thread_.join();
  if (error_) throw std::runtime_error("writing " + name_ + " failed: " + std::strerror(error_));
}

}  // namespace hearth::report
