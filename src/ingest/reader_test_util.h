// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Test helpers shared by the ingest tests: a collecting sink and a scratch
// directory removed at the end of the test.
#ifndef KRONIEK_INGEST_READER_TEST_UTIL_H_
#define KRONIEK_INGEST_READER_TEST_UTIL_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest/reader.h"

namespace kroniek::ingest::testing {

class CollectingSink : public DocumentSink {
 public:
  void OnDocument(Document doc) override {
    order.push_back("doc " + doc.source);
    docs.push_back(std::move(doc));
  }
  void OnQuarantine(QuarantineItem item) override {
    order.push_back("bad " + item.source);
    bad.push_back(std::move(item));
  }
  std::vector<Document> docs;
  std::vector<QuarantineItem> bad;
  std::vector<std::string> order;  // both kinds, in arrival order
};

class ScratchDir {
 public:
  ScratchDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("kroniek-ingest-" + std::to_string(::getpid()) + "-" +
             info->test_suite_name() + "-" + info->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  // Writes `bytes` to dir/rel (creating parents); returns the full path.
  std::string Write(const std::string& rel, std::string_view bytes) const {
    std::filesystem::path p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

inline std::string TestdataDir() {
  return KRONIEK_SOURCE_DIR "/testdata/ingest";
}

}  // namespace kroniek::ingest::testing

#endif  // KRONIEK_INGEST_READER_TEST_UTIL_H_
