// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "store/synthetic.h"

#include <string>
#include <vector>

#include "base/hash.h"
#include "kroniek/date.h"

namespace kroniek::store {

namespace {

// splitmix64: small, fast, deterministic.
struct Rng {
  uint64_t s;
  uint64_t Next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int64_t Below(int64_t n) { return static_cast<int64_t>(Next() % n); }
  double Unit() { return (Next() >> 11) * (1.0 / 9007199254740992.0); }
};

struct Place {
  const char* name;
  double lat, lon;
  const char* country;
  const char* admin1;
  const char* demonym_nl;  // actor text
};

constexpr Place kPlaces[] = {
    {"Stepanakert", 39.8153, 46.7519, "AZE", "Nagorno-Karabakh", "Azerbeidzjaanse"},
    {"Yerevan", 40.1811, 44.5136, "ARM", "Yerevan", "Armeense"},
    {"Moskou", 55.7522, 37.6156, "RUS", "Moscow", "Russische"},
    {"Minsk", 53.9, 27.5667, "BLR", "Minsk City", "Wit-Russische"},
    {"Kyiv", 50.4547, 30.5238, "UKR", "Kyiv City", "Oekraïense"},
    {"Donetsk", 48.023, 37.8022, "UKR", "Donetsk", "Oekraïense"},
    {"Amsterdam", 52.374, 4.8897, "NLD", "Noord-Holland", "Nederlandse"},
    {"Bamako", 12.65, -8.0, "MLI", "Bamako", "Malinese"},
    {"Khartoum", 15.5518, 32.5324, "SDN", "Khartoum", "Sudanese"},
    {"Mekelle", 13.4967, 39.4753, "ETH", "Tigray", "Ethiopische"},
    {"Lagos", 6.4541, 3.3947, "NGA", "Lagos", "Nigeriaanse"},
    {"Yangon", 16.8053, 96.1561, "MMR", "Yangon", "Myanmarese"},
    {"Suva", -18.1416, 178.4419, "FJI", "Central", "Fijische"},
    {"Bogotá", 4.6097, -74.0817, "COL", "Bogotá D.C.", "Colombiaanse"},
    {"Beiroet", 33.8933, 35.5016, "LBN", "Beirut", "Libanese"},
    {"Gaza", 31.5017, 34.4668, "PSE", "Gaza Strip", "Palestijnse"},
};

struct Kind {
  const char* plover;
  const char* mode;
  const char* cameo;
  int quad;
  double goldstein;
  const char* verb;  // Dutch trigger
  bool deadly;
};

constexpr Kind kKinds[] = {
    {"ASSAULT", "aerial", "195", 4, -10, "bombardeerde", true},
    {"ASSAULT", "firearms", "190", 4, -10, "beschoot", true},
    {"PROTEST", "demonstrate", "141", 3, -6.5, "demonstreerde tegen", false},
    {"COERCE", "arrest", "173", 4, -5, "arresteerde", false},
    {"THREATEN", "", "138", 3, -7, "dreigde", false},
    {"ACCUSE", "", "112", 3, -2, "beschuldigde", false},
    {"CONSULT", "meet", "040", 1, 1, "overlegde met", false},
    {"AGREE", "", "057", 1, 8, "sloot een akkoord met", false},
    {"AID", "humanitarian", "073", 2, 7.4, "stuurde hulp naar", false},
    {"MOBILIZE", "troops", "150", 4, -7.2, "mobiliseerde tegen", false},
    {"REQUEST", "", "020", 1, 3, "vroeg", false},
    {"SANCTION", "", "163", 4, -8, "legde sancties op aan", false},
};

constexpr const char* kSectors[] = {"MIL", "GOV", "OPP", "COP", "REB", "CVL"};
constexpr const char* kSectorNl[] = {"leger", "regering", "oppositie",
                                     "politie", "rebellen", "burgers"};

std::string Ymd(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

Status AddSyntheticIncidents(Store& store, int64_t incidents, uint64_t seed) {
  if (incidents < 0) return InvalidArgumentError("incidents must be >= 0");
  Rng rng{seed * 0x2545F4914F6CDD1DULL + 1};
  KRONIEK_ASSIGN_OR_RETURN(
      int64_t run,
      store.BeginRun("synthetic " + std::to_string(incidents) + " seed " +
                     std::to_string(seed)));
  const int64_t first_day = DaysFromCivil(2018, 1, 1);
  const int64_t span_days = DaysFromCivil(2024, 12, 31) - first_day + 1;
  constexpr int64_t kBatch = 2000;
  int64_t in_batch = 0, documents = 0;
  KRONIEK_RETURN_IF_ERROR(store.BeginBatch());
  for (int64_t i = 0; i < incidents; ++i) {
    const Place& pl = kPlaces[rng.Below(std::size(kPlaces))];
    const Kind& k = kKinds[rng.Below(std::size(kKinds))];
    int src = static_cast<int>(rng.Below(6)), tgt = static_cast<int>(rng.Below(6));
    int64_t day = first_day + rng.Below(span_days);
    // Spread incidents over ~±1.5 degrees around the city: distinct places.
    double lat = pl.lat + (rng.Unit() - 0.5) * 3.0;
    double lon = pl.lon + (rng.Unit() - 0.5) * 3.0;
    int64_t killed = k.deadly ? rng.Below(40) : -1;
    int64_t r = rng.Below(10);
    int reports = r < 7 ? 1 : (r < 9 ? 2 : 3);
    for (int rep = 0; rep < reports; ++rep) {
      std::string date = Ymd(day);
      std::string header = "date " + date + "\n\n";
      std::string src_text = std::string("het ") + pl.demonym_nl + " " +
                             kSectorNl[src];
      std::string tgt_text = std::string("de ") + kSectorNl[tgt];
      std::string place = pl.name;
      int64_t kill_rep = killed >= 0 ? killed + rep : -1;
      std::string sentence = "In " + place + " " + k.verb + " " + src_text +
                             " op " + date + " " + tgt_text;
      std::string kill_text;
      if (kill_rep >= 0) {
        kill_text = std::to_string(kill_rep) + " doden";
        sentence += ", er vielen " + kill_text;
      }
      sentence += " (bericht " + std::to_string(i) + "-" +
                  std::to_string(rep) + ").";
      Document doc;
      doc.raw = header + sentence;
      doc.body_begin = static_cast<uint32_t>(header.size());
      doc.id = base::ContentId({"synthetic", std::to_string(seed),
                                std::to_string(i), std::to_string(rep)});
      doc.source = "synthetic/" + std::to_string(i) + "-" + std::to_string(rep);
      doc.format = "dated-text";
      doc.date = *ParsePartialDate(date);
      doc.lang = "nl";
      doc.title = "Bericht " + std::to_string(i);
      KRONIEK_RETURN_IF_ERROR(store.AddDocument(doc, run, 1, 20).status());
      ++documents;

      const uint32_t s0 = doc.body_begin;
      auto at = [&](const std::string& needle) {
        size_t p = sentence.find(needle);
        return Span{static_cast<uint32_t>(s0 + p),
                    static_cast<uint32_t>(s0 + p + needle.size())};
      };
      Event e;
      e.event_id = "m" + doc.id.substr(0, 24);
      e.doc_id = doc.id;
      e.lang = "nl";
      e.cameo = k.cameo;
      e.plover_type = k.plover;
      e.plover_mode = k.mode;
      e.quad_class = k.quad;
      e.goldstein = k.goldstein;
      ActorSlot s;
      s.text = src_text;
      s.span = at(src_text);
      s.country = pl.country;
      s.sector = kSectors[src];
      s.code = std::string(pl.country) + kSectors[src];
      e.source = s;
      ActorSlot t;
      t.text = tgt_text;
      t.span = at(tgt_text);
      t.country = pl.country;
      t.sector = kSectors[tgt];
      t.code = std::string(pl.country) + kSectors[tgt];
      e.target = t;
      e.date.start = e.date.end = date;
      e.date.precision = "day";
      e.date.derived_from = "stated date";
      e.date.span = at(date);
      EventLocation loc;
      loc.text = loc.name = place;
      loc.span = at(place);
      loc.lat = lat + (rng.Unit() - 0.5) * 0.02;
      loc.lon = lon + (rng.Unit() - 0.5) * 0.02;
      loc.country = pl.country;
      loc.admin1 = pl.admin1;
      loc.precision = "city";
      e.location = loc;
      if (kill_rep >= 0) {
        Fatalities f;
        f.killed = kill_rep;
        f.spans.push_back(at(kill_text));
        e.fatalities = f;
      }
      e.sentence = {s0, static_cast<uint32_t>(doc.raw.size())};
      e.sentence_text = sentence;
      e.trigger = k.verb;
      e.evidence = {{"trigger", at(k.verb)},
                    {"source", at(src_text)},
                    {"target", at(tgt_text)},
                    {"place", at(place)},
                    {"date", at(date)}};
      if (kill_rep >= 0) e.evidence.push_back({"casualties", at(kill_text)});
      e.confidence = 0.5 + 0.1 * static_cast<double>(rng.Below(5));
      e.coder_version = "synthetic";
      KRONIEK_RETURN_IF_ERROR(store.AddMentions(doc, {e}, run));
      if (++in_batch >= kBatch) {
        KRONIEK_RETURN_IF_ERROR(store.CommitBatch());
        KRONIEK_RETURN_IF_ERROR(store.BeginBatch());
        in_batch = 0;
      }
    }
  }
  KRONIEK_RETURN_IF_ERROR(store.CommitBatch());
  RunSummary sum;
  sum.documents = sum.read = sum.new_documents = documents;
  return store.FinishRun(run, sum);
}

}  // namespace kroniek::store
