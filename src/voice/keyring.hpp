// The keys that seal what children and workers write (statements, replies, what was done about an
// alert): libsodium's secretbox (XSalsa20-Poly1305), so the database never holds the text in the
// clear and a changed box is refused, not misread. docs/voice.md, "Protection".
//
// The key file is text, one key per line: an identifier, a space, the 32-byte key as base64;
// '#' starts a comment. The last key seals; every key listed opens. `hearth keys rotate` adds a
// key and re-seals everything with it. The file should be readable by Hearth's user alone.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::voice {

class KeyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Keyring {
 public:
  // Reads the key file. Throws KeyError when it cannot be read, a line is not a key, or it holds
  // none.
  static Keyring load(const std::filesystem::path& file);
  // Reads the key file, or makes it with one new key (mode 0600) when there is no file yet.
  static Keyring load_or_create(const std::filesystem::path& file);
  // A keyring with one new random key (tests).
  static Keyring generate(std::string id = "k1");

  // "v1:<key id>:<base64 of nonce and sealed text>", sealed with the current key.
  std::string seal(std::string_view text) const;
  // The text of a box from seal(), with whichever key sealed it. Throws KeyError when the key
  // is not in the ring or the box was changed.
  std::string open(std::string_view box) const;
  // The key a box was sealed with ("" when it is not a box).
  static std::string key_of(std::string_view box);

  const std::string& current_id() const { return keys_.back().id; }
  std::size_t size() const { return keys_.size(); }
  // Adds a new random key, which seals from now on; returns its id.
  std::string add_key();
  // Keeps only the current key.
  void drop_old_keys();
  // Writes the ring (to a new file beside it, then renamed over it, mode 0600).
  void save(const std::filesystem::path& file) const;

 private:
  struct Key {
    std::string id;
    std::string bytes;  // crypto_secretbox_KEYBYTES
  };
  std::vector<Key> keys_;
};

// The key file of a running server, read again when it changes on disk (looked at at most once
// a second), so `hearth keys rotate` needs no restart. The web application and the server's
// escalation both hold one.
class KeyFile {
 public:
  explicit KeyFile(std::filesystem::path file) : file_(std::move(file)) {}
  // The keys. KeyError when no file is named, or it cannot be read and none were read before; a
  // file that turns unreadable later keeps the keys already read (and logs why).
  std::shared_ptr<const Keyring> get();

 private:
  std::filesystem::path file_;
  std::mutex mu_;
  std::shared_ptr<const Keyring> ring_;
  std::filesystem::file_time_type mtime_{};
  std::chrono::steady_clock::time_point checked_{};
};

}  // namespace hearth::voice
