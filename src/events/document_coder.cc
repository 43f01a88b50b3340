// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "events/document_coder.h"

#include <algorithm>
#include <map>

#include "base/resources.h"
#include "entities/actor_dictionary.h"
#include "entities/gazetteer.h"

namespace kroniek::events {

StatusOr<std::unique_ptr<DocumentCoder>> DocumentCoder::Load(const DocumentCoderOptions& opt) {
  std::unique_ptr<DocumentCoder> c(new DocumentCoder());
  c->options_ = opt;
  const std::string dir = base::ResourceDir(opt.resource_dir);
  KRONIEK_ASSIGN_OR_RETURN(c->analyzer_, text::Analyzer::Load(dir));
  auto soft = [&](const Status& s, const std::string& what) -> Status {
    if (s.ok()) return s;
    if (opt.require_all) return s.WithPrefix(what);
    c->warnings_.push_back(what + " unavailable: " + s.message());
    return Status::OK();
  };
  {
    auto t = lang::PosTagger::Load(lang::PosTagger::DefaultPath(dir));
    if (t.ok()) c->tagger_ = std::move(*t);
    KRONIEK_RETURN_IF_ERROR(soft(t.status(), "UPOS tagger"));
  }
  {
    auto n = lang::NerModel::Load(lang::NerModel::DefaultPath(dir));
    if (n.ok()) c->ner_ = std::move(*n);
    KRONIEK_RETURN_IF_ERROR(soft(n.status(), "NER model"));
  }
  KRONIEK_ASSIGN_OR_RETURN(entities::ActorDictionary dict,
                           entities::LoadActorDictionary(dir, "nl"));
  c->actors_ = std::make_unique<entities::ActorMatcher>(std::move(dict));
  {
    std::string path = opt.gazetteer.empty() ? entities::Gazetteer::DefaultPath() : opt.gazetteer;
    auto g = entities::Geocoder::Open(path);
    if (g.ok()) c->geocoder_.emplace(std::move(*g));
    KRONIEK_RETURN_IF_ERROR(soft(g.status(), "gazetteer " + path));
  }
  if (opt.code_events) {
    KRONIEK_ASSIGN_OR_RETURN(c->morphology_, lang::Morphology::Load(dir, "nl"));
    KRONIEK_ASSIGN_OR_RETURN(c->ontology_, Ontology::Load(dir));
    KRONIEK_ASSIGN_OR_RETURN(c->dictionary_, EventDictionary::Load(dir, "nl", *c->ontology_));
    c->coder_ = std::make_unique<EventCoder>(c->dictionary_.get(), c->ontology_.get(),
                                             c->morphology_.get(), opt.coder);
  }
  return c;
}

CodedDocument DocumentCoder::Code(const Document& doc) const {
  CodedDocument out;
  out.text = analyzer_->Analyze(doc);
  const auto& toks = out.text.tokens;
  std::vector<std::vector<std::string_view>> sents;
  for (const Sentence& s : out.text.sentences) {
    std::vector<std::string_view> w;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) w.push_back(toks[i].text);
    sents.push_back(std::move(w));
  }
  if (tagger_) {
    out.upos.assign(toks.size(), "");
    for (size_t si = 0; si < sents.size(); ++si) {
      std::vector<std::string> tags = tagger_->Tag(sents[si]);
      for (size_t k = 0; k < tags.size(); ++k)
        out.upos[out.text.sentences[si].token_begin + k] = std::move(tags[k]);
    }
  }
  if (ner_) {
    auto spans = ner_->RecognizeDocument(sents);
    for (size_t si = 0; si < spans.size(); ++si)
      for (lang::EntitySpan e : spans[si]) {
        e.token_begin += out.text.sentences[si].token_begin;
        e.token_end += out.text.sentences[si].token_begin;
        out.ner.push_back(std::move(e));
      }
  }
  out.actors = actors_->Match(doc.raw, toks, out.text.sentences, doc.date);
  if (geocoder_) {
    entities::PlaceContext ctx;
    std::map<std::string, int> counts;
    for (const auto& a : out.actors)
      if (!a.country.empty()) ++counts[a.country];
    std::vector<std::pair<int, std::string>> order;
    for (const auto& [k, v] : counts) order.push_back({-v, k});
    std::sort(order.begin(), order.end());
    for (const auto& [n, k] : order) ctx.doc_countries.push_back(k);
    out.places = geocoder_->FindPlaces(doc.raw, toks, out.text.sentences, ctx);
  }
  // Merged entity view: NER spans, actor mentions and places by span.
  std::map<std::pair<uint32_t, uint32_t>, EntityView> views;
  auto view = [&](uint32_t b, uint32_t e) -> EntityView& {
    EntityView& v = views[{toks[b].span.begin, toks[e - 1].span.end}];
    v.span = {toks[b].span.begin, toks[e - 1].span.end};
    v.token_begin = b;
    v.token_end = e;
    v.text = std::string(v.span.Of(doc.raw));
    return v;
  };
  for (const auto& e : out.ner)
    if (e.token_end > e.token_begin && e.token_end <= toks.size())
      view(static_cast<uint32_t>(e.token_begin), static_cast<uint32_t>(e.token_end)).ner_type = e.type;
  for (const auto& a : out.actors) {
    if (a.token_end <= a.token_begin) continue;
    EntityView& v = view(a.token_begin, a.token_end);
    v.code = a.code;
    v.country = a.country;
    v.sector = a.sector;
    v.actor_rule = a.rule;
  }
  for (const auto& p : out.places) {
    auto lb = std::lower_bound(toks.begin(), toks.end(), p.span.begin,
                               [](const Token& t, uint32_t b) { return t.span.end <= b; });
    uint32_t b = static_cast<uint32_t>(lb - toks.begin()), e = b;
    while (e < toks.size() && toks[e].span.begin < p.span.end) ++e;
    if (e > b) view(b, e).place = p;
  }
  for (auto& [k, v] : views) out.entities.push_back(std::move(v));
  if (coder_) {
    CoderInput in{doc,        out.text, out.upos, out.actors,
                  out.ner,    out.places, &actors_->dictionary()};
    out.events = coder_->Code(in);
  }
  return out;
}

}  // namespace kroniek::events
