// The demo council's Corporate Parenting Board (demo_governance.cpp): Medway's arrangements and a
// year of its business, dated from today so `make run` always shows a living Board.
#pragma once

#include <string>

#include "model/dates.hpp"
#include "store/store.hpp"

namespace hearth::cli {

// Adds them once (nothing when the council has arrangements loaded already). What was added, in
// one line.
std::string add_demo_governance(store::Store& st, const std::string& la, model::Date today);

// The demo's commentary (demo_papers.cpp), dated before the meetings it was written for. Returns
// how many pieces were written.
int add_demo_commentary(store::Store& st, const std::string& la, model::Date today);

}  // namespace hearth::cli
