// A self-contained HTML page printed to PDF by headless Chromium (the Board paper as a PDF).
#pragma once

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace hearth::report {

// Why there is no PDF: no Chromium at the path, it failed, or it ran out of time. what() says
// which, in words an administrator can act on.
class PdfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PdfOptions {
  std::filesystem::path chromium;  // empty: $HEARTH_CHROMIUM, else /usr/bin/chromium
  std::chrono::seconds timeout{60};
};

// The page's PDF (A4, as its print stylesheet lays it out, no browser header or footer). The
// page is written to a private temporary folder with its own browser profile, both removed
// afterwards; Chromium is given no network (the page needs none: inline CSS and SVG).
std::string html_to_pdf(const std::string& html, const PdfOptions& options = {});

}  // namespace hearth::report
