// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "lang/ner.h"

#include <map>

#include "base/resources.h"
#include "lang/internal/features.h"
#include "lang/internal/gazetteer.h"
#include "lang/internal/model_file.h"
#include "lang/internal/perceptron.h"

namespace kroniek::lang {

using internal::Gazetteer;
using internal::ModelContents;
using internal::ModelKind;

namespace {

// Chosen on ned.testa (MODEL_CARD.md): character 3-grams (kFeatChar3) cost
// 0.5 F1 there, so they are off.
constexpr uint32_t kNerFeatures = internal::kFeatBase | internal::kFeatContext |
                                  internal::kFeatNerExtras | internal::kFeatGazetteer |
                                  internal::kFeatDocument | internal::kDecodeViterbi |
                                  internal::kFeatAffix5 | internal::kFeatNerContext2;
// Gazetteer slots in the model: 0 open data, 1 training-data names, 2 word
// list (internal::kWordListSlot).
constexpr int kNumGazetteers = 3;
// Gazetteer types 4..7: whole training names; 8..11: words of those names.
constexpr int kMaxTypesPerSlot = 4;
constexpr int kMaxEntityTypes = kMaxTypesPerSlot;

std::vector<std::string_view> Views(const std::vector<std::string>& words) {
  return std::vector<std::string_view>(words.begin(), words.end());
}

// IOB2 transition mask: I-X only after B-X or I-X.
std::vector<uint8_t> BuildMask(const std::vector<std::string>& classes) {
  const size_t c = classes.size();
  std::vector<uint8_t> mask((c + 1) * c, 1);
  for (size_t cur = 0; cur < c; ++cur) {
    const std::string& t = classes[cur];
    if (t.size() < 3 || t[0] != 'I') continue;
    std::string_view type = std::string_view(t).substr(2);
    for (size_t prev = 0; prev <= c; ++prev) {  // prev == 0 is "start"
      bool ok = false;
      if (prev > 0) {
        const std::string& p = classes[prev - 1];
        ok = p.size() >= 3 && std::string_view(p).substr(2) == type;
      }
      mask[prev * c + cur] = ok;
    }
  }
  return mask;
}

std::vector<std::pair<uint64_t, uint32_t>> EntriesOf(const Gazetteer* g) {
  return g == nullptr ? std::vector<std::pair<uint64_t, uint32_t>>{} : g->Entries();
}

}  // namespace

struct NerModelAccess {
  static std::unique_ptr<NerModel> Make(std::unique_ptr<ModelContents> m) {
    return std::unique_ptr<NerModel>(new NerModel(std::move(m)));
  }
};

NerModel::NerModel(std::unique_ptr<ModelContents> model) : model_(std::move(model)) {
  for (const auto& entries : model_->gazetteers) {
    auto g = std::make_unique<Gazetteer>();
    g->Reserve(entries.size());
    for (const auto& [key, mask] : entries) {
      g->AddHashed(key, mask & 0xFFFFu, static_cast<int>(mask >> 16));
    }
    gazetteers_.push_back(std::move(g));
  }
  mask_ = BuildMask(model_->classes);
  if (model_->feature_set & internal::kDecodeViterbi) {
    tables_ = std::make_unique<internal::ViterbiTables>(
        internal::MakeViterbiTables(model_->weights));
  }
}
NerModel::~NerModel() = default;

std::string NerModel::DefaultPath(std::string_view resource_dir) {
  return base::ResourceDir(resource_dir) + "/nl/models/ner.model";
}

StatusOr<std::unique_ptr<NerModel>> NerModel::Load(const std::string& path) {
  auto m = internal::ReadModelFile(path, ModelKind::kNer);
  if (!m.ok()) return m.status();
  return NerModelAccess::Make(std::make_unique<ModelContents>(std::move(*m)));
}

std::vector<int> NerModel::Decode(const std::vector<std::string_view>& words,
                                  const std::vector<uint32_t>* doc_hints,
                                  std::vector<float>* probs) const {
  // Per-thread buffers: no per-token allocation once they have grown.
  thread_local internal::SentenceFeatures sf;
  thread_local std::vector<const Gazetteer*> gaz;
  thread_local internal::WordScoreCache cache;  // memos: the same tags without them
  thread_local internal::ViterbiCache history;
  cache.Bind(model_->weights);
  if (tables_ != nullptr) history.Bind(model_->weights);
  gaz.clear();
  for (const auto& g : gazetteers_) gaz.push_back(g.get());
  std::vector<std::vector<uint32_t>> own_hints;
  if (doc_hints == nullptr && (model_->feature_set & internal::kFeatDocument)) {
    own_hints = internal::ComputeDocHints({words});
    doc_hints = &own_hints[0];
  }
  internal::ExtractStatic(words, model_->feature_set, gaz, doc_hints, &sf, &cache);
  std::vector<int> ids;
  if (tables_ != nullptr) {
    internal::ViterbiDecode(model_->weights, *tables_, sf, model_->feature_set, mask_, &ids,
                            probs, &cache, &history);
  } else {
    internal::GreedyDecode(model_->weights, sf, model_->feature_set, mask_, &ids, probs, &cache);
  }
  return ids;
}

std::vector<std::string> NerModel::TagBio(const std::vector<std::string_view>& words) const {
  std::vector<int> ids = Decode(words, nullptr, nullptr);
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (int id : ids) out.push_back(model_->classes[id]);
  return out;
}

std::vector<std::vector<std::string>> NerModel::TagBioDocument(
    const std::vector<std::vector<std::string_view>>& sentences) const {
  std::vector<std::vector<uint32_t>> hints = internal::ComputeDocHints(sentences);
  std::vector<std::vector<std::string>> out(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (int id : Decode(sentences[s], &hints[s], nullptr)) out[s].push_back(model_->classes[id]);
  }
  return out;
}

std::vector<std::vector<EntitySpan>> NerModel::RecognizeDocument(
    const std::vector<std::vector<std::string_view>>& sentences) const {
  std::vector<std::vector<uint32_t>> hints = internal::ComputeDocHints(sentences);
  std::vector<std::vector<EntitySpan>> out(sentences.size());
  std::vector<float> probs;
  for (size_t s = 0; s < sentences.size(); ++s) {
    std::vector<int> ids = Decode(sentences[s], &hints[s], &probs);
    out[s] = ToSpans(ids, probs);
  }
  return out;
}

std::vector<EntitySpan> NerModel::Recognize(const std::vector<std::string_view>& words) const {
  std::vector<float> probs;
  std::vector<int> ids = Decode(words, nullptr, &probs);
  return ToSpans(ids, probs);
}

std::vector<EntitySpan> NerModel::ToSpans(const std::vector<int>& ids,
                                          const std::vector<float>& probs) const {
  std::vector<std::string> tags;
  tags.reserve(ids.size());
  for (int id : ids) tags.push_back(model_->classes[id]);
  std::vector<EntitySpan> out;
  for (const Chunk& c : ExtractChunks(tags)) {
    float sum = 0;
    for (int i = c.begin; i < c.end; ++i) sum += probs[i];
    out.push_back({static_cast<size_t>(c.begin), static_cast<size_t>(c.end), c.type,
                   sum / static_cast<float>(c.end - c.begin)});
  }
  return out;
}

Status NerModel::Save(const std::string& path) const {
  return internal::WriteModelFile(*model_, path);
}

size_t NerModel::num_features() const { return model_->weights.num_features(); }
size_t NerModel::num_gazetteer_entries() const {
  size_t n = 0;
  for (const auto& g : gazetteers_) n += g->size();
  return n;
}

StatusOr<std::unique_ptr<NerModel>> TrainNerModel(const std::vector<LabeledSentence>& train,
                                                  const NerTrainOptions& options) {
  if (train.empty()) return InvalidArgumentError("NER training: no training sentences");
  // Normalise gold to IOB2 chunks; collect entity types in a stable order.
  std::map<std::string, int> type_ids;
  std::vector<std::vector<Chunk>> chunks(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    if (train[s].words.size() != train[s].tags.size()) {
      return InvalidArgumentError("NER training: sentence " + std::to_string(s) + " has " +
                                  std::to_string(train[s].words.size()) + " words but " +
                                  std::to_string(train[s].tags.size()) + " tags");
    }
    chunks[s] = ExtractChunks(train[s].tags);
    for (const Chunk& c : chunks[s]) type_ids.emplace(c.type, 0);
  }
  if (static_cast<int>(type_ids.size()) > kMaxEntityTypes) {
    return InvalidArgumentError("NER training: " + std::to_string(type_ids.size()) +
                                " entity types (at most " + std::to_string(kMaxEntityTypes) + ")");
  }
  std::vector<std::string> classes = {"O"};
  std::map<std::string, int> class_ids = {{"O", 0}};
  int next_type = 0;
  for (auto& [type, id] : type_ids) {
    id = next_type++;
    for (const char* p : {"B-", "I-"}) {
      class_ids[p + type] = static_cast<int>(classes.size());
      classes.push_back(p + type);
    }
  }

  std::unique_ptr<Gazetteer> open_data;
  if (!options.open_data_dir.empty()) {
    auto g = internal::LoadOpenDataGazetteer(options.open_data_dir);
    if (!g.ok()) return g.status();
    open_data = std::make_unique<Gazetteer>(std::move(*g));
  }
  std::unique_ptr<Gazetteer> word_list;
  if (!options.word_list.empty()) {
    auto g = internal::LoadWordListGazetteer(options.word_list);
    if (!g.ok()) return g.status();
    word_list = std::make_unique<Gazetteer>(std::move(*g));
  }
  Gazetteer names_full, names_fold[2];
  if (options.train_gazetteer) {
    for (size_t s = 0; s < train.size(); ++s) {
      for (const Chunk& c : chunks[s]) {
        std::string phrase;
        for (int i = c.begin; i < c.end; ++i) {
          if (i > c.begin) phrase.push_back(' ');
          phrase += train[s].words[i];
        }
        const int type = internal::kGazTrainBase + type_ids[c.type];
        names_full.Add(phrase, type);
        names_fold[train[s].doc % 2].Add(phrase, type);
        // Words of multi-word names, alone ("Verhofstadt" of "Guy Verhofstadt").
        if (c.end - c.begin > 1) {
          for (int i = c.begin; i < c.end; ++i) {
            names_full.Add(train[s].words[i], type + kMaxTypesPerSlot);
            names_fold[train[s].doc % 2].Add(train[s].words[i], type + kMaxTypesPerSlot);
          }
        }
      }
    }
  }

  // Document hints over runs of consecutive sentences with the same doc id.
  std::vector<std::vector<uint32_t>> hints(train.size());
  for (size_t b = 0; b < train.size();) {
    size_t e = b;
    std::vector<std::vector<std::string_view>> doc;
    while (e < train.size() && train[e].doc == train[b].doc) doc.push_back(Views(train[e++].words));
    std::vector<std::vector<uint32_t>> h = internal::ComputeDocHints(doc);
    for (size_t s = b; s < e; ++s) hints[s] = std::move(h[s - b]);
    b = e;
  }
  std::vector<internal::TrainSentence> data(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    // A sentence sees the names of the other fold only.
    const Gazetteer* names = options.train_gazetteer ? &names_fold[1 - train[s].doc % 2] : nullptr;
    internal::ExtractStatic(Views(train[s].words), kNerFeatures,
                            {open_data.get(), names, word_list.get()}, &hints[s],
                            &data[s].features);
    data[s].gold.assign(train[s].words.size(), 0);
    for (const Chunk& c : chunks[s]) {
      data[s].gold[c.begin] = class_ids["B-" + c.type];
      for (int i = c.begin + 1; i < c.end; ++i) data[s].gold[i] = class_ids["I-" + c.type];
    }
  }
  auto make = [&](const internal::PerceptronModel& w) {
    auto m = std::make_unique<ModelContents>();
    m->kind = ModelKind::kNer;
    m->feature_set = kNerFeatures;
    m->classes = classes;
    m->gazetteers = {EntriesOf(open_data.get()),
                     EntriesOf(options.train_gazetteer ? &names_full : nullptr),
                     EntriesOf(word_list.get())};
    static_assert(kNumGazetteers == 3 && internal::kWordListSlot == 2);
    m->weights = w;
    return NerModelAccess::Make(std::move(m));
  };
  internal::TrainOptions topt;
  topt.epochs = options.epochs;
  topt.seed = options.seed;
  topt.feature_set = kNerFeatures;
  topt.mask = BuildMask(classes);
  if (options.on_epoch) {
    topt.on_epoch = [&](int epoch, const internal::PerceptronModel& w) {
      options.on_epoch(epoch, *make(w));
    };
  }
  internal::PerceptronModel w =
      internal::TrainGreedy(data, static_cast<int>(classes.size()), topt);
  return make(w);
}

StatusOr<EntityScores> EvaluateNer(const NerModel& model,
                                   const std::vector<LabeledSentence>& data) {
  std::vector<std::vector<std::string>> gold, pred;
  gold.reserve(data.size());
  pred.reserve(data.size());
  for (size_t b = 0; b < data.size();) {
    size_t e = b;
    std::vector<std::vector<std::string_view>> doc;
    while (e < data.size() && data[e].doc == data[b].doc) {
      gold.push_back(data[e].tags);
      doc.push_back(Views(data[e++].words));
    }
    for (auto& tags : model.TagBioDocument(doc)) pred.push_back(std::move(tags));
    b = e;
  }
  return ScoreConllEntities(gold, pred);
}

}  // namespace kroniek::lang
