// The append-only journal of finished runs (format in journal.hpp).
#include "journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

#include "csv.hpp"
#include "dermasim/core/error.hpp"
#include "dermasim/io/file_error.hpp"
#include "dermasim/sweep/quantity.hpp"

namespace dermasim::sweep {

namespace {

constexpr std::string_view kMagic = "# dermasim sweep journal v1 fingerprint=";

bool parse_double(const std::string& s, double& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

std::string header_text(const std::string& fingerprint, const std::vector<std::string>& columns) {
  std::string text = std::string(kMagic) + fingerprint + "\nindex,status,wall_seconds";
  for (const auto& c : columns) {
    text += ',';
    text += csv_field(c);
  }
  return text + ",error\n";
}

void write_all(int fd, const std::string& text, const std::filesystem::path& file) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) io::throw_os_error(file, "write", errno);
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) io::throw_os_error(file, "sync", errno);
}

}  // namespace

std::string encode_record(const JournalRecord& r) {
  std::string line = std::to_string(r.index) + "," + std::string(to_string(r.outcome.status)) +
                     "," + format_number(r.wall_seconds);
  for (double m : r.outcome.metrics) {
    line += ',';
    line += format_number(m);
  }
  line += ',';
  line += csv_field(r.outcome.error);
  return line;
}

std::optional<JournalRecord> decode_record(std::string_view line, std::size_t metric_count) {
  std::vector<std::string> f;
  if (!split_csv(line, f) || f.size() != metric_count + 4) return std::nullopt;
  JournalRecord r;
  const auto [end, ec] = std::from_chars(f[0].data(), f[0].data() + f[0].size(), r.index);
  if (ec != std::errc() || end != f[0].data() + f[0].size()) return std::nullopt;
  if (f[1] == "ok")
    r.outcome.status = RunStatus::ok;
  else if (f[1] == "failed")
    r.outcome.status = RunStatus::failed;
  else if (f[1] == "pending")  // an abandoned run, sent by an MPI rank; never journaled
    r.outcome.status = RunStatus::pending;
  else
    return std::nullopt;
  if (!parse_double(f[2], r.wall_seconds)) return std::nullopt;
  r.outcome.metrics.resize(metric_count);
  for (std::size_t m = 0; m < metric_count; ++m)
    if (!parse_double(f[3 + m], r.outcome.metrics[m])) return std::nullopt;
  r.outcome.error = f.back();
  return r;
}

Journal::Journal(const std::filesystem::path& file, const std::string& fingerprint,
                 const std::vector<std::string>& columns, std::size_t total_runs, bool resume,
                 std::vector<JournalRecord>& existing)
    : file_(file) {
  const std::string header = header_text(fingerprint, columns);
  bool exists = std::filesystem::exists(file);
  if (exists && resume) {
    // A kill while the header itself was being written leaves a prefix of it: start afresh.
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec && size < header.size()) {
      std::ifstream in(file, std::ios::binary);
      std::string start(size, '\0');
      in.read(start.data(), static_cast<std::streamsize>(size));
      exists = header.compare(0, start.size(), start) != 0;
    }
  }
  if (exists && !resume)
    throw InputError(file.parent_path().string() +
                     ": holds an earlier sweep (journal.csv); pass --resume to continue it, or "
                     "choose another -o DIR");
  if (exists) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    if (text.compare(0, header.size(), header) != 0)
      throw InputError(file.string() +
                       ": written by a different sweep (the sweep file, its base scenario or the "
                       "run table changed); choose another -o DIR or delete it");
    // Everything after the last newline is a torn write from a killed process: drop it.
    const std::size_t complete = text.rfind('\n') + 1;
    std::size_t pos = header.size();
    while (pos < complete) {
      const std::size_t eol = text.find('\n', pos);
      auto record = decode_record(std::string_view(text).substr(pos, eol - pos), columns.size());
      if (record && record->index < total_runs) existing.push_back(std::move(*record));
      pos = eol + 1;
    }
    fd_ = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0 || ::ftruncate(fd_, static_cast<off_t>(complete)) != 0 ||
        ::lseek(fd_, 0, SEEK_END) < 0)
      throw IoError(file.string() + ": cannot reopen the journal: " + std::strerror(errno));
    return;
  }
  fd_ = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) io::throw_os_error(file, "create", errno);
  write_all(fd_, header, file_);
}

Journal::~Journal() {
  if (fd_ >= 0) ::close(fd_);
}

void Journal::append(const JournalRecord& record) {
  write_all(fd_, encode_record(record) + "\n", file_);
}

}  // namespace dermasim::sweep
