// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "lang/tagger.h"

#include <map>

#include "base/resources.h"
#include "lang/internal/features.h"
#include "lang/internal/model_file.h"
#include "lang/internal/perceptron.h"

namespace kroniek::lang {

using internal::ModelContents;
using internal::ModelKind;

namespace {
constexpr uint32_t kTaggerFeatures = internal::kFeatBase | internal::kFeatContext;

std::vector<std::string_view> Views(const std::vector<std::string>& words) {
  return std::vector<std::string_view>(words.begin(), words.end());
}
}  // namespace

struct PosTaggerAccess {
  static std::unique_ptr<PosTagger> Make(std::unique_ptr<ModelContents> m) {
    return std::unique_ptr<PosTagger>(new PosTagger(std::move(m)));
  }
};

PosTagger::PosTagger(std::unique_ptr<ModelContents> model) : model_(std::move(model)) {}
PosTagger::~PosTagger() = default;

std::string PosTagger::DefaultPath(std::string_view resource_dir) {
  return base::ResourceDir(resource_dir) + "/nl/models/upos.model";
}

StatusOr<std::unique_ptr<PosTagger>> PosTagger::Load(const std::string& path) {
  auto m = internal::ReadModelFile(path, ModelKind::kUpos);
  if (!m.ok()) return m.status();
  return PosTaggerAccess::Make(std::make_unique<ModelContents>(std::move(*m)));
}

std::vector<std::string> PosTagger::Tag(const std::vector<std::string_view>& words) const {
  thread_local internal::SentenceFeatures sf;  // reused: no per-token allocation
  thread_local internal::WordScoreCache cache;  // a memo: the same tags without it
  cache.Bind(model_->weights);
  internal::ExtractStatic(words, model_->feature_set, {}, nullptr, &sf, &cache);
  std::vector<int> ids;
  internal::GreedyDecode(model_->weights, sf, model_->feature_set, {}, &ids, nullptr, &cache);
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (int id : ids) out.push_back(model_->classes[id]);
  return out;
}

Status PosTagger::Save(const std::string& path) const {
  return internal::WriteModelFile(*model_, path);
}

const std::vector<std::string>& PosTagger::tags() const { return model_->classes; }
size_t PosTagger::num_features() const { return model_->weights.num_features(); }

StatusOr<std::unique_ptr<PosTagger>> TrainPosTagger(const std::vector<LabeledSentence>& train,
                                                    const PosTaggerTrainOptions& options) {
  if (train.empty()) return InvalidArgumentError("tagger training: no training sentences");
  std::map<std::string, int> ids;
  for (size_t s = 0; s < train.size(); ++s) {
    if (train[s].words.size() != train[s].tags.size()) {
      return InvalidArgumentError("tagger training: sentence " + std::to_string(s) + " has " +
                                  std::to_string(train[s].words.size()) + " words but " +
                                  std::to_string(train[s].tags.size()) + " tags");
    }
    for (const std::string& t : train[s].tags) ids.emplace(t, 0);
  }
  if (ids.size() > 255) {
    return InvalidArgumentError("tagger training: " + std::to_string(ids.size()) +
                                " distinct tags (at most 255)");
  }
  std::vector<std::string> classes;
  for (auto& [tag, id] : ids) {
    id = static_cast<int>(classes.size());
    classes.push_back(tag);
  }
  std::vector<internal::TrainSentence> data(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    internal::ExtractStatic(Views(train[s].words), kTaggerFeatures, {}, nullptr,
                            &data[s].features);
    for (const std::string& t : train[s].tags) data[s].gold.push_back(ids[t]);
  }
  internal::TrainOptions topt;
  topt.epochs = options.epochs;
  topt.seed = options.seed;
  topt.feature_set = kTaggerFeatures;
  if (options.on_epoch) {
    topt.on_epoch = [&](int epoch, const internal::PerceptronModel& w) {
      auto m = std::make_unique<ModelContents>();
      m->kind = ModelKind::kUpos;
      m->feature_set = kTaggerFeatures;
      m->classes = classes;
      m->weights = w;
      options.on_epoch(epoch, *PosTaggerAccess::Make(std::move(m)));
    };
  }
  auto m = std::make_unique<ModelContents>();
  m->kind = ModelKind::kUpos;
  m->feature_set = kTaggerFeatures;
  m->classes = classes;
  m->weights = internal::TrainGreedy(data, static_cast<int>(classes.size()), topt);
  return PosTaggerAccess::Make(std::move(m));
}

double TagAccuracy(const PosTagger& tagger, const std::vector<LabeledSentence>& data) {
  size_t total = 0, correct = 0;
  for (const LabeledSentence& s : data) {
    std::vector<std::string> pred = tagger.Tag(Views(s.words));
    for (size_t i = 0; i < pred.size() && i < s.tags.size(); ++i) {
      ++total;
      correct += pred[i] == s.tags[i];
    }
  }
  return total == 0 ? 0.0 : 100.0 * static_cast<double>(correct) / static_cast<double>(total);
}

}  // namespace kroniek::lang
