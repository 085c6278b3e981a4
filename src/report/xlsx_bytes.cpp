#include "report/xlsx_bytes.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hearth::report {

std::string xlsx_bytes(const std::function<void(const std::filesystem::path&)>& write) {
  std::string name = (std::filesystem::temp_directory_path() / "hearth-xlsx-XXXXXX").string();
  const int fd = mkstemp(name.data());
  if (fd < 0) throw std::runtime_error("cannot make a temporary file for the workbook");
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove{name};
  write(name);
  std::ifstream in(name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace hearth::report
