// Private: RFC 4180 fields for the journal and the summary CSV. Records never span lines: line
// breaks inside a field are replaced by spaces (error messages are one line by contract anyway).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dermasim::sweep {

std::string csv_field(std::string_view text);
/// Splits one physical line into fields; false when the quoting is broken (a torn write).
bool split_csv(std::string_view line, std::vector<std::string>& fields);

}  // namespace dermasim::sweep
