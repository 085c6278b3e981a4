// FindingNoteStore's conformance suite, on SQLite and PostgreSQL: notes that explain findings,
// one per finding and council, found again by council and id, withdrawn.
#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace hearth::store_test {
namespace {

class FindingNoteStoreConformance : public StoreTest {};

store::FindingNote note(const std::string& la, const std::string& key, const std::string& text,
                        std::int64_t at) {
  store::FindingNote n;
  n.la = la;
  n.key = key;
  n.rule = "454";
  n.child = "C1";
  n.note = text;
  n.user = "ann";
  n.at = model::from_unix_seconds(at);
  return n;
}

TEST_P(FindingNoteStoreConformance, ANoteIsKeptPerFindingAndCouncilAndCanBeWithdrawn) {
  store_->upgrade();
  auto a = store_->put_finding_note(note("887", "k1", "Placed far away on purpose", 1000));
  EXPECT_GT(a.id, 0);
  auto b = store_->put_finding_note(note("887", "k2", "Confirmed with the team", 1001));
  auto other = store_->put_finding_note(note("201", "k1", "Another council's", 1002));
  EXPECT_NE(a.id, b.id);
  auto notes = store_->finding_notes("887");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].key, "k1");
  EXPECT_EQ(notes[0].note, "Placed far away on purpose");
  EXPECT_EQ(notes[0].rule, "454");
  EXPECT_EQ(notes[0].child, "C1");
  EXPECT_EQ(notes[0].user, "ann");
  EXPECT_EQ(notes[0].at, model::from_unix_seconds(1000));
  EXPECT_EQ(store_->finding_notes("201").size(), 1u);
  EXPECT_TRUE(store_->finding_notes("999").empty());

  // A second note on the same finding replaces the first.
  auto again = store_->put_finding_note(note("887", "k1", "Checked again in May", 2000));
  notes = store_->finding_notes("887");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_FALSE(store_->finding_note(a.id));
  ASSERT_TRUE(store_->finding_note(again.id));
  EXPECT_EQ(store_->finding_note(again.id)->note, "Checked again in May");

  EXPECT_TRUE(store_->delete_finding_note(b.id));
  EXPECT_FALSE(store_->delete_finding_note(b.id));
  EXPECT_EQ(store_->finding_notes("887").size(), 1u);
  EXPECT_EQ(store_->finding_notes("201").front().id, other.id);
}

TEST_P(FindingNoteStoreConformance, AnyBytesInANoteAreStoredAsText) {
  store_->upgrade();
  auto n = note("887", "k", std::string("caf\xC3\xA9 \xFF\0end", 11), 5);
  auto stored = store_->put_finding_note(n);
  auto back = store_->finding_note(stored.id);
  ASSERT_TRUE(back);
  EXPECT_TRUE(model::is_utf8(back->note));
  EXPECT_EQ(back->note.substr(0, 5), "caf\xC3\xA9");
}

HEARTH_ON_EVERY_BACKEND(FindingNoteStoreConformance);

}  // namespace
}  // namespace hearth::store_test
