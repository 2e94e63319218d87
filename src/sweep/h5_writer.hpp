// Private: the few HDF5 C API calls the sweep summary needs, behind RAII handles. Kept local to
// sweep/ so that this layer does not depend on io/ (to be unified with io/'s wrappers later).
// Every failure throws IoError naming the file and the object.
#pragma once
#include <hdf5.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dermasim::sweep {

/// Owns one HDF5 identifier and closes it with the matching H5*close.
class H5Id {
 public:
  using Closer = herr_t (*)(hid_t);
  H5Id() = default;
  H5Id(hid_t id, Closer closer) : id_(id), closer_(closer) {}
  H5Id(H5Id&& o) noexcept : id_(o.id_), closer_(o.closer_) { o.id_ = -1; }
  H5Id& operator=(H5Id&& o) noexcept;
  H5Id(const H5Id&) = delete;
  H5Id& operator=(const H5Id&) = delete;
  ~H5Id();
  hid_t get() const { return id_; }

 private:
  hid_t id_ = -1;
  Closer closer_ = nullptr;
};

/// A new HDF5 file (truncating) with helpers that write whole datasets and attributes at once.
class H5Writer {
 public:
  explicit H5Writer(const std::filesystem::path& file);
  hid_t root() const { return file_.get(); }
  void close();

  H5Id group(hid_t parent, const std::string& name);
  void strings(hid_t parent, const std::string& name, const std::vector<std::string>& values);
  void text(hid_t parent, const std::string& name, const std::string& value);
  /// A 1-D (dims = {n}) or 2-D (dims = {rows, cols}) dataset of doubles, with units and
  /// description.
  void doubles(hid_t parent, const std::string& name, const std::vector<double>& values,
               const std::vector<hsize_t>& dims, const std::string& units,
               const std::string& description);
  void integers(hid_t parent, const std::string& name, const std::vector<std::int64_t>& values);
  void attribute(hid_t object, const std::string& name, const std::string& value);
  void attribute(hid_t object, const std::string& name, double value);
  void attribute(hid_t object, const std::string& name, std::int64_t value);

 private:
  hid_t check(hid_t id, const std::string& what) const;
  std::filesystem::path path_;
  H5Id file_;
};

}  // namespace dermasim::sweep
