// A cache bounded by the bytes its values take: once the budget is passed, the least recently
// used entries go. A snapshot's derived results (worklists, an import's findings) and the web's
// rendered scorecards are kept in these, so requests for ever new keys (as_of dates, ids) cannot
// grow memory without bound. Thread-safe.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace hearth::services {

template <class V>
class ByteLru {
 public:
  explicit ByteLru(std::size_t budget) : budget_(budget) {}

  // The value, marked most recently used; null when not kept.
  std::shared_ptr<const V> get(const std::string& key) {
    std::lock_guard lk(mu_);
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->value;
  }

  // Keeps `value` as `bytes` bytes and returns what is kept under `key` (an entry already there
  // wins: two requests that worked out the same thing share one). A value larger than the whole
  // budget is returned but not kept.
  std::shared_ptr<const V> put(const std::string& key, std::shared_ptr<const V> value,
                               std::size_t bytes) {
    std::lock_guard lk(mu_);
    if (auto it = index_.find(key); it != index_.end()) {
      order_.splice(order_.begin(), order_, it->second);
      return it->second->value;
    }
    if (bytes > budget_) return value;
    order_.push_front({key, value, bytes});
    index_.emplace(key, order_.begin());
    bytes_ += bytes;
    while (bytes_ > budget_ && !order_.empty()) {
      bytes_ -= order_.back().bytes;
      index_.erase(order_.back().key);
      order_.pop_back();
    }
    return value;
  }

  std::size_t bytes() const {
    std::lock_guard lk(mu_);
    return bytes_;
  }
  std::size_t size() const {
    std::lock_guard lk(mu_);
    return index_.size();
  }
  std::size_t budget() const { return budget_; }

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const V> value;
    std::size_t bytes;
  };
  std::size_t budget_;
  mutable std::mutex mu_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
};

}  // namespace hearth::services
