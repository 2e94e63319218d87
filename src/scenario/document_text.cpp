// Document files (scenarios, sweeps) as text (document.hpp): reading with a size limit, and the
// UTF-8, control byte and tab checks that run before any YAML parsing, so that a binary file or
// a tab in the indentation gets a message naming its line and column, not a YAML parser's guess.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "dermasim/core/error.hpp"
#include "dermasim/core/units.hpp"
#include "dermasim/scenario/document.hpp"
#include "yaml_tree.hpp"

namespace dermasim::scenario {
namespace {

using detail::fail_at;

/// Length of the UTF-8 sequence starting with `lead`, or 0 if `lead` cannot start one.
int utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

}  // namespace

void check_text(std::string_view text, const std::string& source_name, const DocumentKind& kind) {
  int line = 1, column = 1;
  bool indentation = true;  // still in the leading whitespace of the line
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    int length = utf8_length(byte);
    for (int k = 1; k < length; ++k) {
      if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        length = 0;
      }
    }
    const bool control = byte < 0x20 && byte != '\n' && byte != '\t' && byte != '\r';
    if (length == 0 || control) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", byte);
      fail_at(Location{source_name, line, column},
              std::string("not a text file: byte ") + hex + " is not UTF-8 text; a " +
                  std::string(kind.noun) + " is a YAML text file");
    }
    if (byte == '\t' && indentation) {
      fail_at(Location{source_name, line, column},
              "a tab in the indentation; YAML indents with spaces only");
    }
    indentation = (byte == '\n') || (indentation && byte == ' ');
    if (byte == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
}

std::string read_document_text(const std::string& file_name, const DocumentKind& kind) {
  namespace fs = std::filesystem;
  const std::string noun(kind.noun);
  std::error_code ec;
  const auto status = fs::status(file_name, ec);
  if (ec || !fs::exists(status)) throw InputError(file_name + ": cannot read: no such file");
  if (fs::is_directory(status)) {
    throw InputError(file_name + ": is a directory; give a " + noun + " .yaml file");
  }
  const auto size = fs::file_size(file_name, ec);
  if (!ec && size > kMaxDocumentBytes) {
    throw InputError(file_name + ": " +
                     units::format_number(std::round(size / 1048576.0 * 100) / 100) +
                     " MiB is too large for a " + noun + " file; the limit is 1 MiB");
  }
  std::ifstream in(file_name, std::ios::binary);
  if (!in) throw InputError(file_name + ": cannot read: permission denied or not a file");
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxDocumentBytes) {
      throw InputError(file_name + ": too large for a " + noun + " file; the limit is 1 MiB");
    }
  }
  return text;
}

}  // namespace dermasim::scenario
