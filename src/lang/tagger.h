// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Universal part-of-speech (UPOS) tagger: a greedy averaged perceptron over
// hashed word, affix, shape and context features (see internal/perceptron.h).
//
//   auto tagger = kroniek::lang::PosTagger::Load(
//       kroniek::lang::PosTagger::DefaultPath());
//   if (!tagger.ok()) return tagger.status();
//   std::vector<std::string_view> words = {"De", "kat", "slaapt", "."};
//   std::vector<std::string> tags = (*tagger)->Tag(words);
//   // {"DET", "NOUN", "VERB", "PUNCT"}
//
// Load once and share: a PosTagger is immutable, and Tag() is const and safe
// to call from any number of threads at once. Tokens are words as the UD
// treebanks split them (punctuation separate, clitics like "'s" kept whole).
#ifndef KRONIEK_LANG_TAGGER_H_
#define KRONIEK_LANG_TAGGER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kroniek/status.h"
#include "lang/conll.h"

namespace kroniek::lang {

namespace internal {
struct ModelContents;
}

class PosTagger {
 public:
  // "<resource_dir>/nl/models/upos.model" (ResourceDir() when empty).
  static std::string DefaultPath(std::string_view resource_dir = {});

  // Loads a model written by Save(). Errors: NotFound (unreadable file),
  // DataLoss "<path>: byte offset N: ..." (truncated/corrupt), InvalidArgument
  // (the file holds another kind of model, e.g. NER).
  static StatusOr<std::unique_ptr<PosTagger>> Load(const std::string& path);

  ~PosTagger();
  PosTagger(const PosTagger&) = delete;
  PosTagger& operator=(const PosTagger&) = delete;

  // One UPOS tag per word (empty input -> empty output). Never fails.
  std::vector<std::string> Tag(const std::vector<std::string_view>& words) const;

  // Writes the model. Errors: Unavailable when the file cannot be written.
  Status Save(const std::string& path) const;

  // The tag set, in class-id order.
  const std::vector<std::string>& tags() const;
  // Number of weighted features kept in the model.
  size_t num_features() const;

 private:
  friend struct PosTaggerAccess;
  explicit PosTagger(std::unique_ptr<internal::ModelContents> model);
  std::unique_ptr<internal::ModelContents> model_;
};

struct PosTaggerTrainOptions {
  int epochs = 8;
  uint64_t seed = 1;
  // Called after each epoch with the averaged model so far (e.g. to report
  // held-out accuracy); may be empty.
  std::function<void(int epoch, const PosTagger&)> on_epoch;
};

// Trains a tagger on `train` (tags are UPOS strings). Deterministic for a
// given (train, options). Errors: InvalidArgument when `train` is empty, a
// sentence's words and tags differ in length, or there are over 255 tags.
StatusOr<std::unique_ptr<PosTagger>> TrainPosTagger(const std::vector<LabeledSentence>& train,
                                                    const PosTaggerTrainOptions& options);

// Share of tokens in `data` whose predicted tag equals the gold tag, in percent.
double TagAccuracy(const PosTagger& tagger, const std::vector<LabeledSentence>& data);

}  // namespace kroniek::lang

#endif  // KRONIEK_LANG_TAGGER_H_
