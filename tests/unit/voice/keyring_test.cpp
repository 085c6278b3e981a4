// The voice's keys: what is sealed opens with the key that sealed it, a changed box or an
// unknown key is refused, a rotated ring opens old and new, and the file is the owner's alone.
#include "voice/keyring.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace hearth::voice {
namespace {

namespace fs = std::filesystem;

fs::path temp_file(const std::string& name) {
  auto p =
      fs::temp_directory_path() / ("hearth-keyring-" + std::to_string(::getpid()) + "-" + name);
  fs::remove(p);
  return p;
}

TEST(Keyring, SealedTextOpensAndIsNotPlainText) {
  auto ring = Keyring::generate();
  const std::string text = "I don't feel safe at home. ليس آمنا";
  auto box = ring.seal(text);
  EXPECT_TRUE(box.starts_with("v1:k1:"));
  EXPECT_EQ(box.find("safe"), std::string::npos);
  EXPECT_EQ(ring.open(box), text);
  EXPECT_NE(ring.seal(text), box);  // a new nonce each time
  EXPECT_EQ(ring.open(ring.seal("")), "");
}

TEST(Keyring, AChangedBoxOrAnUnknownKeyIsRefused) {
  auto ring = Keyring::generate();
  auto box = ring.seal("hello");
  std::string changed = box;
  changed[changed.size() - 3] = changed[changed.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_THROW(ring.open(changed), KeyError);
  EXPECT_THROW(Keyring::generate("other").open(box), KeyError);
  EXPECT_THROW(ring.open("plain text"), KeyError);
  EXPECT_THROW(ring.open("v1:k1:!!!"), KeyError);
}

TEST(Keyring, ARotatedRingOpensOldAndNewAndSealsWithTheNew) {
  auto ring = Keyring::generate();
  auto old_box = ring.seal("before");
  auto id = ring.add_key();
  EXPECT_EQ(id, "k2");
  EXPECT_EQ(ring.current_id(), "k2");
  EXPECT_EQ(ring.open(old_box), "before");
  auto new_box = ring.seal("after");
  EXPECT_EQ(Keyring::key_of(new_box), "k2");
  ring.drop_old_keys();
  EXPECT_EQ(ring.size(), 1u);
  EXPECT_EQ(ring.open(new_box), "after");
  EXPECT_THROW(ring.open(old_box), KeyError);
}

TEST(Keyring, TheFileIsMadeOnceReadableByItsOwnerAlone) {
  auto file = temp_file("made");
  auto made = Keyring::load_or_create(file);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto box = made.seal("kept");
  auto again = Keyring::load_or_create(file);  // read, not made anew
  EXPECT_EQ(again.open(box), "kept");
  again.add_key();
  again.save(file);
  EXPECT_EQ(Keyring::load(file).size(), 2u);
  EXPECT_EQ(Keyring::load(file).open(box), "kept");
  fs::remove(file);
}

TEST(Keyring, ABadFileSaysWhichLine) {
  auto file = temp_file("bad");
  std::ofstream(file) << "# comment\nk1 not-base64!\n";
  try {
    Keyring::load(file);
    FAIL() << "loaded a bad key";
  } catch (const KeyError& e) {
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
  std::ofstream(file) << "# only a comment\n";
  EXPECT_THROW(Keyring::load(file), KeyError);
  EXPECT_THROW(Keyring::load(temp_file("missing")), KeyError);
  fs::remove(file);
}

}  // namespace
}  // namespace hearth::voice
