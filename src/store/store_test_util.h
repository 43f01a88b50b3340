// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Helpers shared by the store's tests: documents and coded events that
// describe small fictional incidents, and temporary store files.
#ifndef KRONIEK_STORE_STORE_TEST_UTIL_H_
#define KRONIEK_STORE_STORE_TEST_UTIL_H_

#include <unistd.h>

#include <filesystem>
#include <string>

#include "kroniek/document.h"
#include "kroniek/event.h"

namespace kroniek::store::testing {

inline std::string TempDbPath(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() /
           ("kroniek_store_" + name + "_" + std::to_string(::getpid()) + ".db");
  for (const char* ext : {"", "-wal", "-shm"})
    std::filesystem::remove(p.string() + ext);
  return p.string();
}

inline void RemoveDb(const std::string& path) {
  for (const char* ext : {"", "-wal", "-shm"})
    std::filesystem::remove(path + ext);
}

inline Document TestDoc(const std::string& id, const std::string& date,
                        const std::string& body, const std::string& lang = "nl") {
  Document d;
  d.id = id;
  d.source = "test/" + id + ".txt";
  d.format = "dated-text";
  std::string header = "date " + date + "\n";
  d.raw = header + body;
  d.body_begin = static_cast<uint32_t>(header.size());
  d.date = *ParsePartialDate(date);
  d.lang = lang;
  d.title = "Titel " + id;
  return d;
}

// An ASSAULT by `src` on `tgt` at (lat, lon) on `date`, coded from the whole
// body of `doc` (one sentence).
inline Event TestEvent(const Document& doc, const std::string& id,
                       const std::string& date, double lat, double lon,
                       const std::string& place = "Stepanakert",
                       const std::string& src = "AZEMIL",
                       const std::string& tgt = "ARMCVL",
                       std::optional<int64_t> killed = std::nullopt) {
  Event e;
  e.event_id = id;
  e.doc_id = doc.id;
  e.lang = doc.lang;
  e.cameo = "195";
  e.plover_type = "ASSAULT";
  e.plover_mode = "aerial";
  e.quad_class = 4;
  e.goldstein = -10;
  if (!src.empty()) {
    ActorSlot a;
    a.text = "leger " + src;
    a.code = src;
    a.country = src.substr(0, 3);
    a.sector = src.substr(3);
    e.source = a;
  }
  if (!tgt.empty()) {
    ActorSlot a;
    a.text = "bewoners " + tgt;
    a.code = tgt;
    a.country = tgt.substr(0, 3);
    e.target = a;
  }
  e.date.start = e.date.end = date;
  e.date.precision = "day";
  if (!place.empty()) {
    EventLocation l;
    l.text = l.name = place;
    l.lat = lat;
    l.lon = lon;
    l.country = "AZE";
    l.admin1 = "Nagorno-Karabakh";
    l.precision = "city";
    e.location = l;
  }
  if (killed) {
    Fatalities f;
    f.killed = killed;
    e.fatalities = f;
  }
  e.sentence = {doc.body_begin, static_cast<uint32_t>(doc.raw.size())};
  e.sentence_text = std::string(doc.body());
  size_t p = doc.raw.find(place.empty() ? "x" : place);
  if (p != std::string::npos && !place.empty()) {
    e.evidence.push_back({"place", {static_cast<uint32_t>(p),
                                    static_cast<uint32_t>(p + place.size())}});
  }
  e.evidence.push_back({"trigger", {doc.body_begin, doc.body_begin + 3}});
  e.trigger = std::string(doc.body().substr(0, 3));
  e.confidence = 0.8;
  e.coder_version = "test";
  return e;
}

}  // namespace kroniek::store::testing

#endif  // KRONIEK_STORE_STORE_TEST_UTIL_H_
