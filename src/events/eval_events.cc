// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "events/eval_events.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "base/resources.h"
#include "base/utf8.h"

namespace kroniek::events {

using nlohmann::json;

namespace {

StatusOr<std::vector<std::optional<std::string>>> Patterns(const json& j,
                                                           const std::string& where) {
  std::vector<std::optional<std::string>> out;
  if (!j.is_array()) return InvalidArgumentError(where + " is not a list");
  for (const json& p : j) {
    if (p.is_null()) out.push_back(std::nullopt);
    else if (p.is_string()) out.push_back(p.get<std::string>());
    else return InvalidArgumentError(where + " holds a non-string pattern");
  }
  return out;
}

StatusOr<std::vector<std::string>> Strings(const json& j, const std::string& where) {
  std::vector<std::string> out;
  if (j.is_null()) return out;
  if (!j.is_array()) return InvalidArgumentError(where + " is not a list");
  for (const json& p : j) {
    if (!p.is_string()) return InvalidArgumentError(where + " holds a non-string");
    out.push_back(p.get<std::string>());
  }
  return out;
}

const char* PloverKey(const std::string& t) { return t.empty() ? "(none)" : t.c_str(); }

}  // namespace

StatusOr<GoldDoc> LoadGold(const std::string& path) {
  std::string text;
  if (!base::ReadFileToString(path, &text))
    return NotFoundError("cannot read gold file " + path);
  return ParseGold(path, text);
}

StatusOr<GoldDoc> ParseGold(const std::string& path, const std::string& text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return InvalidArgumentError(path + ": not a JSON object");
  GoldDoc g;
  g.path = path;
  g.doc = j.value("doc", "");
  g.lang = j.value("lang", "");
  g.date = j.value("date", "");
  if (!j.contains("events") || !j["events"].is_array())
    return InvalidArgumentError(path + ": 'events' list missing");
  for (const json& e : j["events"]) {
    GoldEvent ge;
    ge.id = e.value("id", "");
    std::string where = path + ": event '" + ge.id + "'";
    if (!e.contains("quote") || !e["quote"].is_string() || e["quote"].get<std::string>().empty())
      return InvalidArgumentError(where + ": 'quote' missing");
    ge.quote = e["quote"].get<std::string>();
    ge.required = e.value("required", false);
    ge.historical = e.value("historical", false);
    KRONIEK_ASSIGN_OR_RETURN(ge.source, Patterns(e.value("source", json::array({nullptr, "*"})), where + " source"));
    KRONIEK_ASSIGN_OR_RETURN(ge.target, Patterns(e.value("target", json::array({nullptr, "*"})), where + " target"));
    KRONIEK_ASSIGN_OR_RETURN(ge.cameo, Strings(e.value("cameo", json::array()), where + " cameo"));
    KRONIEK_ASSIGN_OR_RETURN(ge.plover, Strings(e.value("plover", json::array()), where + " plover"));
    if (ge.cameo.empty()) return InvalidArgumentError(where + ": 'cameo' list is empty");
    if (e.contains("date") && e["date"].is_object()) {
      const json& d = e["date"];
      if (d.contains("within") && d["within"].is_array() && d["within"].size() == 2)
        ge.date_within = std::make_pair(d["within"][0].get<std::string>(),
                                        d["within"][1].get<std::string>());
      static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                    "Friday", "Saturday", "Sunday"};
      std::string wd = d.value("weekday", "");
      for (int i = 0; i < 7; ++i)
        if (wd == kDays[i]) ge.weekday = i;
    }
    if (e.contains("location") && e["location"].is_object()) {
      const json& l = e["location"];
      if (l.contains("lat") && l.contains("lon")) {
        ge.lat = l["lat"].get<double>();
        ge.lon = l["lon"].get<double>();
        ge.max_km = l.value("max_km", 25.0);
      }
    }
    if (e.contains("fatalities")) ge.fatalities = e["fatalities"];
    g.events.push_back(std::move(ge));
  }
  if (j.contains("no_event")) {
    KRONIEK_ASSIGN_OR_RETURN(g.no_event, Strings(j["no_event"], path + ": no_event"));
  }
  return g;
}

bool CodePatternMatches(const std::string& pattern, const std::string& code) {
  if (pattern == "*") return !code.empty();
  if (!pattern.empty() && pattern.back() == '*') {
    std::string_view prefix(pattern.data(), pattern.size() - 1);
    return code.size() >= prefix.size() && code.compare(0, prefix.size(), prefix) == 0;
  }
  return pattern == code;
}

bool ActorPatternMatches(const std::optional<std::string>& pattern,
                         const std::string& code) {
  if (!pattern) return code.empty();
  return CodePatternMatches(*pattern, code);
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kR = 6371.0, kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) *
                 std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kR * std::asin(std::min(1.0, std::sqrt(a)));
}

namespace {

std::string Code(const std::optional<ActorSlot>& a) { return a ? a->code : std::string(); }

bool Matches(const GoldEvent& g, const Event& e, int doc_year) {
  if (e.sentence_text.find(g.quote) == std::string::npos) return false;
  auto any = [](const auto& pats, const std::string& code) {
    return std::any_of(pats.begin(), pats.end(),
                       [&](const auto& p) { return ActorPatternMatches(p, code); });
  };
  if (!any(g.source, Code(e.source)) || !any(g.target, Code(e.target))) return false;
  if (!std::any_of(g.cameo.begin(), g.cameo.end(),
                   [&](const std::string& p) { return CodePatternMatches(p, e.cameo); }))
    return false;
  if (!g.plover.empty() &&
      std::find(g.plover.begin(), g.plover.end(), e.plover_type) == g.plover.end())
    return false;
  if (g.historical) {
    bool older = e.date.end.size() >= 4 && doc_year > 0 &&
                 std::atoi(e.date.end.substr(0, 4).c_str()) < doc_year;
    if (!e.historical && !older) return false;
  }
  return true;
}

std::string Describe(const Event& e) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s %s -> %s (%s)", e.cameo.c_str(),
                e.source ? (e.source->code.empty() ? "?" : e.source->code.c_str()) : "-",
                e.target ? (e.target->code.empty() ? "?" : e.target->code.c_str()) : "-",
                e.trigger.c_str());
  return buf;
}

bool FatalitiesRight(const json& gold, const std::optional<Fatalities>& f,
                     std::string* why) {
  if (!f) {
    *why = "no casualty counts";
    return false;
  }
  for (const auto& [k, v] : gold.items()) {
    if (k == "killed" || k == "cumulative_killed" || k == "injured") {
      const std::optional<int64_t>& got =
          k == "killed" ? f->killed : k == "injured" ? f->injured : f->cumulative_killed;
      if (v.is_number_integer()) {
        if (!got || *got != v.get<int64_t>()) {
          *why = k + " expected " + v.dump() + ", got " + (got ? std::to_string(*got) : "none");
          return false;
        }
      } else if (v.is_string()) {  // unquantified
        if (!f->vague && !got) {
          *why = k + " expected unquantified";
          return false;
        }
      }
    } else if (k == "civilians") {
      if (v.is_boolean() && v.get<bool>() != f->civilians) {
        *why = "civilians flag wrong";
        return false;
      }
    }
  }
  return true;
}

}  // namespace

void ScoreDocument(const GoldDoc& gold, const std::vector<Event>& events,
                   EventScores* s) {
  ++s->documents;
  int doc_year = gold.date.size() >= 4 ? std::atoi(gold.date.substr(0, 4).c_str()) : 0;
  const size_t ng = gold.events.size(), ne = events.size();
  // Order: required gold first, so they win contested events.
  std::vector<size_t> order(ng);
  for (size_t i = 0; i < ng; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return gold.events[a].required > gold.events[b].required;
  });
  std::vector<std::vector<size_t>> adj(ng);
  for (size_t g = 0; g < ng; ++g)
    for (size_t e = 0; e < ne; ++e)
      if (Matches(gold.events[g], events[e], doc_year)) adj[g].push_back(e);
  // Kuhn's augmenting paths; required gold are tried first and an optional
  // gold may only take an event no required gold needs.
  std::vector<int> event_to_gold(ne, -1);
  std::function<bool(size_t, std::vector<bool>&, bool)> augment =
      [&](size_t g, std::vector<bool>& seen, bool optional_pass) -> bool {
    for (size_t e : adj[g]) {
      if (seen[e]) continue;
      seen[e] = true;
      int holder = event_to_gold[e];
      if (holder >= 0 && optional_pass && gold.events[holder].required) continue;
      if (holder < 0 || augment(static_cast<size_t>(holder), seen, optional_pass)) {
        event_to_gold[e] = static_cast<int>(g);
        return true;
      }
    }
    return false;
  };
  for (size_t g : order) {
    std::vector<bool> seen(ne, false);
    augment(g, seen, !gold.events[g].required);
  }
  std::vector<int> gold_to_event(ng, -1);
  for (size_t e = 0; e < ne; ++e)
    if (event_to_gold[e] >= 0) gold_to_event[event_to_gold[e]] = static_cast<int>(e);

  const std::string doc = gold.doc.empty() ? gold.path : gold.doc;
  for (size_t g = 0; g < ng; ++g) {
    const GoldEvent& ge = gold.events[g];
    std::string type = ge.plover.empty() ? "(none)" : ge.plover.front();
    if (ge.required) {
      ++s->required;
      ++s->by_type[type].gold_required;
    }
    int e = gold_to_event[g];
    if (e < 0) {
      if (ge.required)
        s->details.push_back(doc + ": MISS " + ge.id + " '" + ge.quote + "'");
      continue;
    }
    const Event& ev = events[e];
    if (ge.required) {
      ++s->matched_required;
      ++s->by_type[type].matched_required;
    } else {
      ++s->matched_optional;
    }
    if (ge.date_within) {
      ++s->dates_checked;
      bool ok = !ev.date.start.empty() && ev.date.start >= ge.date_within->first &&
                ev.date.end <= ge.date_within->second &&
                (ge.weekday < 0 || ev.date.weekday == ge.weekday);
      if (ok) ++s->dates_right;
      else s->details.push_back(doc + ": DATE " + ge.id + " got " + ev.date.start + ".." +
                                ev.date.end + " (" + ev.date.derived_from + ")");
    }
    if (ge.lat) {
      ++s->places_checked;
      if (ev.location) {
        double km = HaversineKm(*ge.lat, *ge.lon, ev.location->lat, ev.location->lon);
        s->place_km_errors.push_back(km);
        if (km <= ge.max_km) ++s->places_right;
        else s->details.push_back(doc + ": PLACE " + ge.id + " " + ev.location->name +
                                  " is " + std::to_string(static_cast<int>(km)) + " km off");
      } else {
        s->details.push_back(doc + ": PLACE " + ge.id + " no location");
      }
    }
    if (!ge.fatalities.is_null()) {
      ++s->casualties_checked;
      std::string why;
      if (FatalitiesRight(ge.fatalities, ev.fatalities, &why)) ++s->casualties_right;
      else s->details.push_back(doc + ": CASUALTIES " + ge.id + " " + why);
    }
  }
  for (size_t e = 0; e < ne; ++e) {
    const Event& ev = events[e];
    ++s->predicted;
    TypeCounts& tc = s->by_type[PloverKey(ev.plover_type)];
    ++tc.predicted;
    if (event_to_gold[e] >= 0) {
      ++tc.correct;
      continue;
    }
    bool in_no_event = std::any_of(gold.no_event.begin(), gold.no_event.end(),
                                   [&](const std::string& q) {
                                     return ev.sentence_text.find(q) != std::string::npos;
                                   });
    bool older = ev.date.end.size() >= 4 && doc_year > 0 &&
                 std::atoi(ev.date.end.substr(0, 4).c_str()) < doc_year;
    if (in_no_event && (ev.historical || older)) {
      ++s->exempt;
      continue;
    }
    ++s->false_positives;
    s->details.push_back(doc + ": FALSE POSITIVE " + Describe(ev) + " in '" +
                         base::Snippet(ev.sentence_text, 110) + "'");
  }
}

double EventScores::precision() const {
  int counted = matched_required + matched_optional + false_positives;
  return counted == 0 ? 0 : double(matched_required + matched_optional) / counted;
}
double EventScores::recall() const {
  return required == 0 ? 0 : double(matched_required) / required;
}
double EventScores::f1() const {
  double p = precision(), r = recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

namespace {
std::string Pct(int a, int b) {
  char buf[48];
  if (b == 0) std::snprintf(buf, sizeof buf, "n/a (0)");
  else std::snprintf(buf, sizeof buf, "%.1f%% (%d/%d)", 100.0 * a / b, a, b);
  return buf;
}
double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
}  // namespace

std::string FormatScores(const EventScores& s, bool details) {
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "documents %d; events predicted %d; required gold %d\n"
                "precision %.3f  recall %.3f  F1 %.3f  (matched required %d, "
                "optional %d, false positives %d, exempt historical %d)\n",
                s.documents, s.predicted, s.required, s.precision(), s.recall(),
                s.f1(), s.matched_required, s.matched_optional, s.false_positives,
                s.exempt);
  out += buf;
  out += "dates right " + Pct(s.dates_right, s.dates_checked) + "; places right " +
         Pct(s.places_right, s.places_checked);
  std::snprintf(buf, sizeof buf, " (median error %.1f km)", Median(s.place_km_errors));
  out += buf;
  out += "; casualty counts right " + Pct(s.casualties_right, s.casualties_checked) + "\n";
  out += "by PLOVER type: type  recall(required)  precision\n";
  for (const auto& [type, c] : s.by_type) {
    out += "  " + type + "  " + Pct(c.matched_required, c.gold_required) + "  " +
           Pct(c.correct, c.predicted) + "\n";
  }
  if (details)
    for (const std::string& d : s.details) out += "  " + d + "\n";
  return out;
}

json ScoresToJson(const EventScores& s) {
  json by = json::object();
  for (const auto& [type, c] : s.by_type)
    by[type] = {{"gold_required", c.gold_required},
                {"matched_required", c.matched_required},
                {"predicted", c.predicted},
                {"correct", c.correct}};
  return {{"documents", s.documents},
          {"predicted", s.predicted},
          {"required", s.required},
          {"matched_required", s.matched_required},
          {"matched_optional", s.matched_optional},
          {"false_positives", s.false_positives},
          {"exempt", s.exempt},
          {"precision", s.precision()},
          {"recall", s.recall()},
          {"f1", s.f1()},
          {"dates", {{"checked", s.dates_checked}, {"right", s.dates_right}}},
          {"places", {{"checked", s.places_checked}, {"right", s.places_right},
                      {"median_km", Median(s.place_km_errors)}}},
          {"casualties", {{"checked", s.casualties_checked}, {"right", s.casualties_right}}},
          {"by_plover_type", by},
          {"details", s.details}};
}

}  // namespace kroniek::events
