// The dataset written whole and read back (model/dataset_codec.hpp): the same in every table,
// field and index as the one built from rows, whatever the pieces' size; anything cut short,
// from another form or damaged is refused with DatasetCodecError, never read as data.
#include "model/dataset_codec.hpp"

#include <gtest/gtest.h>

#include <cstring>

#include "../../common/dataset_compare.hpp"
#include "synth/generator.hpp"

namespace hearth {
namespace {

using model::Dataset;
using model::DatasetCodecError;

// Two councils, two years each, with their local records: every table and kind of record.
Dataset two_councils() {
  std::vector<model::Return> returns;
  std::vector<model::LocalRecords> local;
  for (const char* la : {"887", "202"}) {
    synth::Options o;
    o.children = 150;
    o.years = 2;
    o.la = la;
    auto r = synth::generate(o);
    local.push_back(synth::generate_local(o, r));
    for (auto& x : r) returns.push_back(std::move(x));
  }
  Dataset d = Dataset::build(returns);
  d.attach_local(std::move(local));
  return d;
}

std::vector<std::string> encode(const Dataset& d, std::size_t piece) {
  std::vector<std::string> pieces;
  model::encode_dataset(
      d, [&](std::string_view p) { pieces.emplace_back(p); }, piece);
  return pieces;
}

// max_bytes: the bound on what the pieces hold (by default, exactly what they hold).
Dataset decode(std::vector<std::string> pieces, std::size_t max_bytes = 0) {
  if (max_bytes == 0)
    for (const auto& p : pieces) max_bytes += p.size();
  std::size_t i = 0;
  return model::decode_dataset(
      [&]() -> std::optional<std::string> {
        if (i == pieces.size()) return std::nullopt;
        return std::move(pieces[i++]);
      },
      max_bytes);
}

std::string joined(const std::vector<std::string>& pieces) {
  std::string all;
  for (const auto& p : pieces) all += p;
  return all;
}

TEST(DatasetCodec, ReadBackItIsTheDatasetBuiltFromRows) {
  const Dataset built = two_councils();
  ASSERT_GT(built.children.size(), 300u);
  ASSERT_FALSE(built.local.empty());
  ASSERT_FALSE(built.local_index.advocacy_visits.rows.empty());
  ASSERT_FALSE(built.oc3.empty());
  ASSERT_GT(built.strings.size(), 10u);
  // Pieces of every size: a value may be cut anywhere between two of them.
  for (std::size_t piece : {std::size_t{7}, std::size_t{4096}, std::size_t{64} << 20}) {
    SCOPED_TRACE("pieces of " + std::to_string(piece) + " bytes");
    auto pieces = encode(built, piece);
    if (piece == 7) EXPECT_GT(pieces.size(), 1000u);
    if (piece == (std::size_t{64} << 20)) EXPECT_EQ(pieces.size(), 1u);
    const Dataset back = decode(pieces);
    testing::expect_same_dataset(built, back);
    testing::expect_same_dataset(built, decode(pieces, pieces.size() * piece));
    // Written again it is the same bytes: nothing is lost or made up on the way.
    EXPECT_EQ(joined(encode(back, piece)), joined(pieces));
  }
}

TEST(DatasetCodec, AnEmptyDatasetReadsBackEmpty) {
  const Dataset empty;
  const Dataset back = decode(encode(empty, 1024));
  EXPECT_TRUE(back.children.empty());
  EXPECT_TRUE(back.local.empty());
  EXPECT_EQ(back.strings.size(), 1u);
}

void expect_refused(std::vector<std::string> pieces, const std::string& says) {
  try {
    decode(std::move(pieces));
    ADD_FAILURE() << "read as data; expected a refusal saying " << says;
  } catch (const DatasetCodecError& e) {
    EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
  }
}

TEST(DatasetCodec, WhatIsCutShortFromAnotherFormOrDamagedIsRefused) {
  const Dataset built = two_councils();
  const std::string all = joined(encode(built, std::size_t{64} << 20));
  // Cut short anywhere: nothing at all, the header alone, half, all but a byte.
  for (std::size_t keep : {std::size_t{0}, std::size_t{12}, all.size() / 2, all.size() - 1})
    expect_refused({all.substr(0, keep)}, "ends early");
  expect_refused({}, "ends early");
  expect_refused({all + "x"}, "damaged");
  expect_refused({"not a dataset at all, just text"}, "not a saved dataset");
  // Another form: the version after the magic.
  std::string other = all;
  const std::uint32_t version = model::kDatasetCodecVersion + 1;
  std::memcpy(other.data() + 8, &version, sizeof version);
  expect_refused({other}, "form " + std::to_string(version));
  // A count that would ask for terabytes: the children's, just after the header.
  std::string huge = all;
  const std::uint64_t n = std::uint64_t{1} << 60;
  std::memcpy(huge.data() + 12, &n, sizeof n);
  expect_refused({huge}, "damaged");
  // Known bytes bound every count: one more children than the bytes could hold is refused.
  try {
    decode({all}, all.size());
  } catch (const DatasetCodecError& e) {
    ADD_FAILURE() << "the exact size is enough: " << e.what();
  }
  std::string more = all;
  const std::uint64_t too_many = all.size() + 1;
  std::memcpy(more.data() + 12, &too_many, sizeof too_many);
  try {
    decode({more}, all.size());
    ADD_FAILURE() << "read as data";
  } catch (const DatasetCodecError& e) {
    EXPECT_NE(std::string(e.what()).find("a count of " + std::to_string(too_many)),
              std::string::npos)
        << e.what();
  }
}

TEST(DatasetCodec, RowsPointingOutsideTheirTablesAreRefused) {
  {
    Dataset d = two_councils();
    d.episodes.child.front() = static_cast<model::ChildIndex>(d.children.size());
    expect_refused(encode(d, 4096), "an episode's child");
  }
  {
    Dataset d = two_councils();
    d.children.back().reviews.count += 1000000;
    expect_refused(encode(d, 4096), "a child's rows");
  }
  {
    Dataset d = two_councils();
    d.episodes.urn.back() = static_cast<std::uint32_t>(d.strings.size() + 5);
    expect_refused(encode(d, 4096), "a string id");
  }
  {
    // A code past the end of its list (model::code_info would read beyond its table).
    Dataset d = two_councils();
    ASSERT_FALSE(d.oc3.empty());
    d.oc3.front().row.in_touch = static_cast<model::InTouch>(250);
    expect_refused(encode(d, 4096), "a code out of range: 250");
  }
}

}  // namespace
}  // namespace hearth
