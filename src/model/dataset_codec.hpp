// The dataset written whole, so a start can read back what Dataset::build and attach_local made
// instead of making it again from every stored row (ingest/saved_snapshot.cpp keeps it in the
// store; docs/performance.md, "Start-up on a national store").
//
// The form is this build's own: columns and rows of plain values (dates, codes, spans) are written
// as their bytes. So what is saved is keyed by the executable's build id and never read by another
// build, and kDatasetCodecVersion changes with the form. The static_asserts in dataset_codec.cpp
// name every struct written field by field: a field added to one stops the build there until it
// is written too. The children's statements and the Board's cards are not written: they change
// all day and are read fresh.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/dataset.hpp"

namespace hearth::model {

inline constexpr int kDatasetCodecVersion = 1;
inline constexpr std::size_t kDatasetPieceBytes = std::size_t{8} << 20;  // encode_dataset's pieces

// The pieces do not make a whole dataset in this form: cut short, from another form, or damaged.
class DatasetCodecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes the dataset's returns and local records as built, in pieces of `piece_bytes` (the last
// shorter), handing each to `put` in order.
void encode_dataset(const Dataset& d, const std::function<void(std::string_view)>& put,
                    std::size_t piece_bytes = kDatasetPieceBytes);

// Reads a dataset back from the pieces `next` hands out in order (std::nullopt: no more), with
// its indices made again. Throws DatasetCodecError when they are not what encode_dataset wrote.
// `max_bytes` (the pieces' count times their most size) bounds every count read, so tables are
// made at their full size at once and a damaged count cannot ask for more than the data holds.
Dataset decode_dataset(const std::function<std::optional<std::string>()>& next,
                       std::size_t max_bytes);

}  // namespace hearth::model
