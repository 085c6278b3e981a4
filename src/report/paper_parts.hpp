// What the pack and the annual report write alike (internal to the report library): the figure
// collector, the page furniture, the voice and the scorecard sections.
#pragma once

#include <string>
#include <vector>

#include "report/html_parts.hpp"
#include "report/papers.hpp"

namespace hearth::report::paper {

// Collects each figure as it is printed; returns its HTML, marked with its id.
class Figures {
 public:
  explicit Figures(std::vector<PaperFigure>* out) : out_(out) {}
  std::string section;  // set as the paper goes
  // A count of the Board's business (never suppressed: it is not about children).
  std::string count(const std::string& id, const std::string& label, double n,
                    const std::string& period, const std::string& definition,
                    const std::string& source = "Hearth: the Board's business");
  // A count that may be suppressed (null in the listening summary): "c".
  std::string maybe(const std::string& id, const std::string& label, const nlohmann::json& n,
                    const std::string& period, const std::string& definition,
                    const std::string& source);
  // An indicator's figure, a trend point or a comparator, with its numerator and denominator.
  std::string shown(const std::string& id, const indicators::Entry& e, const indicators::Shown& s,
                    const std::string& period);
  void comparator(const indicators::Entry& e, const indicators::Comparator& c);
  std::string add(PaperFigure f);  // any other; returns the marked HTML

 private:
  std::vector<PaperFigure>* out_;
};

// <!doctype>…<main>: the title, the stylesheet with the running header ("<council> — <what>,
// <date>"; OFFICIAL-SENSITIVE when not suppressed; "Page n of m").
std::string open_page(const std::string& title, const std::string& running,
                      const services::PaperBase& p);
std::string close_page(const services::PaperBase& p, const std::string& what);
// The notices every paper starts with: suppression or "not for publication", the records' age,
// the arrangements used, the scorecard's warning.
std::string notices(const services::PaperBase& p);
// Each priority's measures as a table (under its title and summary when `titled`).
std::string priorities(const services::PaperBase& p, Figures& f, int heading, bool titled = true);
// Statements, surveys and standards from the listening summary (always suppressed).
std::string listening(const services::PaperBase& p, Figures& f, int heading);
// Cards: "You said, we did" entries.
std::string you_said_we_did(const std::vector<store::Card>& cards);
// The scorecard: what needs attention, every indicator in a table, every card with commentary.
std::string scorecard(const services::PaperBase& p, Figures& f, bool years);
// Indicators' cards (trend by quarter, or five years when `years`), each with its commentary.
std::string indicator_cards(const services::PaperBase& p, Figures& f,
                            const std::vector<const indicators::Entry*>& entries, bool years,
                            int heading);
std::string card_status(const std::string& status);
std::string markdown(const std::string& md, int top_heading);
std::string date_time(model::Instant t);  // "5 November 2026 at 14:03"

}  // namespace hearth::report::paper
