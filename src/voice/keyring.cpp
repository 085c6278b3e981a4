#include "voice/keyring.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace hearth::voice {

namespace {

void need_sodium() {
  if (sodium_init() < 0) throw KeyError("libsodium could not be initialised");
}

std::string to_base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

bool from_base64(std::string_view text, std::string& out) {
  out.assign(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return false;
  out.resize(len);
  return true;
}

std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

bool plain_id(std::string_view id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

}  // namespace

Keyring Keyring::load(const std::filesystem::path& file) {
  need_sodium();
  std::ifstream in(file);
  if (!in)
    throw KeyError("cannot read the voice key file " + file.string() +
                   " (name it in [voice] key_file; docs/voice.md)");
  Keyring ring;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream words(line);
    std::string id, key, extra;
    if (!(words >> id)) continue;
    words >> key >> extra;
    Key k{id, {}};
    if (!plain_id(id) || key.empty() || !extra.empty() || !from_base64(key, k.bytes) ||
        k.bytes.size() != crypto_secretbox_KEYBYTES)
      throw KeyError(file.string() + ", line " + std::to_string(n) +
                     ": not a key (an identifier of letters, digits, - or _, a space, and 32 "
                     "bytes as base64)");
    for (const auto& other : ring.keys_)
      if (other.id == id)
        throw KeyError(file.string() + ", line " + std::to_string(n) + ": key " + id +
                       " is listed twice");
    ring.keys_.push_back(std::move(k));
  }
  if (ring.keys_.empty()) throw KeyError("the voice key file " + file.string() + " holds no key");
  return ring;
}

Keyring Keyring::load_or_create(const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) return load(file);
  Keyring ring = generate("k1");
  ring.save(file);
  return ring;
}

Keyring Keyring::generate(std::string id) {
  need_sodium();
  Keyring ring;
  ring.keys_.push_back({std::move(id), random_bytes(crypto_secretbox_KEYBYTES)});
  return ring;
}

std::string Keyring::seal(std::string_view text) const {
  need_sodium();
  const Key& k = keys_.back();
  std::string nonce = random_bytes(crypto_secretbox_NONCEBYTES);
  std::string sealed(crypto_secretbox_MACBYTES + text.size(), '\0');
  crypto_secretbox_easy(reinterpret_cast<unsigned char*>(sealed.data()),
                        reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                        reinterpret_cast<const unsigned char*>(nonce.data()),
                        reinterpret_cast<const unsigned char*>(k.bytes.data()));
  return "v1:" + k.id + ":" + to_base64(nonce + sealed);
}

std::string Keyring::key_of(std::string_view box) {
  if (!box.starts_with("v1:")) return {};
  auto colon = box.find(':', 3);
  return colon == std::string_view::npos ? std::string() : std::string(box.substr(3, colon - 3));
}

std::string Keyring::open(std::string_view box) const {
  need_sodium();
  const std::string id = key_of(box);
  if (id.empty()) throw KeyError("not a sealed text");
  const Key* key = nullptr;
  for (const auto& k : keys_)
    if (k.id == id) key = &k;
  if (!key)
    throw KeyError("the text was sealed with key " + id +
                   ", which is not in the voice key file (was it rotated away?)");
  std::string raw;
  if (!from_base64(box.substr(3 + id.size() + 1), raw) ||
      raw.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    throw KeyError("a sealed text is damaged");
  std::string text(raw.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  const auto* nonce = reinterpret_cast<const unsigned char*>(raw.data());
  const auto* sealed = nonce + crypto_secretbox_NONCEBYTES;
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(text.data()), sealed,
                                 raw.size() - crypto_secretbox_NONCEBYTES, nonce,
                                 reinterpret_cast<const unsigned char*>(key->bytes.data())) != 0)
    throw KeyError("a sealed text does not open with key " + id + ": it was changed");
  return text;
}

std::string Keyring::add_key() {
  need_sodium();
  int n = static_cast<int>(keys_.size()) + 1;
  std::string id;
  for (;; ++n) {
    id = "k" + std::to_string(n);
    bool taken = false;
    for (const auto& k : keys_) taken = taken || k.id == id;
    if (!taken) break;
  }
  keys_.push_back({id, random_bytes(crypto_secretbox_KEYBYTES)});
  return id;
}

void Keyring::drop_old_keys() {
  keys_.erase(keys_.begin(), keys_.end() - 1);
}

std::shared_ptr<const Keyring> KeyFile::get() {
  if (file_.empty())
    throw KeyError("no voice key file is named ([voice] key_file or HEARTH_VOICE_KEY)");
  std::lock_guard lk(mu_);
  const auto now = std::chrono::steady_clock::now();
  if (ring_ && now - checked_ < std::chrono::seconds(1)) return ring_;
  checked_ = now;
  std::error_code ec;
  const auto mtime = std::filesystem::last_write_time(file_, ec);
  if (ring_ && !ec && mtime == mtime_) return ring_;
  try {
    ring_ = std::make_shared<const Keyring>(Keyring::load(file_));
    mtime_ = mtime;
  } catch (const KeyError& e) {
    if (!ring_) throw;
    spdlog::error(
        R"({{"event":"voice_keys_unreadable","error":{}}})",
        nlohmann::json(e.what()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return ring_;
}

void Keyring::save(const std::filesystem::path& file) const {
  auto tmp = file;
  tmp += ".new";
  {
    // Made empty and closed to the group and others before any key is written into it.
    std::ofstream(tmp, std::ios::trunc).close();
    std::error_code ec;
    std::filesystem::permissions(
        tmp, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
    if (ec) throw KeyError("cannot make the voice key file " + tmp.string() + " private");
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) throw KeyError("cannot write the voice key file " + tmp.string());
    out << "# Hearth's voice keys: the last seals, all open. Keep this file secret and backed up\n"
           "# apart from the database (docs/voice.md).\n";
    for (const auto& k : keys_) out << k.id << ' ' << to_base64(k.bytes) << '\n';
    out.flush();
    if (!out) throw KeyError("cannot write the voice key file " + tmp.string());
  }
  std::filesystem::rename(tmp, file);
}

}  // namespace hearth::voice
