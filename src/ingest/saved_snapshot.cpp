#include "ingest/saved_snapshot.hpp"

#include <elf.h>
#include <link.h>
#include <spdlog/spdlog.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "model/dataset_codec.hpp"

namespace hearth::ingest {

namespace {

// The NT_GNU_BUILD_ID note of the main program (the first object dl_iterate_phdr lists).
std::string read_build_id() {
  std::string hex;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) -> int {
        auto& id = *static_cast<std::string*>(out);
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const auto& ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE) continue;
          const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
          const char* end = p + ph.p_memsz;
          while (p + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, p, sizeof note);
            const char* name = p + sizeof note;
            const char* desc = name + ((note.n_namesz + 3) & ~3U);
            const char* next = desc + ((note.n_descsz + 3) & ~3U);
            if (next > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0) {
              static constexpr char kHex[] = "0123456789abcdef";
              for (unsigned j = 0; j < note.n_descsz; ++j) {
                const auto b = static_cast<unsigned char>(desc[j]);
                id += kHex[b >> 4];
                id += kHex[b & 15];
              }
              return 1;
            }
            p = next;
          }
        }
        return 1;  // the main program only
      },
      &hex);
  return hex;
}

}  // namespace

const std::string& build_id() {
  static const std::string id = read_build_id();
  return id;
}

std::string saved_snapshot_key(store::Store& store) {
  if (build_id().empty()) return {};
  return "dataset-" + std::to_string(model::kDatasetCodecVersion) + "|" + build_id() + "|" +
         store.data_version();
}

std::unique_ptr<model::Dataset> read_saved_dataset(store::Store& store, const std::string& key,
                                                   bool* unreadable) {
  if (unreadable) *unreadable = false;
  if (key.empty()) return nullptr;
  try {
    const auto saved = store.saved_snapshot(key);
    if (!saved) return nullptr;
    int n = 0;
    return std::make_unique<model::Dataset>(model::decode_dataset(
        [&]() -> std::optional<std::string> {
          if (n == saved->parts) return std::nullopt;
          auto part = store.saved_snapshot_part(key, *saved, n++);
          if (!part) throw model::DatasetCodecError("a part of the saved dataset is missing");
          return part;
        },
        static_cast<std::size_t>(saved->parts) * model::kDatasetPieceBytes));
  } catch (const std::exception& e) {
    if (unreadable) *unreadable = true;
    spdlog::warn(nlohmann::json{{"event", "saved_snapshot_unreadable"},
                                {"error", e.what()},
                                {"message", "building the data from the stored rows instead"}}
                     .dump());
    return nullptr;
  }
}

bool save_dataset(store::Store& store, const std::string& key, const model::Dataset& d,
                  const std::function<bool()>& keep_going, bool replace_whole) {
  if (key.empty() || (!replace_whole && store.saved_snapshot(key))) return false;
  return store.save_snapshot(key, [&](const store::Store::PartSink& put) {
    model::encode_dataset(d, [&](std::string_view part) {
      if (keep_going && !keep_going()) throw SaveStopped("the save was stopped");
      put(part);
    });
  });
}

}  // namespace hearth::ingest
