#include "geo/postcodes.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "files.hpp"
#include "geo/archive.hpp"
#include "geo/reference.hpp"

namespace fs = std::filesystem;
using namespace hearth::geo;
using namespace hearth::geo::testing;

namespace {

PostcodeIndex small_index() {
  PostcodeIndex::Builder b;
  b.add({"ME7 1AA", "E06000035", 576000, 168000}, 1);
  b.add({"me5 2bb", "E06000035", 577000, 166000}, 2);
  b.add({"CT1 3CC", "E07000106", 615000, 158000}, 3);
  b.add({"SW1A 1AA", "E09000033", 529090, 179645}, 4);
  b.add({"GY1 1AA", "nan", std::nullopt, std::nullopt}, 5);  // no district, no grid
  b.add({"ME7 1AA", "E06000035", 576100, 168100}, 6);        // a later row wins
  return b.finish("test release");
}

}  // namespace

TEST(Postcodes, FoundWhateverTheSpacingAndCase) {
  auto ix = small_index();
  EXPECT_EQ(ix.size(), 5u);
  for (auto text : {"ME7 1AA", "ME71AA", " me7  1aa ", "me71aa"}) {
    auto p = ix.find(text);
    ASSERT_TRUE(p) << text;
    EXPECT_EQ(p->district, "E06000035");
    EXPECT_TRUE(p->has_grid);
    EXPECT_EQ(p->easting, 576100);  // the later row
    EXPECT_EQ(p->northing, 168100);
  }
  EXPECT_TRUE(ix.find("SW1A1AA"));
  EXPECT_FALSE(ix.find("ME7 1AB"));
  EXPECT_FALSE(ix.find("ME8 1AA"));
  EXPECT_FALSE(ix.find("INVALID"));
  EXPECT_FALSE(ix.find(""));
  EXPECT_FALSE(ix.find("ME7-1AA"));
  auto gy = ix.find("GY1 1AA");
  ASSERT_TRUE(gy);
  EXPECT_EQ(gy->district, "");
  EXPECT_FALSE(gy->has_grid);
  EXPECT_EQ(PostcodeIndex::canonical("sw1a1aa"), "SW1A 1AA");
  EXPECT_EQ(PostcodeIndex::canonical("1AA"), "");
}

TEST(Postcodes, EveryPostcodeInOrderAndByPosition) {
  auto ix = small_index();
  std::vector<std::string> seen;
  ix.each([&](std::string_view pc, const Place&) {
    seen.emplace_back(pc);
    return true;
  });
  EXPECT_EQ(seen,
            (std::vector<std::string>{"CT1 3CC", "GY1 1AA", "ME5 2BB", "ME7 1AA", "SW1A 1AA"}));
  for (std::size_t i = 0; i < ix.size(); ++i) {
    EXPECT_EQ(ix.postcode_at(i), seen[i]);
    EXPECT_EQ(ix.find(seen[i])->easting, ix.place_at(i).easting);
  }
  EXPECT_EQ(ix.outward_at(4), "SW1A");
  EXPECT_EQ(ix.district_id_at(1), -1);
}

TEST(Postcodes, BadRowsAreRefusedWithTheirRow) {
  PostcodeIndex::Builder b;
  auto message = [&](PostcodeRow row) {
    try {
      b.add(row, 7);
    } catch (const PostcodeError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(message({"X", "E06000035", 1, 1}), "row 7: 'X' is not a postcode");
  EXPECT_NE(message({"ME7 1AA", "Medway", 1, 1}).find("not an ONS district code"),
            std::string::npos);
  EXPECT_NE(message({"ME7 1AA", "E06000035", -5, 1}).find("not in Great Britain"),
            std::string::npos);
  EXPECT_NE(message({"ME7 1AA", "E06000035", 1, 3000000}).find("not in Great Britain"),
            std::string::npos);
}

TEST(Postcodes, SavedAndLoadedTheSameAndADamagedFileRefused) {
  auto dir = temp_dir("save");
  auto ix = small_index();
  ix.save(dir / "p.idx");
  auto back = PostcodeIndex::load(dir / "p.idx");
  EXPECT_EQ(back.release(), "test release");
  EXPECT_EQ(back.size(), ix.size());
  ix.each([&](std::string_view pc, const Place& p) {
    auto q = back.find(pc);
    EXPECT_TRUE(q && q->district == p.district && q->easting == p.easting &&
                q->northing == p.northing && q->has_grid == p.has_grid)
        << pc;
    return true;
  });
  // Cut short, not an index, from a newer Hearth: each refused with what is wrong.
  std::string bytes;
  {
    std::ifstream f(dir / "p.idx", std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(f), {});
  }
  write(dir / "short.idx", bytes.substr(0, bytes.size() - 5));
  EXPECT_THROW(PostcodeIndex::load(dir / "short.idx"), PostcodeError);
  write(dir / "text.idx", "postcode,laua\n");
  EXPECT_THROW(PostcodeIndex::load(dir / "text.idx"), PostcodeError);
  std::string newer = bytes;
  newer[8] = 9;
  write(dir / "newer.idx", newer);
  try {
    PostcodeIndex::load(dir / "newer.idx");
    FAIL();
  } catch (const PostcodeError& e) {
    EXPECT_NE(std::string(e.what()).find("version 9"), std::string::npos);
  }
  EXPECT_THROW(PostcodeIndex::load(dir / "absent.idx"), PostcodeError);
  fs::remove_all(dir);
}

TEST(Postcodes, DistanceIsTheDfEsMilesToOneDecimalPlace) {
  Place a{"", true, 576000, 168000}, b{"", true, 615000, 158000};
  // sqrt(39000^2 + 10000^2) = 40261.6 m; / 1000 / 1.6093 = 25.018 -> 25.0
  EXPECT_DOUBLE_EQ(distance_miles(a, b), 25.0);
  Place c{"", true, 576000, 200187};  // 32187 m = 20.0007 miles: rounds to 20.0, not over 20
  EXPECT_DOUBLE_EQ(distance_miles(a, c), 20.0);
}

TEST(Postcodes, AUnitaryIsItsOwnUpperTier) {
  UpperTier t;
  t.add("E07000106", "E10000016");
  t.add("E08000038", "E08000016");
  EXPECT_EQ(t.of("E07000106"), "E10000016");  // Canterbury: Kent
  EXPECT_EQ(t.of("E08000038"), "E08000016");  // Barnsley's new district code: Barnsley
  EXPECT_EQ(t.of("E06000063"), "E06000063");  // Cumberland, made after the table
  EXPECT_EQ(t.of("E09000033"), "E09000033");
  EXPECT_EQ(t.of("E07000999"), "");  // a district the table does not know
  EXPECT_EQ(t.of(""), "");
}

TEST(Archive, ReadsTheDirectoryFromAZipAGzipOrAPlainCsv) {
  auto dir = temp_dir("zip");
  const std::string csv =
      "\"pcd7\",\"pcd8\",\"oseast1m\",\"osnrth1m\",\"lad25cd\"\r\n"
      "\"ME7 1AA\",\"ME7  1AA\",\"576000\",\"168000\",\"E06000035\"\r\n"
      "\"CF101AA\",\"CF10 1AA\",\"318000\",\"176000\",\"W06000015\"\r\n"
      "\"GY1 1AA\",\"GY1  1AA\",\"\",\"\",\"L99999999\"\r\n";
  write(dir / "ONSPD_NOV_2025.zip",
        make_zip({{"Documents/readme.txt", "not this"},
                  {"Data/multi_csv/ONSPD_NOV_2025_UK_ME.csv", "pcd7\nME7 1AA\n"},
                  {"Data/ONSPD_NOV_2025_UK.csv", csv}}));
  DirectoryRead read;
  auto ix = read_directory(dir / "ONSPD_NOV_2025.zip", "ONSPD NOV 2025", read);
  EXPECT_EQ(read.member, "Data/ONSPD_NOV_2025_UK.csv");
  EXPECT_EQ(read.rows, 3u);
  EXPECT_EQ(ix.size(), 3u);
  EXPECT_EQ(ix.find("CF10 1AA")->district, "W06000015");
  EXPECT_FALSE(ix.find("GY1 1AA")->has_grid);

  gzFile gz = gzopen((dir / "pc.csv.gz").c_str(), "wb");
  const std::string plain = "postcode,laua,easting,northing\nME7 1AA,E06000035,576000,168000\n";
  gzwrite(gz, plain.data(), static_cast<unsigned>(plain.size()));
  gzclose(gz);
  DirectoryRead r2;
  EXPECT_EQ(read_directory(dir / "pc.csv.gz", "x", r2).size(), 1u);
  write(dir / "pc.csv", plain);
  EXPECT_EQ(read_directory(dir / "pc.csv", "x", r2).size(), 1u);

  // A file that is not a directory, a damaged archive: refused with what is wrong.
  write(dir / "bad.csv", "name,age\nx,1\n");
  EXPECT_THROW(read_directory(dir / "bad.csv", "x", r2), PostcodeError);
  auto zip = make_zip({{"Data/ONSPD_NOV_2025_UK.csv", csv}});
  const std::size_t data_at = 30 + std::strlen("Data/ONSPD_NOV_2025_UK.csv") + 5;
  zip[data_at] = static_cast<char>(zip[data_at] ^ 0x55);  // inside the deflated data
  write(dir / "damaged.zip", zip);
  EXPECT_ANY_THROW(read_directory(dir / "damaged.zip", "x", r2));
  write(dir / "cut.zip", zip.substr(0, zip.size() - 30));
  EXPECT_THROW(ZipArchive(dir / "cut.zip"), ArchiveError);
  fs::remove_all(dir);
}

TEST(Archive, LinesAcrossChunksAndQuotedFields) {
  std::vector<std::string> lines;
  LineSplitter s([&](std::string_view l) { lines.emplace_back(l); });
  s.feed("a,b\r\nc,");
  s.feed("d\n\ne");
  s.finish();
  EXPECT_EQ(lines, (std::vector<std::string>{"a,b", "c,d", "", "e"}));
  std::vector<std::string> f;
  split_csv_line(R"("ME7 1AA","say ""hi""",,x)", f);
  EXPECT_EQ(f, (std::vector<std::string>{"ME7 1AA", "say \"hi\"", "", "x"}));
}

// The index Hearth ships: real places, their councils, Wales and Scotland.
TEST(ShippedPostcodes, KnowTheCouncilOfRealPostcodes) {
  const auto& g = geography();
  ASSERT_TRUE(g.postcodes) << g.missing;
  EXPECT_GT(g.postcodes->size(), 2'700'000u);
  EXPECT_LT(g.postcodes->memory_bytes(), 24u << 20);
  EXPECT_EQ(g.council_of("ME4 4TR"), "E06000035");  // Medway's offices, Chatham
  EXPECT_EQ(g.councils.la_by_ons.at("E06000035"), "887");
  EXPECT_EQ(g.council_of("SW1A 1AA"), "E09000033");  // Westminster
  EXPECT_EQ(g.council_of("CT1 2EH"), "E10000016");   // Canterbury: Kent
  EXPECT_EQ(g.council_of("CF10 1EP"), "WAL");
  EXPECT_EQ(g.council_of("EH1 1YZ"), "SCO");
  EXPECT_EQ(g.council_of("BT1 5GS"), "NIR");
  EXPECT_EQ(g.council_of("S70 2TA"), "E08000016");  // Barnsley, under its 2024 district code
  EXPECT_EQ(g.council_of("CA1 1RD"), "E06000063");  // Carlisle: Cumberland (2023)
  EXPECT_EQ(g.council_of("ZZ9 9ZZ"), "");
}
